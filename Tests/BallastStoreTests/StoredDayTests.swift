import BallastCore
@testable import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import SQLKit
import Testing

/// Days are `CalendarDate` in every model and ISO text in the database, on both drivers: the
/// raw queries compare the columns as text, and an old database keeps reading.
@Suite struct StoredDayTests {
    @Test func aModelsDaysAreStoredAsISOTextAndReadBackAsDays() async throws {
        try await StoreDatabase.with { t in
            let d = try await Fixtures.district(on: t.db)
            _ = try await Fixtures.writer(d).apply(Fixtures.ledger, on: t.db)
            let a1 = try #require(try await ProjectModel.query(on: t.db).filter(\.$code == "A1").first())
            let m = MilestoneModel()
            m.id = UUID(); m.districtID = d.id!; m.$project.id = a1.id!; m.year = 2023; m.seq = 1; m.name = "开工"
            m.planned = CalendarDate(year: 2023, month: 4, day: 8)!; m.actual = nil; m.version = 1
            try await m.create(on: t.db)

            let raw = try await t.db.sql().raw("SELECT planned, actual FROM milestones WHERE id = \(bind: m.id!)").first()
            #expect(try raw?.decode(column: "planned", as: String.self) == "2023-04-08")
            #expect(try raw?.decode(column: "actual", as: String?.self) == nil)

            // A filter compares days, and the row comes back typed.
            let found = try await MilestoneModel.query(on: t.db).filter(\.$planned >= CalendarDate(year: 2023, month: 4, day: 1)!)
                .filter(\.$planned < CalendarDate(year: 2023, month: 5, day: 1)!).all()
            #expect(found.map(\.planned) == [CalendarDate(year: 2023, month: 4, day: 8)!])
            #expect(found.first?.actual == nil)
        }
    }

    @Test func aStoredDayThatIsNotADayIsRefusedWhenRead() async throws {
        try await StoreDatabase.with { t in
            let d = try await Fixtures.district(on: t.db)
            _ = try await Fixtures.writer(d).apply(Fixtures.ledger, on: t.db)
            try await t.db.sql().raw("UPDATE projects SET planned_start = '2023-02-30' WHERE code = 'A1'").run()
            await #expect(throws: (any Error).self) {
                _ = try await ProjectModel.query(on: t.db).filter(\.$code == "A1").first()
            }
            // The other rows read as before.
            let a2 = try #require(try await ProjectModel.query(on: t.db).filter(\.$code == "A2").first())
            #expect(a2.code == "A2")
        }
    }
}
