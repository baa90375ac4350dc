import Foundation

/// 招商线索: an investment lead, followed from first word to a signing or to giving it up.
/// 线索 → 接洽 → 考察 → 洽谈 → 签约, or 放弃 (with a reason) from any open status.
public enum LeadStatus: String, Sendable, CaseIterable, Codable {
    case collected = "线索"
    case contacted = "接洽"
    case inspected = "考察"
    case negotiating = "洽谈"
    case signed = "签约"
    case abandoned = "放弃"

    public static let open: [LeadStatus] = [.collected, .contacted, .inspected, .negotiating]

    public var englishName: String {
        switch self {
        case .collected: "Collected"; case .contacted: "Contacted"; case .inspected: "Inspected"
        case .negotiating: "Negotiating"; case .signed: "Signed"; case .abandoned: "Abandoned"
        }
    }

    public var isOpen: Bool { Self.open.contains(self) }

    public static func parse(_ text: String) -> LeadStatus? {
        let t = text.trimmed
        return LeadStatus(rawValue: t) ?? allCases.first { $0.englishName.lowercased() == t.lowercased() }
    }
}

/// Where a lead came from.
public enum LeadSource: String, Sendable, CaseIterable, Codable {
    case trip = "外出招商"
    case referral = "以商招商"
    case fair = "展会推介"
    case online = "网络平台"
    case visit = "上门洽谈"
    case other = "其他"

    public var englishName: String {
        switch self {
        case .trip: "Trip"; case .referral: "Referral"; case .fair: "Fair"; case .online: "Online"; case .visit: "Walk-in"; case .other: "Other"
        }
    }

    public static func parse(_ text: String) -> LeadSource? {
        let t = text.trimmed
        return LeadSource(rawValue: t) ?? allCases.first { $0.englishName.lowercased() == t.lowercased() || String(describing: $0) == t.lowercased() }
    }
}

/// A lead's own fields, as a form, the API or a list file gives them.
public struct LeadRecord: Sendable, Equatable {
    public var title: String
    /// The enterprise's name; found by credit code when one is given, else by name.
    public var enterprise: String
    public var creditCode: String?
    public var source: LeadSource
    public var chain: String?
    public var intendedInvestment: Money?
    /// The owner unit's name.
    public var unit: String
    public var collectedOn: CalendarDate
    public var tripID: UUID?
    public var note: String?

    public init(title: String, enterprise: String, creditCode: String?, source: LeadSource, chain: String?, intendedInvestment: Money?,
                unit: String, collectedOn: CalendarDate, tripID: UUID? = nil, note: String? = nil) {
        self.title = title; self.enterprise = enterprise; self.creditCode = creditCode; self.source = source; self.chain = chain
        self.intendedInvestment = intendedInvestment; self.unit = unit; self.collectedOn = collectedOn; self.tripID = tripID; self.note = note
    }
}

/// What moving a lead's status requires.
public enum LeadMove {
    /// A signing's evidence: what the 签约库 project is created (or linked) with.
    public struct Signing: Sendable, Equatable {
        public var signedOn: CalendarDate?
        public var contractAmount: Money?

        public init(signedOn: CalendarDate?, contractAmount: Money?) { self.signedOn = signedOn; self.contractAmount = contractAmount }
    }

    /// Field → problem, or none. Forward moves among the open statuses may pass one over (a
    /// lead can be negotiated without an inspection), but signing comes only out of 洽谈, so
    /// "projects negotiated" counts every signing; a signed lead is final; an abandoned one can
    /// be reopened to any open status; giving up needs a reason. Signing needs the enterprise,
    /// the day (not after today) and a contract amount above zero.
    public static func check(from: LeadStatus, to: LeadStatus, on date: CalendarDate, today: CalendarDate, reason: String?,
                             hasEnterprise: Bool, signing: Signing?) -> [FieldProblem] {
        var out: [FieldProblem] = []
        if date > today { out.append(FieldProblem("on", Message(zh: "日期 \(date.iso) 晚于今天", en: "The date \(date.iso) is after today"))) }
        if from == to {
            out.append(FieldProblem("to", Message(zh: "线索已是“\(to.rawValue)”状态", en: "The lead is already \(to.englishName.lowercased())")))
            return out
        }
        if from == .signed {
            out.append(FieldProblem("to", Message(zh: "已签约的线索不能再改状态", en: "A signed lead is final")))
            return out
        }
        switch to {
        case .abandoned:
            if (reason?.trimmed ?? "").isEmpty { out.append(FieldProblem("reason", Message(zh: "放弃须填写原因", en: "Giving a lead up needs a reason"))) }
        case .signed:
            if from != .negotiating {
                out.append(FieldProblem("to", Message(zh: "线索须经洽谈才能签约（当前为“\(from.rawValue)”）", en: "A lead is signed from negotiation (it is \(from.englishName.lowercased()))")))
            }
            if !hasEnterprise { out.append(FieldProblem("enterprise", Message(zh: "签约须有签约企业", en: "Signing needs the enterprise"))) }
            if let d = signing?.signedOn {
                if d > today { out.append(FieldProblem("signedOn", Message(zh: "签约日期 \(d.iso) 晚于今天", en: "The date signed is after today"))) }
            } else {
                out.append(FieldProblem("signedOn", Message(zh: "签约须填写签约日期", en: "Signing needs the date signed")))
            }
            if (signing?.contractAmount?.yuan ?? 0) <= 0 {
                out.append(FieldProblem("contractAmount", Message(zh: "签约须填写合同金额（大于零）", en: "Signing needs the contract amount (above zero)")))
            }
        default:
            let fromIndex = LeadStatus.open.firstIndex(of: from), toIndex = LeadStatus.open.firstIndex(of: to)
            if let fromIndex, let toIndex, toIndex < fromIndex {
                out.append(FieldProblem("to", Message(zh: "线索不能从“\(from.rawValue)”退回“\(to.rawValue)”", en: "A lead does not go back from \(from.englishName.lowercased()) to \(to.englishName.lowercased())")))
            }
        }
        return out
    }
}

/// 外出招商: who led the trip.
public enum TripKind: String, Sendable, CaseIterable, Codable {
    case leader = "领导带队"
    case team = "小分队"

    public var englishName: String { self == .leader ? "Leader-led" : "Small team" }

    public static func parse(_ text: String) -> TripKind? {
        let t = text.trimmed
        return TripKind(rawValue: t) ?? allCases.first { $0.englishName.lowercased() == t.lowercased() || String(describing: $0) == t.lowercased() }
    }
}
