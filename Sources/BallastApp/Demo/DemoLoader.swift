import BallastCore
import BallastStore
import Fluent
import Foundation
import Vapor

/// Loads the demo district through the same writer an import uses.
enum DemoLoader {
    /// Returns false, changing nothing, when the demo district is already there.
    @discardableResult
    static func loadIfEmpty(on db: any Database, passwordHashing: PasswordHashing, logger: Logger) async throws -> Bool {
        if try await DistrictModel.query(on: db).filter(\.$code == DemoDistrict.code).first() != nil { return false }
        let actor = ChangeActor(name: "demo", role: "system")
        // One hash for the six demo users: they share the documented demo password.
        let demoHash = try await passwordHashing.hash(DemoUsers.password)
        try await db.transaction { tx in
            let district = DistrictModel(id: UUID(), code: DemoDistrict.code, name: DemoDistrict.name)
            try await district.create(on: tx)
            let id = try district.requireID()
            var entries: [ReferenceEntryModel] = []
            for (i, c) in DemoFigures.categories.enumerated() {
                entries.append(ReferenceEntryModel(districtID: id, kind: .category, year: DemoFigures.year, name: c.name, sort: i + 1))
            }
            for (i, z) in (DemoFigures.axes + DemoFigures.areas).enumerated() {
                entries.append(ReferenceEntryModel(districtID: id, kind: .zone, year: DemoFigures.year, name: z, sort: i + 1))
            }
            for (i, u) in DemoFigures.units.enumerated() {
                entries.append(ReferenceEntryModel(districtID: id, kind: .unit, year: 0, name: u.name, variant: u.variant, sort: i + 1))
            }
            for (i, l) in DemoFigures.leaders.enumerated() {
                entries.append(ReferenceEntryModel(districtID: id, kind: .leader, year: 0, name: l, sort: i + 1))
            }
            for (i, t) in DemoFigures.taskForces.enumerated() {
                entries.append(ReferenceEntryModel(districtID: id, kind: .taskForce, year: 0, name: t, sort: i + 1))
            }
            try await entries.create(on: tx)
            let writer = LedgerWriter(districtID: id, year: DemoFigures.year, actor: actor,
                                      today: CalendarDate(year: 2023, month: 1, day: 1)!)
            let report = try await writer.apply(DemoDistrict.records(), on: tx)
            try await DemoUsers.create(districtID: id, passwordHash: demoHash, on: tx)
            logger.info("demo district loaded: \(report.created.count) projects")
        }
        return true
    }
}
