import BallastCore

/// Erqi's second half of 2023, for the year-end demo: reports July–December on top of the
/// unchanged first half, and the milestones reached by the year's end. Its own random stream,
/// so the first half reads exactly as in the mid-year demo.
enum DemoSecondHalf {
    /// 1~11月完成投资253.4亿元: the district's published figure (seeds, 2024 work report).
    static let throughNovemberWan: Int64 = 2_534_000
    /// The year's total was not published with it; 291亿 (83% of the 350亿 plan) is the demo's
    /// own figure, so that December has a report and the year-end lights are a mix.
    static let yearWan: Int64 = 2_910_000
    static let julyToNovemberWeights: [Int64] = [4, 4, 4, 5, 5]

    /// Each project's completion at the year's end follows its first half: ahead stays ahead
    /// (100–110% of plan), slightly behind ends 91–99%, behind 81–89%, well behind 45–78%.
    static func yearTotals(_ portfolio: [LedgerRecord], firstHalf: [String: Int64], rng: inout DemoRandom) -> [String: Int64] {
        var out: [String: Int64] = [:]
        var ahead: [String] = [], others: [String] = []
        // No project completes more in the year than its whole investment.
        let ceiling = Dictionary(uniqueKeysWithValues: portfolio.map { ($0.code, $0.totalInvestment.yuan / 10_000) })
        for r in portfolio {
            let plan = (r.annualPlan?.yuan ?? 0) / 10_000
            let h1 = firstHalf[r.code] ?? 0
            let h1Ratio = plan > 0 ? Double(h1) / Double(plan) : 0
            let ratio: Double
            switch h1Ratio {
            case 0.50...: ratio = 1.00 + rng.unit() * 0.10; ahead.append(r.code)
            case 0.41...: ratio = 0.91 + rng.unit() * 0.08; others.append(r.code)
            case 0.31...: ratio = 0.81 + rng.unit() * 0.08; others.append(r.code)
            default: ratio = 0.45 + rng.unit() * 0.33; others.append(r.code)
            }
            out[r.code] = max(h1, min(ceiling[r.code]!, Int64((Double(plan) * ratio).rounded())))
        }
        // The difference to the year's figure lands on the projects ahead, as in the first
        // half; on the others only where those have no room left under their investment.
        let floor = { (code: String) in firstHalf[code] ?? 0 }
        let met = DemoAmounts.settle(&out, to: yearWan, over: ahead, floor: floor, ceiling: { ceiling[$0]! })
            || DemoAmounts.settle(&out, to: yearWan, over: others, floor: floor, ceiling: { ceiling[$0]! })
        precondition(met, "the demo's year total could not be met")
        return out
    }

    /// Reports for July–December: four fifths of each project's second half by November (the
    /// published 253.4亿 exactly), the rest in December.
    static func reports(_ portfolio: [LedgerRecord], firstRow: Int) -> [ProgressRecord] {
        var rng = DemoRandom(seed: 0x2023_1231)
        let h1 = DemoProgress.firstHalf(portfolio)
        let year = yearTotals(portfolio, firstHalf: h1, rng: &rng)
        var nov = Dictionary(uniqueKeysWithValues: portfolio.map { r in
            (r.code, (h1[r.code] ?? 0) + ((year[r.code] ?? 0) - (h1[r.code] ?? 0)) * 4 / 5)
        })
        let met = DemoAmounts.settle(&nov, to: throughNovemberWan, over: portfolio.map(\.code), step: 100,
                                     floor: { h1[$0] ?? 0 }, ceiling: { year[$0]! })
        precondition(met, "the demo's January–November total could not be met")

        var out: [ProgressRecord] = []
        var row = firstRow
        for r in portfolio {
            let months = DemoAmounts.spread(nov[r.code]! - (h1[r.code] ?? 0), over: julyToNovemberWeights) + [year[r.code]! - nov[r.code]!]
            for (k, wan) in months.enumerated() {
                let month = 7 + k
                let progress = wan == 0 ? "本月无实物工作量" : DemoNames.progressText(month: month, rng: &rng)
                out.append(ProgressRecord(row: row, code: r.code, year: DemoFigures.year, month: month, amount: .wan(wan), progress: progress))
                row += 1
            }
        }
        return out
    }

    /// The milestones reached in the second half: most late starts begin by autumn, and most
    /// projects top out (主体封顶) within days of the plan. What was not reached by the year's
    /// end stays open, so its lateness shows in the year-end lights.
    static func reach(_ nodes: inout [String: [DemoProgress.Node]], by day: CalendarDate) {
        var rng = DemoRandom(seed: 0x2023_1232)
        for code in nodes.keys.sorted() {
            var list = nodes[code]!
            for k in list.indices where list[k].actual == nil && list[k].planned <= day {
                // A project tops out months after it starts, not within days of a late start.
                let previousDone = k == 0 || list[k - 1].actual.map { $0 <= list[k].planned.adding(days: -90) } ?? false
                guard previousDone, rng.int(0...9) < 8 else { continue }
                let late = list[k].name == "开工" ? rng.int(40...120) : rng.int(-5...10)
                let actual = max(list[k].planned.adding(days: late), k == 0 ? list[k].planned : list[k - 1].actual!.adding(days: 1))
                list[k].actual = actual <= day ? actual : nil
            }
            nodes[code] = list
        }
    }
}
