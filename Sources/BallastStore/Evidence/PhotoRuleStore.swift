import BallastCore
import Fluent
import Foundation

/// Reads and changes a district's rules for judging site photos (`PhotoRules`): the defaults
/// until the office changes them; a change is checked, versioned against a second editor, and
/// audited. A change judges photos uploaded afterwards; those already judged keep their verdict,
/// which is what the reviewer saw.
public enum PhotoRuleStore {
    public static func load(districtID: UUID, on db: any Database) async throws -> (rules: PhotoRules, version: Int) {
        guard let row = try await PhotoRulesModel.read(districtID: districtID, on: db),
              let rules = try? JSONDecoder().decode(PhotoRules.self, from: Data(row.json.utf8)) else {
            return (.standard, 0)
        }
        return (rules, row.version)
    }

    public static func save(_ rules: PhotoRules, version: Int, context: ProjectItemContext, on db: any Database) async throws -> Int {
        let problems = rules.check()
        guard problems.isEmpty else { throw ProjectItemContext.Failure.refused(problems) }
        return try await db.writeTransaction { tx in
            let (before, current) = try await load(districtID: context.districtID, on: tx)
            guard current == version else { throw ProjectItemContext.Failure.versionConflict(current: current) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let json = String(decoding: try encoder.encode(rules), as: UTF8.self)
            try await PhotoRulesModel.write(json, after: current, districtID: context.districtID, on: tx)
            try await Audit.record(on: tx, districtID: context.districtID, actor: context.actor, action: "update", entity: "photo_rules",
                                   entityID: nil, summary: "现场照片核验规则", before: before, after: rules)
            return current + 1
        }
    }

    /// One photo's record and verdict for a project's month: the function the upload, the CLI
    /// (`ballast photos check`) and the demo share.
    public static func check(_ bytes: [UInt8], project: ProjectModel, year: Int, month: Int, rules: PhotoRules,
                             timeZone: String = "Asia/Shanghai") -> (PhotoMetadata, PhotoVerdict) {
        let meta = ExifReader.read(bytes)
        let site = project.latitude.flatMap { lat in project.longitude.map { (latitude: lat, longitude: $0) } }
        // China keeps one offset all year; a zone with summer time is read at its standard offset.
        let zone = (TimeZone(identifier: timeZone)?.secondsFromGMT() ?? 8 * 3600) / 60
        return (meta, PhotoVerdict.judge(meta, site: site, year: year, month: month, rules: rules, zoneMinutes: zone))
    }
}
