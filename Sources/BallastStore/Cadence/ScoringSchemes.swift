import BallastCore
import Fluent
import Foundation

/// The district year's scoring scheme: the latest version stored, or the standard one (version
/// 0) until the office first saves its own. Saving adds a version, never rewrites one.
public enum ScoringSchemes {
    public struct Current: Sendable, Equatable {
        public var version: Int
        public var scheme: ScoringScheme
        public var createdBy: String?
    }

    public static func current(districtID: UUID, year: Int, on db: any Database) async throws -> Current {
        guard let row = try await ScoringSchemeModel.query(on: db).filter(\.$districtID == districtID).filter(\.$year == year)
            .sort(\.$version, .descending).first() else {
            return Current(version: 0, scheme: .standard, createdBy: nil)
        }
        return Current(version: row.version, scheme: try JSONDecoder().decode(ScoringScheme.self, from: Data(row.payload.utf8)), createdBy: row.createdBy)
    }

    /// Saves `scheme` as the next version, if `version` is the one the editor saw; refused with
    /// the field named when the scheme is not usable (weights not adding up to 100…).
    public static func save(_ scheme: ScoringScheme, year: Int, version: Int, context: ProjectItemContext, on db: any Database) async throws -> Current {
        if let p = scheme.problem() { throw ProjectItemContext.Failure.invalid(field: p.field, p.message) }
        guard (2000...2100).contains(year) else {
            throw ProjectItemContext.Failure.invalid(field: "year", Message(zh: "年度 \(year) 无效", en: "Year \(year) is not valid"))
        }
        return try await db.writeTransaction { tx in
            let now = try await current(districtID: context.districtID, year: year, on: tx)
            guard now.version == version else { throw ProjectItemContext.Failure.versionConflict(current: now.version) }
            let row = ScoringSchemeModel()
            row.id = UUID(); row.districtID = context.districtID; row.year = year; row.version = version + 1
            row.payload = String(decoding: try JSONEncoder.sorted.encode(scheme), as: UTF8.self)
            row.createdBy = context.actor.name; row.createdAt = Date()
            // The unique key (district, year, version) stops a second writer that read the same version.
            do { try await row.create(on: tx) } catch { throw ProjectItemContext.Failure.versionConflict(current: version + 1) }
            try await Audit.record(on: tx, districtID: context.districtID, actor: context.actor, action: "create", entity: "scoring_scheme",
                                   entityID: row.id, summary: "\(year)年考核评分办法 第 \(row.version) 版",
                                   before: version == 0 ? nil : now.scheme, after: scheme)
            return Current(version: row.version, scheme: scheme, createdBy: row.createdBy)
        }
    }
}
