/// "三个一批": the provincial campaign held in numbered periods (期). Each period lists projects
/// to 签约一批 (sign), 开工一批 (start) and 投产一批 (go into production), each with the
/// investment it counts; every entry is then followed up until it has done what it was listed
/// for and the step after (签约 → 开工, 开工 → 投产, 投产 → 达效).
public enum CampaignBatch: String, Sendable, CaseIterable, Codable {
    case sign = "签约"
    case start = "开工"
    case produce = "投产"

    /// "签约一批", as the period's lists are titled.
    public var title: String { rawValue + "一批" }
    public var englishName: String {
        switch self { case .sign: "Signing"; case .start: "Starting"; case .produce: "Production" }
    }

    /// "签约一批", "签约", "sign" or "signing".
    public static func parse(_ text: String) -> CampaignBatch? {
        let t = text.trimmed
        let plain = t.hasSuffix("一批") ? String(t.dropLast(2)) : t
        return CampaignBatch(rawValue: plain) ?? allCases.first {
            $0.englishName.lowercased() == t.lowercased() || String(describing: $0) == t.lowercased()
        }
    }

    /// The follow-up step whose share is this batch's rate: 签约项目开工率, 开工项目投产率, 投产项目达效率.
    public var followUp: CampaignStep {
        switch self { case .sign: .started; case .start: .produced; case .produce: .atCapacity }
    }

    public var rateName: Message {
        switch self {
        case .sign: Message(zh: "签约项目开工率", en: "Signed projects started")
        case .start: Message(zh: "开工项目投产率", en: "Started projects in production")
        case .produce: Message(zh: "投产项目达效率", en: "Projects at designed output")
        }
    }
}

/// What an entry has done since it was listed, each on a day.
public enum CampaignStep: String, Sendable, CaseIterable, Codable {
    /// 开工 (for a 开工 entry: actually started).
    case started = "开工"
    /// 投产.
    case produced = "投产"
    /// 达效: reached designed output.
    case atCapacity = "达效"
}

/// An entry's follow-up dates, checked as a whole.
public struct CampaignFollowUp: Sendable, Equatable, Codable {
    public var startedOn: CalendarDate?
    public var producedOn: CalendarDate?
    public var atCapacityOn: CalendarDate?

    public init(startedOn: CalendarDate? = nil, producedOn: CalendarDate? = nil, atCapacityOn: CalendarDate? = nil) {
        self.startedOn = startedOn; self.producedOn = producedOn; self.atCapacityOn = atCapacityOn
    }

    public func date(_ step: CampaignStep) -> CalendarDate? {
        switch step { case .started: startedOn; case .produced: producedOn; case .atCapacity: atCapacityOn }
    }

    /// Field name → problem. No date after today; each step on or after the one before it;
    /// 达效 only after 投产. A 投产 entry was listed as producing, so its 达效 needs no 开工 date.
    public func problems(today: CalendarDate) -> [FieldProblem] {
        var out: [FieldProblem] = []
        let named: [(String, CampaignStep, CalendarDate?)] = [("startedOn", .started, startedOn), ("producedOn", .produced, producedOn),
                                                              ("atCapacityOn", .atCapacity, atCapacityOn)]
        for (field, step, d) in named {
            if let d, d > today { out.append(FieldProblem(field, Message(zh: "\(step.rawValue)日期 \(d.iso) 晚于今天", en: "The \(field) date \(d.iso) is after today"))) }
        }
        return out + orderProblems()
    }

    /// The steps out of order: 投产 before 开工, 达效 before (or without) 投产.
    public func orderProblems() -> [FieldProblem] {
        var out: [FieldProblem] = []
        if let s = startedOn, let p = producedOn, p < s {
            out.append(FieldProblem("producedOn", Message(zh: "投产日期 \(p.iso) 早于开工日期 \(s.iso)", en: "Production (\(p.iso)) is before the start (\(s.iso))")))
        }
        if let c = atCapacityOn {
            if let p = producedOn {
                if c < p { out.append(FieldProblem("atCapacityOn", Message(zh: "达效日期 \(c.iso) 早于投产日期 \(p.iso)", en: "Designed output (\(c.iso)) is before production (\(p.iso))"))) }
            } else {
                out.append(FieldProblem("atCapacityOn", Message(zh: "达效前须先填写投产日期", en: "Enter the production date before designed output")))
            }
        }
        return out
    }
}

/// One period's (or the campaign's) figures for one batch, as counted by SQL: entries, the
/// investment they count, and how many have done each follow-up step by the as-of date.
public struct CampaignTally: Sendable, Equatable {
    public var entries: Int
    public var investment: Money
    public var started: Int
    public var produced: Int
    public var atCapacity: Int

    public init(entries: Int = 0, investment: Money = .zero, started: Int = 0, produced: Int = 0, atCapacity: Int = 0) {
        self.entries = entries; self.investment = investment; self.started = started; self.produced = produced; self.atCapacity = atCapacity
    }

    public static func + (a: CampaignTally, b: CampaignTally) -> CampaignTally {
        CampaignTally(entries: a.entries + b.entries, investment: a.investment + b.investment, started: a.started + b.started,
                      produced: a.produced + b.produced, atCapacity: a.atCapacity + b.atCapacity)
    }

    public func count(_ step: CampaignStep) -> Int {
        switch step { case .started: started; case .produced: produced; case .atCapacity: atCapacity }
    }

    /// The batch's rate (签约项目开工率 for 签约, …): its follow-up step's share of its entries.
    public func rate(for batch: CampaignBatch) -> Double? { Percent.of(count(batch.followUp), entries) }
}

/// A period's three lists and their rates; `cumulative` adds every earlier period's.
public struct CampaignPeriodFigures: Sendable, Equatable {
    public var number: Int
    public var batches: [CampaignBatch: CampaignTally]
    public var cumulative: [CampaignBatch: CampaignTally]

    public init(number: Int, batches: [CampaignBatch: CampaignTally], cumulative: [CampaignBatch: CampaignTally]) {
        self.number = number; self.batches = batches; self.cumulative = cumulative
    }

    public var entries: Int { batches.values.reduce(0) { $0 + $1.entries } }
    public var investment: Money { batches.values.reduce(.zero) { $0 + $1.investment } }

    /// Periods in number order, each with the running total up to it.
    public static func accumulate(_ tallies: [Int: [CampaignBatch: CampaignTally]]) -> [CampaignPeriodFigures] {
        var running: [CampaignBatch: CampaignTally] = [:]
        return tallies.keys.sorted().map { n in
            let batches = tallies[n, default: [:]]
            for (b, t) in batches { running[b, default: CampaignTally()] = running[b, default: CampaignTally()] + t }
            return CampaignPeriodFigures(number: n, batches: batches, cumulative: running)
        }
    }
}
