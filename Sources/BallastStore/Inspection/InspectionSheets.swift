import BallastCore
import Fluent
import Foundation

/// The district's 观摩 scoring sheet: the latest version stored, or the standard one (version 1,
/// `InspectionSheet.standard`) until the office first saves its own. Saving adds a version,
/// never rewrites one: a tour keeps the version it was planned on.
public enum InspectionSheets {
    /// What a version stores: the items and the combination's setting.
    public struct Stored: Sendable, Equatable, Codable {
        public var items: [InspectionSheet.Item]
        public var dropExtremesFrom: Int
        public init(items: [InspectionSheet.Item], dropExtremesFrom: Int) { self.items = items; self.dropExtremesFrom = dropExtremesFrom }
    }

    public struct Current: Sendable, Equatable {
        public var sheet: InspectionSheet
        public var settings: InspectionScoring.Settings
        public var createdBy: String?
    }

    public static func current(districtID: UUID, on db: any Database) async throws -> Current {
        guard let row = try await InspectionSheetModel.query(on: db).filter(\.$districtID == districtID).sort(\.$version, .descending).first() else {
            return Current(sheet: .standard, settings: .standard, createdBy: nil)
        }
        let s = try JSONDecoder().decode(Stored.self, from: Data(row.payload.utf8))
        return Current(sheet: InspectionSheet(version: row.version, items: s.items),
                       settings: InspectionScoring.Settings(dropExtremesFrom: s.dropExtremesFrom), createdBy: row.createdBy)
    }

    /// Saves the next version if `version` is the one the editor saw; refused naming the field.
    public static func save(items: [InspectionSheet.Item], settings: InspectionScoring.Settings, version: Int,
                            context: ProjectItemContext, on db: any Database) async throws -> Current {
        let trimmed = items.map { InspectionSheet.Item(key: $0.key.trimmed, name: $0.name.trimmed, points: $0.points) }
        let problems = InspectionSheet(version: version + 1, items: trimmed).problems() + settings.problems()
        guard problems.isEmpty else { throw ProjectItemContext.Failure.refused(problems) }
        return try await db.writeTransaction { tx in
            let now = try await current(districtID: context.districtID, on: tx)
            guard now.sheet.version == version else { throw ProjectItemContext.Failure.versionConflict(current: now.sheet.version) }
            let row = InspectionSheetModel()
            row.id = UUID(); row.districtID = context.districtID; row.version = version + 1; row.createdBy = context.actor.name
            let stored = Stored(items: trimmed, dropExtremesFrom: settings.dropExtremesFrom)
            row.payload = String(decoding: try JSONEncoder.sorted.encode(stored), as: UTF8.self)
            // The unique key (district, version) stops a second writer that read the same version.
            do { try await row.create(on: tx) } catch { throw ProjectItemContext.Failure.versionConflict(current: version + 1) }
            try await Audit.record(on: tx, districtID: context.districtID, actor: context.actor, action: "create", entity: "inspection_sheet",
                                   entityID: row.id, summary: "观摩评分表 第 \(row.version) 版",
                                   before: Stored(items: now.sheet.items, dropExtremesFrom: now.settings.dropExtremesFrom), after: stored)
            return Current(sheet: InspectionSheet(version: row.version, items: trimmed), settings: settings, createdBy: row.createdBy)
        }
    }
}
