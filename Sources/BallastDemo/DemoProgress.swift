import BallastCore
import BallastStore
import Foundation

/// Erqi's first half of 2023: monthly reports January–June totalling 103亿 year to date,
/// milestones for the year's new starts, and 114 joint-approval items, all approved. The
/// projects' completion rates are spread so that the colours on 2023-06-30 are a realistic
/// mix rather than one colour everywhere.
enum DemoProgress {
    /// The mid-year day the first half is recorded to (`DemoSnapshot.midYear`).
    static let asOf = CalendarDate(year: 2023, month: 6, day: 30)!
    /// 103亿 in 万元: the district's published H1 figure.
    static let completedWan: Int64 = 1_030_000
    static let approvalItems = 114
    static let monthWeights: [Int64] = [2, 2, 3, 3, 4, 4]

    /// Each portfolio project's completion ratio band: 15% ahead of time, 20% slightly behind,
    /// 25% behind, 40% well behind; the weighted mean is the district's 29.4%.
    /// `pending`: projects whose June report waits in the review queue on the mid-year day
    /// (`DemoPhotos.pending`); approved figures leave their June out, so the others carry it and
    /// the approved first half is still 103亿.
    static func ytd(_ portfolio: [LedgerRecord], rng: inout DemoRandom, pending: Set<String> = []) -> [String: Int64] {
        var out: [String: Int64] = [:]
        var ahead: [String] = []
        for r in portfolio {
            let plan = (r.annualPlan?.yuan ?? 0) / 10_000
            let band = rng.int(0...99)
            let ratio: Double
            switch band {
            case ..<15: ratio = 0.50 + rng.unit() * 0.10; ahead.append(r.code)
            case ..<35: ratio = 0.41 + rng.unit() * 0.08
            case ..<60: ratio = 0.31 + rng.unit() * 0.08
            default: ratio = 0.02 + rng.unit() * 0.13
            }
            out[r.code] = Int64((Double(plan) * ratio).rounded())
        }
        let waiting = pending.reduce(Int64(0)) { $0 + (DemoAmounts.spread(out[$1] ?? 0, over: monthWeights).last ?? 0) }
        // The rounding and sampling difference lands on the projects ahead of time, in turn.
        _ = DemoAmounts.settle(&out, to: completedWan + waiting, over: ahead.filter { !pending.contains($0) })
        return out
    }

    /// Each project's January–June total, as `reports` spreads it over the months.
    static func firstHalf(_ portfolio: [LedgerRecord]) -> [String: Int64] {
        var rng = DemoRandom(seed: 0x2023_0630)
        return ytd(portfolio, rng: &rng)
    }

    /// January–June; the year-end demo adds July–December (`DemoSecondHalf`).
    static func reports(_ portfolio: [LedgerRecord], through snapshot: DemoSnapshot = .midYear) -> [ProgressRecord] {
        var rng = DemoRandom(seed: 0x2023_0630)
        let totals = ytd(portfolio, rng: &rng, pending: snapshot == .midYear ? DemoPhotos.pending(portfolio) : [])
        var out: [ProgressRecord] = []
        var row = 2
        for r in portfolio {
            for (i, wan) in DemoAmounts.spread(totals[r.code] ?? 0, over: monthWeights).enumerated() {
                let progress = wan == 0 ? "本月无实物工作量" : DemoNames.progressText(month: i + 1, rng: &rng)
                out.append(ProgressRecord(row: row, code: r.code, year: 2023, month: i + 1, amount: .wan(wan), progress: progress))
                row += 1
            }
        }
        return snapshot == .yearEnd ? out + DemoSecondHalf.reports(portfolio, firstRow: row) : out
    }

    struct Node { var seq: Int; var name: String; var planned: CalendarDate; var actual: CalendarDate? }

    /// Milestones for 2023: the new starts get 施工许可 and 开工 (and 主体封顶 later in the year);
    /// about one in eight has not started by its planned date.
    static func milestones(_ portfolio: [LedgerRecord], through snapshot: DemoSnapshot = .midYear) -> [String: [Node]] {
        var rng = DemoRandom(seed: 0x2023_0701)
        var out: [String: [Node]] = [:]
        for r in portfolio where r.nature == .newStart {
            guard let start = r.plannedStart, start.year == 2023 else { continue }
            let permit = start.adding(days: -20)
            let slipped = rng.int(0...7) == 0
            let started = slipped || start > asOf ? nil : start.adding(days: rng.int(0...4))
            out[r.code] = [
                Node(seq: 1, name: "施工许可", planned: permit, actual: permit <= asOf ? permit.adding(days: -rng.int(0...5)) : nil),
                Node(seq: 2, name: "开工", planned: start, actual: started.flatMap { $0 <= asOf ? $0 : nil }),
                Node(seq: 3, name: "主体封顶", planned: CalendarDate(year: 2023, month: rng.int(10...12), day: rng.int(1...28))!, actual: nil),
            ]
        }
        if snapshot == .yearEnd { DemoSecondHalf.reach(&out, by: snapshot.day) }
        return out
    }

    struct Approval {
        var code: String; var name: String; var department: String; var target: CalendarDate; var actual: CalendarDate
        /// 承诺时限 in working days, and the approving office's 文号 prefix (the demo's own).
        var promisedDays: Int; var numberPrefix: String
    }

    /// 114 items over the new starts (立项, 用地, 规划许可, 施工许可 each), all approved on time.
    static func approvals(_ portfolio: [LedgerRecord]) -> [Approval] {
        let items = [("立项", "区发展改革委", 10, "二七发改"), ("用地", "市自然资源和规划局二七分局", 20, "郑自然资规二七"),
                     ("规划许可", "市自然资源和规划局二七分局", 15, "郑自然资规二七"), ("施工许可", "区住房城乡建设局", 7, "二七建")]
        var out: [Approval] = []
        for r in portfolio where r.nature == .newStart {
            guard let start = r.plannedStart else { continue }
            for (i, item) in items.enumerated() where out.count < approvalItems {
                let target = start.adding(days: -60 + i * 12)
                out.append(Approval(code: r.code, name: item.0, department: item.1, target: target, actual: target.adding(days: -3),
                                    promisedDays: item.2, numberPrefix: item.3))
            }
            if out.count == approvalItems { break }
        }
        return out
    }
}
