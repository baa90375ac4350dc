import BallastCore

/// Plausible names for demo projects and enterprises, by category.
enum DemoNames {
    static let places = ["嵩山路", "大学路", "京广路", "航海路", "长江路", "淮河路", "马寨", "侯寨", "樱桃沟", "二七新区",
                         "德化街", "大学南路", "南三环", "芦庄", "齐礼阎", "贾鲁河", "金水河", "郑密路", "兴华街", "陇海路"]
    static let templates: [[String]] = [
        ["%@智能制造产业园", "%@跨境电商产业园", "%@科创孵化基地", "%@数字经济总部港", "%@新材料研发中心",
         "%@生物医药产业园", "%@工业总部港", "%@现代物流园", "%@检验检测产业园", "%@文创产业园"],
        ["%@城中村改造安置房", "%@片区城市更新", "%@棚户区改造", "%@老旧小区改造", "%@安置区建设",
         "%@商业综合体", "%@TOD综合开发", "%@历史文化街区更新"],
        ["%@道路新建工程", "%@综合管廊", "%@公共停车场", "%@雨污分流改造", "%@供热管网", "%@立交改造"],
        ["%@中学新建", "%@小学改扩建", "%@社区卫生服务中心", "%@养老服务中心", "%@全民健身中心", "%@文化馆"],
        ["%@生态公园", "%@河道综合治理", "%@郊野公园", "%@污水处理厂提标"],
    ]
    static let known = ["同位素研究所科创园", "郑州机械研究所创新中心", "华润科技文化智慧城", "郑大一附院TOD综合开发",
                        "仲景医药健康产业园", "中铁·泰和里", "二七区金融科技服务中心", "联东U谷·工业总部港",
                        "杉杉国际名品时尚中心", "深国际·北方区域总部智慧港", "二七区全民健身运动中心"]

    static func projectName(category: Int, serial: Int, rng: inout DemoRandom) -> String {
        if serial <= known.count * 3 && serial % 3 == 1 { return known[(serial - 1) / 3] }
        let template = rng.pick(templates[category])
        let place = rng.pick(places)
        return template.replacingOccurrences(of: "%@", with: place) + (rng.int(0...3) == 0 ? "（一期）" : "")
    }

    static let brands = ["华信", "中原", "豫发", "嵩岳", "建业", "正弘", "绿地", "万科", "郑投", "航天", "中铁", "联东",
                         "宇通", "安图", "致欧", "瑞茂通", "众诚", "汉威"]
    static let kinds = ["置业有限公司", "实业有限公司", "科技有限公司", "建设投资有限公司", "产业发展有限公司"]

    static func investor(rng: inout DemoRandom) -> (name: String, code: String) {
        let name = "郑州" + rng.pick(brands) + rng.pick(kinds)
        // 9 (registered with market regulation), 1 (enterprise), 410103 (二七区), 9-character organisation code.
        // The code is the name's own (a stable hash), so an enterprise investing in several
        // projects has one code, as in life. The draws are still made, to leave every later
        // figure of the demo where it was.
        let digits = Array(CreditCode.alphabet.prefix(10))
        for _ in 0..<9 { _ = rng.int(0...0) }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        var body = "91410103"
        for _ in 0..<8 { body.append(digits[Int(hash % 10)]); hash /= 10 }
        body.append(CreditCode.alphabet[Int(hash % UInt64(CreditCode.alphabet.count))])
        return (name, body + String(CreditCode.checkCharacter(for: body)!))
    }

    /// 形象进度 as units write it each month.
    static func progressText(month: Int, rng: inout DemoRandom) -> String {
        let works = ["基础施工", "主体结构施工", "二次结构砌筑", "管网铺设", "场地平整", "钢结构吊装", "室内装修", "设备安装调试", "道路摊铺", "绿化工程"]
        let work = rng.pick(works)
        let share = rng.int(5...40)
        return "\(month)月完成\(work)约\(share)%，现场施工人员\(rng.int(30...400))人"
    }

    static func content(category: Int, rng: inout DemoRandom) -> String {
        let area = rng.int(2...60)
        switch category {
        case 0: return "总建筑面积约\(area)万平方米，建设研发楼、标准化厂房及配套设施"
        case 1: return "总建筑面积约\(area * 2)万平方米，建设安置住房、商业及配套公共服务设施"
        case 2: return "道路全长约\(rng.int(1...9)).\(rng.int(0...9))公里，含管网、照明、绿化等配套工程"
        case 3: return "总建筑面积约\(max(1, area / 4))万平方米，建设教学（服务）用房及配套设施"
        default: return "治理面积约\(area * 10)公顷，建设生态绿化、步道及配套设施"
        }
    }
}
