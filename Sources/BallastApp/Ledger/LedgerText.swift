import BallastCore
import Foundation

/// The project ledger's interface text (项目台账, one project's page, 年度概览, 名录维护 and the
/// reports of list imports), both languages side by side. Each case must have its text (the
/// switch is exhaustive), and `CatalogueTests` checks every case's English has no Chinese left
/// in it and neither side is empty.
enum LedgerText: CaseIterable, UIText.Catalogue {
    // Shared by the ledger and one project: fields and columns.
    case code, category, level, zone, projectStage
    // One project: its fields
    case responsibleUnit, contactLeader, taskForce, plannedStart, plannedCompletion, investor, creditCode, projectCode, divisionCode, divisionHint
    case location, constructionContent, enterpriseRecordLink
    // One project: year plans, stage history, delete
    case nature, outsidePortfolio, noStageChanges, confirmDelete
    // One project: progress and its curve
    case completedToDate, completedYearToDate, wanSuffix, investmentCurve, curveDescription, completedCumulative, planTimeProgress
    // One project: promotion and 三个一批
    case promotionAndCampaign, leadPrefix, counted
    // 项目台账
    case inYearPlan, projectLevel, unit, searchHint, light, projectName, stage, totalWan, planWan
    case lag, lightReasons, lightSince, reasonSeparator, completionRate, chooseColumns, saveColumns
    // 名录维护
    case order, unitVariantHint, add, noEntries, confirmDeleteEntry
    // 年度概览
    case noRows
    // A list import's outcome
    case importRefused

    var message: Message {
        switch self {
        case .code: Message(zh: "项目编号", en: "Code")
        case .category: Message(zh: "项目类别", en: "Category")
        case .level: Message(zh: "级别", en: "Level")
        case .zone: Message(zh: "空间布局", en: "Zone")
        case .projectStage: Message(zh: "项目阶段", en: "Stage")

        case .responsibleUnit: Message(zh: "责任单位", en: "Responsible unit")
        case .contactLeader: Message(zh: "分包领导", en: "Contact leader")
        case .taskForce: Message(zh: "工作专班", en: "Task force")
        case .plannedStart: Message(zh: "计划开工", en: "Planned start")
        case .plannedCompletion: Message(zh: "计划竣工", en: "Planned completion")
        case .investor: Message(zh: "建设单位", en: "Investor")
        case .creditCode: Message(zh: "统一社会信用代码", en: "Credit code")
        case .projectCode: Message(zh: "项目代码", en: "National project code")
        case .divisionCode: Message(zh: "本区行政区划代码", en: "The district's division code")
        case .divisionHint: Message(zh: "台账中的项目代码（全国投资项目在线审批监管平台）须属于本市：行政区划码前4位与此相同。",
                                    en: "A project code in the ledger (national approval platform) must name a division of this city: its first four digits match.")
        case .location: Message(zh: "经纬度", en: "Location")
        case .constructionContent: Message(zh: "建设内容", en: "Construction content")
        case .enterpriseRecordLink: Message(zh: "建设单位企业档案 →", en: "The investor's enterprise record →")

        case .nature: Message(zh: "建设性质", en: "Nature")
        case .outsidePortfolio: Message(zh: "未纳入年度盘子", en: "outside the portfolio")
        case .noStageChanges: Message(zh: "暂无阶段变更记录。", en: "No stage changes recorded.")
        case .confirmDelete: Message(zh: "确认删除", en: "Confirm delete")

        case .completedToDate: Message(zh: "累计完成：", en: "Completed to date: ")
        case .completedYearToDate: Message(zh: "本年累计完成", en: "Completed this year")
        case .wanSuffix: Message(zh: " 万元", en: " 10k yuan")
        case .investmentCurve: Message(zh: "投资完成曲线", en: "Investment curve")
        case .curveDescription: Message(zh: "累计完成与按时序进度分摊的年度计划", en: "Completed to date against the plan spread over the year")
        case .completedCumulative: Message(zh: "累计完成", en: "Completed (cumulative)")
        case .planTimeProgress: Message(zh: "计划（时序进度）", en: "Plan (time progress)")

        case .promotionAndCampaign: Message(zh: "招商与“三个一批”", en: "Promotion and Three Batches")
        case .leadPrefix: Message(zh: "招商线索：", en: "Lead: ")
        case .counted: Message(zh: "计入投资 ", en: "counted ")

        case .inYearPlan: Message(zh: "列入年度计划", en: "in the year's plan")
        case .projectLevel: Message(zh: "项目级别", en: "Level")
        case .unit: Message(zh: "责任单位", en: "Unit")
        case .searchHint: Message(zh: "编号、名称、建设单位", en: "code, name, investor")
        case .light: Message(zh: "预警", en: "Light")
        case .lag: Message(zh: "滞后（百分点）", en: "Lag (points)")
        case .completionRate: Message(zh: "完成率", en: "Completion")
        case .chooseColumns: Message(zh: "显示的列", en: "Columns")
        case .saveColumns: Message(zh: "显示并保存为我的默认列", en: "Show, and keep as my columns")
        case .lightReasons: Message(zh: "亮灯原因", en: "Why")
        case .lightSince: Message(zh: "灯色起始", en: "Since")
        case .reasonSeparator: Message(zh: "；", en: "; ")
        case .projectName: Message(zh: "项目名称", en: "Name")
        case .stage: Message(zh: "阶段", en: "Stage")
        case .totalWan: Message(zh: "总投资（万元）", en: "Total (10k yuan)")
        case .planWan: Message(zh: "年度计划（万元）", en: "Plan (10k yuan)")

        case .order: Message(zh: "排序", en: "Order")
        case .unitVariantHint: Message(zh: "部门 / 镇街", en: "department / town")
        case .add: Message(zh: "新增", en: "Add")
        case .noEntries: Message(zh: "暂无条目", en: "No entries")
        case .confirmDeleteEntry: Message(zh: "确认删除", en: "Confirm delete")

        case .noRows: Message(zh: "暂无。", en: "None.")

        case .importRefused: Message(zh: "导入被拒绝，未存储任何数据。", en: "Import refused; nothing was stored.")
        }
    }

    // Text with values in it.

    static func progressHeading(year: Int) -> Message {
        Message(zh: "\(year)年投资进度", en: "Progress \(year)")
    }

    /// The project's warning light as its progress card names it.
    static func lightName(_ c: WarningColour) -> Message {
        Message(zh: c.chineseName + "灯", en: c.rawValue)
    }

    /// Since when the light has been lit.
    static func since(_ day: CalendarDate) -> Message {
        Message(zh: "（自 \(day)）", en: " since \(day)")
    }

    /// After the amount completed: the annual plan (`plan`, in 万元 as `Money.wanText` writes it) and
    /// the share of it done.
    static func ofPlan(_ plan: String, percent: Double) -> Message {
        Message(zh: "，年度计划 \(plan)（\(Percent.text(points: percent))）", en: " of \(plan) (\(Percent.text(points: percent)))")
    }

    /// After a lead's title, the day it was signed.
    /// What deleting a list entry does: only an entry no project uses can go.
    static func deleteEntryConsequence(_ name: String) -> Message {
        Message(zh: "删除“\(name)”后不能恢复；仍有项目使用的条目不能删除。",
                en: "“\(name)” will be deleted for good; an entry a project still uses cannot be deleted.")
    }

    static func signed(on day: CalendarDate) -> Message {
        Message(zh: "，\(day.iso) 签约", en: ", signed \(day.iso)")
    }

    /// A 三个一批 period by its number.
    static func periodNumber(_ number: Int) -> Message {
        Message(zh: "第\(number)期", en: "No. \(number)")
    }

    /// After the ledger's heading, the year it shows.
    static func ledgerYear(_ year: Int) -> Message {
        Message(zh: "（\(year)年）", en: " \(year)")
    }

    static func projectCount(_ total: Int) -> Message {
        Message(zh: "共 \(total) 个项目", en: "\(total) projects")
    }

    /// After the light filter's label, the past day the lights are read on.
    static func lightsOn(_ day: String) -> Message {
        Message(zh: "（\(day)）", en: " on \(day)")
    }

    static func perYearLists(year: Int) -> Message {
        Message(zh: "\(year)年名录；各年度名录相互独立。", en: "Lists of \(year); other years keep their own.")
    }

    static func overviewHeading(district: String, year: Int, asOf: String) -> Message {
        Message(zh: "\(district)\(year)年重点项目（截至\(asOf)）", en: "\(district) \(year) portfolio (as of \(asOf))")
    }

    /// A pool of 四库 in the overview's table.
    static func poolName(_ stage: LifecycleStage) -> Message {
        Message(zh: stage.rawValue + "库", en: stage.englishName)
    }

    /// A form field's label: in English the ledger's own (Chinese) header follows, since that is
    /// what the Excel sheets say.
    static func fieldLabel(english: String, chinese: String) -> Message {
        Message(zh: chinese, en: "\(english) · \(chinese)")
    }

    /// A stored list import.
    static func imported(rows: Int, created: Int, updated: Int, unchanged: Int) -> Message {
        Message(zh: "已导入 \(rows) 行：新增 \(created)，更新 \(updated)，未变 \(unchanged)",
                en: "Imported \(rows) rows: \(created) new, \(updated) updated, \(unchanged) unchanged")
    }

    /// Where a refused import's problem is.
    static func row(_ n: Int) -> Message {
        Message(zh: "第\(n)行", en: "Row \(n)")
    }

    /// After the first problems of a refused import, how many there are in all.
    static func moreProblems(_ total: Int) -> Message {
        Message(zh: " …共 \(total) 处问题", en: " … \(total) problems")
    }

    static func divisionSaved(_ code: String) -> Message {
        Message(zh: "行政区划代码已保存为 \(code)", en: "The division code is saved as \(code)")
    }
}
