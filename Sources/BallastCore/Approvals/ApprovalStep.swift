/// One step of a project's 前期手续 chain (立项, 用地预审, 环评 … 施工许可): the department that
/// approves it, the day it was applied for, the working days it promised, the day it was
/// approved and its 批复文号. A plain value: the state and the department figures are derived
/// from it by `ApprovalClock` and `DepartmentTimes`, so every page, API and CLI agrees.
public struct ApprovalStep: Sendable, Equatable {
    /// Its place in the chain: a step needs the steps before it (`ApprovalClock.missingBefore`).
    public var seq: Int
    public var name: String
    /// A unit of the district, or a city or provincial department named as such.
    public var department: String?
    public var applied: CalendarDate?
    /// 承诺办理时限 in working days (the district's work calendar).
    public var promisedDays: Int?
    /// The planned day, for steps kept before the chain (the 联审联批 items' 目标日期).
    public var target: CalendarDate?
    public var approved: CalendarDate?
    public var approvalNo: String?
    /// 容缺受理: why it was approved before the steps it needs (kept with it).
    public var waivedReason: String?

    public init(seq: Int, name: String, department: String? = nil, applied: CalendarDate? = nil, promisedDays: Int? = nil,
                target: CalendarDate? = nil, approved: CalendarDate? = nil, approvalNo: String? = nil, waivedReason: String? = nil) {
        self.seq = seq; self.name = name; self.department = department; self.applied = applied; self.promisedDays = promisedDays
        self.target = target; self.approved = approved; self.approvalNo = approvalNo; self.waivedReason = waivedReason
    }

    /// The bounds a promised time must keep: a day at least, a working year at most.
    public static let promisedRange = 1...250
}
