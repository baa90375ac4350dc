/// The published figures of Erqi District's 2023 portfolio (see shared/DOMAIN.md and the
/// seeds), in 万元. The demo is built to reproduce them exactly; tests check against their
/// own copy of the numbers from the sources, not against these.
enum DemoFigures {
    static let year = 2023
    static let categories: [(name: String, projects: Int, totalWan: Int64)] = [
        ("产业转型发展", 105, 8_184_000),
        ("新型城镇化", 128, 13_458_000),
        ("现代基础设施", 66, 837_000),
        ("民生和社会事业", 54, 1_067_000),
        ("生态环保", 7, 258_000),
    ]
    static let annualPlanWan: Int64 = 3_500_000
    static let provincialKey = 19
    static let municipalKey = 25

    /// 三区三轴: the three axes carry published figures; the three areas share the rest.
    static let axes = ["嵩山路科创产业发展轴", "大学路健康服务及消费提质发展轴", "京广路总部经济和特色商业发展轴"]
    static let areas = ["北部城市更新片区", "中部产城融合片区", "南部生态文旅片区"]

    /// Projects per category (rows, in `categories` order) and zone column
    /// (three axes, then all three areas together). Column sums: 20, 29, 19, 292.
    static let counts: [[Int]] = [
        [8, 8, 6, 83],
        [5, 10, 7, 106],
        [3, 4, 2, 57],
        [3, 6, 3, 42],
        [1, 1, 1, 4],
    ]
    /// Investment per cell in 万元. Column sums: 290亿, 425亿, 267亿, and the rest of 2380.4亿.
    static let amounts: [[Int64]] = [
        [1_800_000, 1_500_000, 1_200_000, 3_684_000],
        [800_000, 2_300_000, 1_300_000, 9_058_000],
        [60_000, 80_000, 40_000, 657_000],
        [200_000, 320_000, 100_000, 447_000],
        [40_000, 50_000, 30_000, 138_000],
    ]

    /// 产业项目四库, mid-2023. 落地 projects are in the year's portfolio (前期 industrial
    /// projects); the other three pools are outside it.
    static let pools: [(stage: String, projects: Int, totalWan: Int64)] = [
        ("谋划", 64, 3_698_000),
        ("招引", 35, 1_944_000),
        ("签约", 9, 439_000),
        ("落地", 14, 101_000),
    ]

    static let units: [(name: String, variant: String)] = [
        ("区发展改革委", "部门"), ("区住房城乡建设局", "部门"), ("区城市更新局", "部门"), ("区商务局", "部门"),
        ("区工业和信息化局", "部门"), ("区教育局", "部门"), ("区卫生健康委", "部门"), ("区文化广电旅游局", "部门"),
        ("区交通运输局", "部门"), ("区农业农村局", "部门"), ("区生态环境分局", "部门"), ("区城投集团", "部门"),
        ("二七新区管委会", "部门"), ("马寨经济技术开发区管委会", "部门"),
        ("解放路街道", "镇街"), ("铭功路街道", "镇街"), ("一马路街道", "镇街"), ("蜜蜂张街道", "镇街"),
        ("五里堡街道", "镇街"), ("大学路街道", "镇街"), ("建中街街道", "镇街"), ("福华街街道", "镇街"),
        ("淮河路街道", "镇街"), ("长江路街道", "镇街"), ("京广路街道", "镇街"), ("嵩山路街道", "镇街"),
        ("侯寨街道", "镇街"), ("马寨镇", "镇街"), ("樱桃沟管理区", "镇街"),
    ]

    static let leaders = ["王立新", "李振华", "刘晓明", "陈志强", "杨文博", "赵海峰", "黄建军", "周国平",
                          "吴宏伟", "孙丽娟", "郭长青", "马红梅"]
    static let taskForces = ["产业项目专班", "城市更新专班", "重大基础设施专班", "民生实事专班", "生态环保专班", "招商引资专班"]
}
