import BallastCore
@testable import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import PropertyBased
import Testing

/// Random small districts: the figures the database aggregates equal a plain recount in Swift,
/// and a day's colours are the same whichever way `ColourAsOf` reads them (issue 21).
@Suite struct FigurePropertyTests {
    static let categories = ["产业转型发展", "新型城镇化", "现代基础设施"]

    /// One project of a random district, drawn from eight numbers.
    struct Drawn {
        var code: String
        var category: String
        var totalWan: Int64
        /// Nil: listed but outside the year's portfolio.
        var planWan: Int64?
        /// Approved reports, 万元, by month (1…12); zero is no report.
        var monthly: [Int64]

        init(_ i: Int, _ n: ArraySlice<Int>) {
            let v = Array(n)
            code = "R\(i)"
            category = FigurePropertyTests.categories[v[0] % 3]
            planWan = v[1] % 5 == 0 ? nil : Int64(10 + v[1] % 900)
            totalWan = (planWan ?? 0) + Int64(v[2] % 5_000)
            // Reports for the months up to a random last one, with some months left out.
            let last = v[3] % 13
            monthly = (1...12).map { m in m <= last && (v[4] + m) % 4 != 0 ? Int64((v[5] * m + v[6]) % 80) : 0 }
        }
    }

    static func draw(_ numbers: [Int]) -> [Drawn] {
        stride(from: 0, to: numbers.count - 7, by: 8).enumerated().map { i, s in Drawn(i, numbers[s..<s + 8]) }
    }

    /// Writes the drawn district: its ledger, then its approved reports, without recolouring.
    static func write(_ drawn: [Drawn], on db: any Database) async throws -> UUID {
        let d = try await Fixtures.district(on: db)
        _ = try await Fixtures.writer(d).apply(drawn.map { Fixtures.record($0.code, category: $0.category, totalWan: $0.totalWan, planWan: $0.planWan) }, on: db)
        let ids = Dictionary(try await ProjectModel.query(on: db).all().map { ($0.code, $0.id!) }, uniquingKeysWith: { a, _ in a })
        for p in drawn {
            for (i, amount) in p.monthly.enumerated() where amount > 0 {
                let r = MonthlyReportModel()
                r.id = UUID(); r.districtID = d.id!; r.$project.id = try #require(ids[p.code]); r.year = 2023; r.month = i + 1
                r.amount = Money.wan(amount).yuan; r.status = "approved"; r.late = false; r.submittedAt = Date(); r.version = 1
                try await r.create(on: db)
            }
        }
        return d.id!
    }

    @Test func theSummaryEqualsAPlainRecountOnAnyDay() async throws {
        await propertyCheck(count: 15, input: Gen.int(in: 0...10_000).array(of: 8...64), Gen.int(in: 1...12)) { numbers, month in
            do {
                try await StoreDatabase.with { app in
                    let drawn = Self.draw(numbers)
                    let districtID = try await Self.write(drawn, on: app.db)
                    let day = CalendarDate.clamped(year: 2023, month: month, day: CalendarDate.daysIn(month: month, year: 2023))
                    let s = try await SummaryQuery.run(districtID: districtID, year: 2023, asOf: day, on: app.db)

                    let planned = drawn.filter { $0.planWan != nil }
                    func done(_ p: Drawn) -> Money { Money.wan(p.monthly.prefix(month).reduce(0, +)) }
                    #expect(s.projects == planned.count)
                    #expect(s.totalInvestment == planned.map { Money.wan($0.totalWan) }.reduce(.zero, +))
                    #expect(s.annualPlan == planned.map { Money.wan($0.planWan ?? 0) }.reduce(.zero, +))
                    #expect(s.completed == planned.map(done).reduce(.zero, +))
                    for c in Self.categories {
                        let inCategory = planned.filter { $0.category == c }
                        let group = s.byCategory.first { $0.name == c }
                        #expect((group?.projects ?? 0) == inCategory.count, "\(c)")
                        #expect((group?.completed ?? .zero) == inCategory.map(done).reduce(.zero, +), "\(c)")
                    }
                    // Never judged: the summary judges the day, one light for each planned project.
                    let judged = try await WarningEngine.evaluate(districtID: districtID, year: 2023, asOf: day, on: app.db)
                    #expect(s.colours.values.reduce(0, +) == planned.count)
                    var counts = Dictionary(uniqueKeysWithValues: WarningColour.allCases.map { ($0, 0) })
                    for w in judged { counts[w.outcome.colour, default: 0] += 1 }
                    #expect(s.colours == counts)
                    // Judged and stored on the day, the stored colours read back the same.
                    try await WarningEngine.recompute(districtID: districtID, year: 2023, asOf: day, on: app.db)
                    let stored = try await ColourAsOf.resolve(districtID: districtID, year: 2023, on: day, db: app.db)
                    #expect(stored.source == .stored || planned.isEmpty)
                    #expect(try await SummaryQuery.run(districtID: districtID, year: 2023, asOf: day, on: app.db).colours == counts)
                }
            } catch {
                Issue.record(error)
            }
        }
    }
}
