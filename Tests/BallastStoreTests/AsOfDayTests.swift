import BallastCore
@testable import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing

/// As of a day means as of that day: a figure read for a past day is that day's, whatever has
/// been stored since (issue 21).
@Suite struct AsOfDayTests {
    static let today = CalendarDate(year: 2026, month: 12, day: 3)!
    static let june30 = CalendarDate(year: 2023, month: 6, day: 30)!

    /// The small ledger with A1's January approved today, in 2026: the stored colours are the
    /// year's end (A1 half done in December), while on 30 June A1 was on time.
    static func importedLate(_ db: any Database) async throws -> RecolourTests.Loaded {
        let l = try await RecolourTests.load(db)
        let w = MonthlyReportWorkflow(districtID: l.district.id!, actor: RecolourTests.actor, today: today, scopeUnitID: nil)
        let draft = try await w.saveDraft(projectID: l.a1.id!, year: 2023, month: 1, amount: .wan(50), progress: "主体施工", version: nil, on: db)
        let submitted = try await w.submit(draft.id!, version: draft.version, on: db)
        _ = try await w.approve(submitted.id!, version: submitted.version, on: db)
        return l
    }

    static func counts(_ colours: [WarningColour]) -> [WarningColour: Int] {
        var out = Dictionary(uniqueKeysWithValues: WarningColour.allCases.map { ($0, 0) })
        for c in colours { out[c, default: 0] += 1 }
        return out
    }

    @Test func aPastDaysSummaryAndDashboardGiveThatDaysColoursNotTheStoredOnes() async throws {
        try await StoreDatabase.with { app in
            let l = try await Self.importedLate(app.db)
            let districtID = try l.district.requireID()
            let judged = Self.counts(try await WarningEngine.evaluate(districtID: districtID, year: 2023, asOf: Self.june30, on: app.db).map(\.outcome.colour))
            let stored = Self.counts(try await WarningStateModel.query(on: app.db).filter(\.$year == 2023).all()
                .compactMap { WarningColour(rawValue: $0.colour) })
            // The case is only a case if 30 June and the year's end differ.
            #expect(judged != stored)
            #expect(judged.values.reduce(0, +) == 4)

            let summary = try await SummaryQuery.run(districtID: districtID, year: 2023, asOf: Self.june30, on: app.db)
            #expect(summary.colours == judged)
            let dashboard = try await DashboardQuery.run(.init(districtID: districtID, year: 2023, asOf: Self.june30, today: Self.today, scopeUnitID: nil), on: app.db)
            #expect(dashboard.colours == Dictionary(uniqueKeysWithValues: judged.map { ($0.key.rawValue, $0.value) }))
        }
    }
}
