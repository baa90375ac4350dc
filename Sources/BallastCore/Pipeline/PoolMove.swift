/// 四库动态管理: what moving a project between 谋划库, 招引库, 签约库 and 落地库 (or out, 退出)
/// requires. Forward one pool at a time with the step's evidence; skipping a pool or moving
/// back is for the project office only; an exit names a reason from the district's list.
public enum PoolMove {
    /// What a step must show. Only the fields the target pool asks for are read.
    public struct Evidence: Sendable, Equatable, Codable {
        /// 招引 and 签约: the investor in contact / who signed (an enterprise's name).
        public var investor: String?
        /// 签约: the day the contract was signed, and its amount.
        public var signedOn: CalendarDate?
        public var contractAmount: Money?
        /// 落地: the company registered for the project, its land or premises, its planned start.
        public var registeredCompany: String?
        public var site: String?
        public var plannedStart: CalendarDate?
        /// 退出: the reason, from the district's list.
        public var exitReason: String?

        public init(investor: String? = nil, signedOn: CalendarDate? = nil, contractAmount: Money? = nil, registeredCompany: String? = nil,
                    site: String? = nil, plannedStart: CalendarDate? = nil, exitReason: String? = nil) {
            self.investor = investor; self.signedOn = signedOn; self.contractAmount = contractAmount
            self.registeredCompany = registeredCompany; self.site = site; self.plannedStart = plannedStart; self.exitReason = exitReason
        }
    }

    public struct Problem: Sendable, Equatable {
        public var field: String
        public var message: Message
        /// True when the project office could make this move (a skip or a move back).
        public var officeMay: Bool
    }

    /// Every problem with moving `from` → `to` on `date`, or none.
    /// `office`: the caller holds the project office's right to skip and to move back.
    public static func check(from: LifecycleStage, to: LifecycleStage, evidence e: Evidence, on date: CalendarDate, today: CalendarDate,
                             office: Bool, exitReasons: [String]) -> [Problem] {
        var problems: [Problem] = []
        func need(_ ok: Bool, _ field: String, zh: String, en: String) {
            if !ok { problems.append(Problem(field: field, message: Message(zh: zh, en: en), officeMay: false)) }
        }
        if date > today {
            need(false, "on", zh: "日期 \(date.iso) 晚于今天", en: "The date \(date.iso) is after today")
        }
        if to == from {
            need(false, "to", zh: "项目已在\(to.rawValue)库", en: "The project is already \(to.englishName.lowercased())")
            return problems
        }
        if to == .exited {
            need(from.mayExit, "to", zh: "\(from.rawValue)阶段的项目不能退出", en: "A project \(from.englishName.lowercased()) cannot exit")
            let reason = e.exitReason?.trimmed ?? ""
            if reason.isEmpty {
                need(false, "exitReason", zh: "请选择退出原因", en: "Choose the reason for the exit")
            } else {
                need(exitReasons.contains(reason), "exitReason", zh: "退出原因“\(reason)”不在本区名录中", en: "“\(reason)” is not on the district's list of exit reasons")
            }
            return problems
        }
        guard let fromPool = LifecycleStage.pools.firstIndex(of: from) ?? (from == .exited ? -1 : nil),
              let toPool = LifecycleStage.pools.firstIndex(of: to) else {
            need(false, "to", zh: "四库之间才能这样流转（\(from.rawValue) → \(to.rawValue)）", en: "Only moves between the four pools go this way")
            return problems
        }
        if toPool < fromPool || fromPool < 0 {
            if !office {
                problems.append(Problem(field: "to", message: Message(zh: "退回或从退出恢复须由项目办操作", en: "Only the project office moves a project back"),
                                        officeMay: true))
            }
        } else if toPool > fromPool + 1, !office {
            problems.append(Problem(field: "to", message: Message(
                zh: "不能跳过\(LifecycleStage.pools[fromPool + 1].rawValue)库（须由项目办操作）",
                en: "A pool cannot be skipped (\(LifecycleStage.pools[fromPool + 1].englishName)) except by the project office"), officeMay: true))
        }
        guard toPool > fromPool else { return problems }   // moving back needs no new evidence
        let investor = !(e.investor?.trimmed ?? "").isEmpty
        switch to {
        case .attracting:
            need(investor, "investor", zh: "进入招引库须有已接洽的投资方", en: "Entering 招引 needs the investor in contact")
        case .signed:
            need(investor, "investor", zh: "签约须填写签约企业", en: "Signing needs the investor")
            need(e.signedOn != nil, "signedOn", zh: "签约须填写签约日期", en: "Signing needs the date signed")
            if let s = e.signedOn, s > today { need(false, "signedOn", zh: "签约日期晚于今天", en: "The date signed is after today") }
            need((e.contractAmount?.yuan ?? 0) > 0, "contractAmount", zh: "签约须填写合同金额（大于零）", en: "Signing needs the contract amount (above zero)")
        case .landed:
            need(!(e.registeredCompany?.trimmed ?? "").isEmpty, "registeredCompany", zh: "落地须填写注册公司", en: "Landing needs the registered company")
            need(!(e.site?.trimmed ?? "").isEmpty, "site", zh: "落地须填写用地或厂房", en: "Landing needs the land or premises")
            need(e.plannedStart != nil, "plannedStart", zh: "落地须填写计划开工日期", en: "Landing needs the planned start")
        default:
            break
        }
        return problems
    }

    /// The district's exit reasons until it keeps its own list.
    public static let defaultExitReasons = ["投资方变化", "要素不具备", "政策调整", "项目合并", "其他"]
}
