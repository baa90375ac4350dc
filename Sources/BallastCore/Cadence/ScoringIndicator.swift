import Foundation

/// The fixed set of formulas a unit's monthly score is made of. A scheme weighs some or all of
/// them; a scheme naming anything else is refused, since there would be nothing to compute.
public enum ScoringIndicator: String, CaseIterable, Sendable, Codable {
    /// Investment completed against 时序进度: (completed ÷ annual plan) ÷ (month ÷ 12), capped.
    case investment
    /// Planned starts achieved: 开工 nodes due by the month's end that were reached.
    case starts
    /// Problems solved on time: problems led by the unit whose deadline fell by the month's end, solved by it.
    case problems
    /// Reporting timeliness: the month's reports submitted by the reporting day.
    case reporting
    /// Red/yellow share: one less the share of the unit's projects lit red or yellow at the month's end.
    case warnings
    /// Pipeline targets met: leads signed this year against the scheme's yearly target per unit, pro rata, capped.
    case pipeline
    /// Reports with evidence: the month's reports owed that carry a photo judged 现场
    /// (`PhotoVerdict`). Not in the standard scheme: the office adds it when it wants photos to count.
    case photos
    /// Approvals given on time (部门审批时效): the 前期手续 steps the unit approves (as their
    /// department) that fell due by the month's end, approved by their due day. Not in the
    /// standard scheme.
    case approvals
    /// 观摩讲评 (issue 28): the unit's mean score in the year's latest 观摩 whose scoring had
    /// closed by the month's end, over the sheet's full points. Not in the standard scheme: the
    /// office adds it to let the tour count in the 季考核 and 年评优.
    case inspection

    public var name: Message {
        switch self {
        case .investment: Message(zh: "投资完成率（对时序进度）", en: "Investment vs time progress")
        case .starts: Message(zh: "计划开工完成", en: "Planned starts achieved")
        case .problems: Message(zh: "问题按期办结", en: "Problems solved on time")
        case .reporting: Message(zh: "月报按期报送", en: "Reports on time")
        case .warnings: Message(zh: "红黄灯占比", en: "Red/yellow share")
        case .pipeline: Message(zh: "招商签约目标", en: "Pipeline target")
        case .photos: Message(zh: "现场照片核验", en: "Reports with site photos")
        case .approvals: Message(zh: "审批按时办结", en: "Approvals given on time")
        case .inspection: Message(zh: "观摩讲评得分", en: "Inspection tour score")
        }
    }

    /// For a table's header, where the full name would not fit.
    public var shortName: String {
        switch self {
        case .investment: "投资"
        case .starts: "开工"
        case .problems: "问题"
        case .reporting: "报送"
        case .warnings: "亮灯"
        case .pipeline: "招商"
        case .photos: "照片"
        case .approvals: "审批"
        case .inspection: "观摩"
        }
    }

    public var formula: Message {
        switch self {
        case .investment: Message(zh: "（年度完成 ÷ 年度计划）÷（月份 ÷ 12），不超过封顶值；无年度计划的单位计满分",
                                  en: "(completed ÷ annual plan) ÷ (month ÷ 12), up to the cap; full marks without a plan")
        case .starts: Message(zh: "截至月末已开工 ÷ 计划于月末前开工；无计划开工计满分",
                              en: "starts reached ÷ starts planned by the month's end; full marks when none planned")
        case .problems: Message(zh: "时间节点在月末前的问题中按期办结的比例；无到期问题计满分",
                                en: "share of problems due by the month's end solved by their deadline; full marks when none due")
        case .reporting: Message(zh: "本月按期报送的月报 ÷ 应报项目数", en: "the month's reports in by the reporting day ÷ projects due to report")
        case .warnings: Message(zh: "1 − 月末亮红灯、黄灯项目 ÷ 项目数", en: "1 − projects red or yellow at the month's end ÷ projects")
        case .pipeline: Message(zh: "本年签约线索 ÷（年度签约目标 × 月份 ÷ 12），不超过封顶值",
                                en: "leads signed this year ÷ (yearly target × month ÷ 12), up to the cap")
        case .photos: Message(zh: "本月有“现场”照片（在项目附近、当月拍摄）的月报 ÷ 应报项目数",
                              en: "the month's reports with a photo judged on site (near the project, in the month) ÷ projects due to report")
        case .approvals: Message(zh: "本单位承办、承诺时限在月末前到期的前期手续事项中按时批复的比例；无到期事项计满分",
                                 en: "share of the approval steps the unit gives that fell due by the month's end approved by their due day; full marks when none due")
        case .inspection: Message(zh: "本年最近一次已结束评分的观摩中本单位项目的平均得分 ÷ 评分表满分；尚无观摩或本单位无观摩项目的计满分",
                                  en: "the unit's mean score in the year's latest closed inspection tour ÷ the sheet's full points; full marks when there was none or it visited none of the unit's projects")
        }
    }
}

/// One unit's facts for a month, counted in SQL; the score is computed from these alone.
public struct UnitFacts: Sendable, Codable, Equatable {
    public var projects = 0
    /// Annual plan and completed to the month's end, in yuan.
    public var plan: Int64 = 0
    public var completed: Int64 = 0
    public var plannedStarts = 0
    public var achievedStarts = 0
    public var problemsDue = 0
    public var problemsOnTime = 0
    public var reportsExpected = 0
    public var reportsOnTime = 0
    public var litProjects = 0
    public var signedLeads = 0
    /// The month's reports with a photo judged 现场.
    public var reportsVerified = 0
    /// 前期手续 steps the unit approves that fell due by the month's end, and those approved by their due day.
    public var approvalsDue = 0
    public var approvalsOnTime = 0
    /// The unit's score in the latest closed 观摩 over the sheet's full points (0…1); nil when
    /// none had closed or it visited none of the unit's projects.
    public var inspectionRatio: Double?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case projects, plan, completed, plannedStarts, achievedStarts, problemsDue, problemsOnTime, reportsExpected, reportsOnTime,
             litProjects, signedLeads, reportsVerified, approvalsDue, approvalsOnTime, inspectionRatio
    }

    /// Rankings issued before photos counted were frozen without `reportsVerified`: read as 0.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        projects = try c.decode(Int.self, forKey: .projects); plan = try c.decode(Int64.self, forKey: .plan)
        completed = try c.decode(Int64.self, forKey: .completed); plannedStarts = try c.decode(Int.self, forKey: .plannedStarts)
        achievedStarts = try c.decode(Int.self, forKey: .achievedStarts); problemsDue = try c.decode(Int.self, forKey: .problemsDue)
        problemsOnTime = try c.decode(Int.self, forKey: .problemsOnTime); reportsExpected = try c.decode(Int.self, forKey: .reportsExpected)
        reportsOnTime = try c.decode(Int.self, forKey: .reportsOnTime); litProjects = try c.decode(Int.self, forKey: .litProjects)
        signedLeads = try c.decode(Int.self, forKey: .signedLeads)
        reportsVerified = try c.decodeIfPresent(Int.self, forKey: .reportsVerified) ?? 0
        approvalsDue = try c.decodeIfPresent(Int.self, forKey: .approvalsDue) ?? 0
        approvalsOnTime = try c.decodeIfPresent(Int.self, forKey: .approvalsOnTime) ?? 0
        inspectionRatio = try c.decodeIfPresent(Double.self, forKey: .inspectionRatio)
    }
}
