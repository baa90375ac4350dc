import BallastCore
import BallastStore
import Fluent
import Foundation

/// Erqi's 三个一批 since the campaign began: eight periods (the 7th on 2023-01-28), 81 entries
/// counting 559.5亿 — 签约 9 / 102.5亿, 开工 38 / 256.6亿, 投产 34 / 200.4亿 — listed from the
/// demo's own projects, with follow-up dates taken from those projects' plans.
enum DemoCampaign {
    static let periods: [(number: Int, heldOn: CalendarDate)] = [
        (1, d(2021, 5, 28)), (2, d(2021, 9, 17)), (3, d(2021, 12, 28)), (4, d(2022, 3, 29)),
        (5, d(2022, 6, 29)), (6, d(2022, 9, 28)), (7, d(2023, 1, 28)), (8, d(2023, 5, 26)),
    ]
    /// Entries and 万元 counted per batch.
    static let batches: [(batch: CampaignBatch, entries: Int, wan: Int64)] = [
        (.sign, 9, 1_025_000), (.start, 38, 2_566_000), (.produce, 34, 2_004_000),
    ]

    static func d(_ y: Int, _ m: Int, _ day: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: day)! }

    struct Entry { var period: Int; var batch: CampaignBatch; var code: String; var wan: Int64; var followUp: CampaignFollowUp }

    /// 签约: industrial projects starting in 2023 (two not yet started by the as-of day);
    /// 开工: projects that started in the campaign's time, in the period before their start;
    /// 投产: projects begun in 2020–21, listed as they went into production.
    static func entries(_ portfolio: [LedgerRecord], asOf: CalendarDate) -> [Entry] {
        let byCode = portfolio.sorted { $0.code < $1.code }
        let sign = Array(byCode.filter { $0.category == DemoFigures.categories[0].name && $0.nature == .newStart }.prefix(7))
            + Array(byCode.filter { $0.nature == .preliminary }.prefix(2))
        let starts = Array(byCode.filter { p in
            p.nature == .continuing && (p.plannedStart.map { $0 >= periods[0].heldOn && $0.year == 2022 } ?? false) && !sign.contains { $0.code == p.code }
        }.prefix(38))
        let produce = Array(byCode.filter { p in
            p.nature == .continuing && (p.plannedStart.map { $0.year <= 2021 } ?? false) && !starts.contains { $0.code == p.code }
        }.prefix(34))
        precondition(sign.count == 9 && starts.count == 38 && produce.count == 34, "the demo ledger no longer has the campaign's projects")
        var out: [Entry] = []
        for (list, spec) in zip([sign, starts, produce], batches) {
            let amounts = proportional(spec.wan, weights: list.map { $0.totalInvestment.yuan })
            for (i, p) in list.enumerated() {
                let start = p.plannedStart!
                var f = CampaignFollowUp()
                let period: Int
                switch spec.batch {
                case .sign:
                    period = 4 + i % 5
                    f.startedOn = start <= asOf ? start : nil
                case .start:
                    // The last period held before the start.
                    period = periods.last { $0.heldOn <= start }?.number ?? 1
                    f.startedOn = start
                    if let end = p.plannedEnd, end <= asOf { f.producedOn = end }
                case .produce:
                    period = 1 + i % 8
                    let produced = periods[period - 1].heldOn.adding(days: 20 + i % 40)
                    f.producedOn = produced <= asOf ? produced : nil
                    let capacity = produced.adding(days: 150 + (i % 5) * 30)
                    f.atCapacityOn = f.producedOn != nil && capacity <= asOf ? capacity : nil
                }
                out.append(Entry(period: period, batch: spec.batch, code: p.code, wan: amounts[i], followUp: f))
            }
        }
        return out
    }

    /// `total` shared in proportion to `weights`, in whole 万元, summing exactly.
    static func proportional(_ total: Int64, weights: [Int64]) -> [Int64] {
        let sum = Double(weights.reduce(0, +))
        var parts = weights.map { Int64((Double(total) * Double($0) / sum).rounded(.down)) }
        parts[parts.indices.max { weights[$0] < weights[$1] }!] += total - parts.reduce(0, +)
        return parts
    }

    /// The entries' follow-up as recorded by `asOf`, the demo's day.
    static func load(_ portfolio: [LedgerRecord], asOf: CalendarDate, districtID: UUID, ids: [String: UUID], on db: any Database) async throws {
        var periodIDs: [Int: UUID] = [:]
        var models: [CampaignPeriodModel] = []
        for p in periods {
            let m = CampaignPeriodModel()
            m.id = UUID(); m.districtID = districtID; m.number = p.number; m.heldOn = p.heldOn
            m.title = "全省“三个一批”项目建设活动第\(["一", "二", "三", "四", "五", "六", "七", "八"][p.number - 1])期"
            periodIDs[p.number] = m.id
            models.append(m)
        }
        try await models.create(on: db)
        let entries = entries(portfolio, asOf: asOf).map { e -> CampaignEntryModel in
            let m = CampaignEntryModel()
            m.id = UUID(); m.districtID = districtID; m.$period.id = periodIDs[e.period]!; m.$project.id = ids[e.code]!
            m.batch = e.batch.rawValue; m.investment = Money.wan(e.wan).yuan; m.version = 1
            m.startedOn = e.followUp.startedOn; m.producedOn = e.followUp.producedOn; m.atCapacityOn = e.followUp.atCapacityOn
            return m
        }
        try await entries.create(on: db)
    }
}
