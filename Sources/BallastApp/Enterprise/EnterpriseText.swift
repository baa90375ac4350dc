import BallastCore

/// The enterprise register's interface text, both languages side by side. Each case must have
/// its text (the switch is exhaustive), and `CatalogueTests` checks every case's English has no
/// Chinese left in it and neither side is empty.
enum EnterpriseText: CaseIterable, UIText.Catalogue {
    // Shared by several pages: columns and fields.
    case name, creditCode, industry, address, contact, serviceOfficial, yes, register, noneYet, edit
    // 企业库
    case enterprisesTitle, nameOrCreditCode, possibleDuplicates, duplicatesHelp
    case aboveScaleColumn, projectCount, noEnterprises, registerEnterprise
    // One enterprise
    case aboveScale, no, version, projectCode, projectName, stage, lead, status, unit, collected
    case mergedInto, keptRecord, noProjects, mergeHeading, mergeHelp, mergeButton, confirmMerge
    case keptRecordID, keep, noCreditCode
    // The register and edit forms
    case phone, aboveScaleCheckbox, differentSameName

    var message: Message {
        switch self {
        case .name: Message(zh: "企业名称", en: "Name")
        case .creditCode: Message(zh: "统一社会信用代码", en: "Credit code")
        case .industry: Message(zh: "所属行业", en: "Industry")
        case .address: Message(zh: "地址", en: "Address")
        case .contact: Message(zh: "联系人", en: "Contact")
        case .serviceOfficial: Message(zh: "服务专员", en: "Service official")
        case .yes: Message(zh: "是", en: "yes")
        case .register: Message(zh: "登记", en: "Register")
        case .noneYet: Message(zh: "暂无。", en: "None.")
        case .edit: Message(zh: "修改", en: "Edit")

        case .enterprisesTitle: Message(zh: "企业库", en: "Enterprises")
        case .nameOrCreditCode: Message(zh: "名称或统一社会信用代码", en: "Name or credit code")
        case .possibleDuplicates: Message(zh: "疑似重复（名称相同）", en: "Possible duplicates by name")
        case .duplicatesHelp: Message(zh: "打开其中一家，合并到要保留的记录。", en: "Open one of each group and merge it into the record to keep.")
        case .aboveScaleColumn: Message(zh: "四上企业", en: "Above scale")
        case .projectCount: Message(zh: "项目数", en: "Projects")
        case .noEnterprises: Message(zh: "没有符合条件的企业。", en: "No enterprises match.")
        case .registerEnterprise: Message(zh: "登记企业", en: "Register an enterprise")

        case .aboveScale: Message(zh: "四上企业", en: "Above-scale enterprise")
        case .no: Message(zh: "否", en: "no")
        case .version: Message(zh: "版本", en: "Version")
        case .projectCode: Message(zh: "项目编号", en: "Code")
        case .projectName: Message(zh: "项目名称", en: "Name")
        case .stage: Message(zh: "阶段", en: "Stage")
        case .lead: Message(zh: "线索", en: "Lead")
        case .status: Message(zh: "状态", en: "Status")
        case .unit: Message(zh: "责任单位", en: "Unit")
        case .collected: Message(zh: "收集日期", en: "Collected")
        case .mergedInto: Message(zh: "已合并到 ", en: "Merged into ")
        case .keptRecord: Message(zh: "保留的企业记录", en: "the kept record")
        case .noProjects: Message(zh: "暂无项目。", en: "No project names it.")
        case .mergeHeading: Message(zh: "合并到另一家企业", en: "Merge into another record")
        case .mergeHelp: Message(
            zh: "本企业的项目改指向保留的企业；本记录保留并标记为已合并，全程记入操作日志。",
            en: "Its projects move to the kept record; this one stays, marked as merged. Recorded in the audit trail.")
        case .mergeButton: Message(zh: "合并…", en: "Merge…")
        case .confirmMerge: Message(zh: "确认合并", en: "Confirm merge")
        case .keptRecordID: Message(zh: "保留企业的编号", en: "Kept record's id")
        case .keep: Message(zh: "保留", en: "Keep")
        case .noCreditCode: Message(zh: "无信用代码", en: "no credit code")

        case .phone: Message(zh: "联系电话", en: "Phone")
        case .aboveScaleCheckbox: Message(zh: " 四上企业", en: " above-scale enterprise")
        case .differentSameName: Message(zh: " 确认与同名企业不是同一家", en: " a different enterprise with the same name")
        }
    }

    // Text with values in it.

    /// How many enterprises match, and how many of them the page shows when not all.
    static func enterpriseCount(_ total: Int, shown: Int) -> Message {
        Message(zh: "共 \(total) 家企业" + (shown < total ? "，显示前 \(shown) 家" : ""),
                en: "\(total) enterprises" + (shown < total ? ", first \(shown) shown" : ""))
    }

    static func projectsHeading(_ n: Int) -> Message {
        Message(zh: "关联项目（\(n)）", en: "Projects (\(n))")
    }

    static func leadsHeading(_ n: Int) -> Message {
        Message(zh: "招商线索（\(n)）", en: "Investment leads (\(n))")
    }

    static func tripsHeading(_ n: Int) -> Message {
        Message(zh: "外出招商拜访（\(n)）", en: "Visited on trips (\(n))")
    }

    static func mergeConsequence(_ name: String) -> Message {
        Message(zh: "“\(name)”的项目将改指向保留的企业；本记录标记为已合并，不能再修改。",
                en: "\(name)'s projects will point to the record kept; this record stays, marked as merged, and cannot be edited.")
    }

    /// A merge candidate's project count, in its option's label.
    static func candidateProjects(_ n: Int) -> Message {
        Message(zh: "\(n) 个项目", en: "\(n) projects")
    }
}
