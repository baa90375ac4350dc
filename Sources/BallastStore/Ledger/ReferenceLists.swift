import BallastCore
import Fluent
import Foundation

/// A district's named lists for one year, loaded once and looked up by name.
public struct ReferenceLists: Sendable {
    public let districtID: UUID
    public let year: Int
    private var byKey: [Key: UUID] = [:]

    struct Key: Hashable { let kind: ReferenceKind; let name: String }

    public static func load(districtID: UUID, year: Int, on db: any Database) async throws -> ReferenceLists {
        var lists = ReferenceLists(districtID: districtID, year: year)
        let entries = try await ReferenceEntryModel.query(on: db)
            .filter(\.$district.$id == districtID)
            .group(.or) { $0.filter(\.$year == year).filter(\.$year == ReferenceEntryModel.noYear) }
            .all()
        for e in entries {
            guard let kind = e.referenceKind, let id = e.id else { continue }
            if kind.isPerYear && e.year != year { continue }
            lists.byKey[Key(kind: kind, name: e.name)] = id
        }
        return lists
    }

    init(districtID: UUID, year: Int) { self.districtID = districtID; self.year = year }

    /// One list's names in the district's order (for a form's choices): every year's for a
    /// per-year kind, without repeats.
    public static func names(districtID: UUID, kind: ReferenceKind, on db: any Database) async throws -> [String] {
        var seen = Set<String>()
        return try await ReferenceEntryModel.query(on: db).filter(\.$district.$id == districtID).filter(\.$kind == kind.rawValue)
            .sort(\.$sort).sort(\.$name).all().map(\.name).filter { seen.insert($0).inserted }
    }

    /// One list's entries in the district's order (every year's for a per-year kind).
    public static func entries(_ kind: ReferenceKind? = nil, districtID: UUID, on db: any Database) async throws -> [ReferenceEntryModel] {
        var q = ReferenceEntryModel.query(on: db).filter(\.$district.$id == districtID)
        if let kind { q = q.filter(\.$kind == kind.rawValue) }
        return try await q.sort(\.$sort).sort(\.$name).all()
    }

    /// The entry of a list with this exact name, or nil when the name is not on the list.
    public static func entry(_ kind: ReferenceKind, named name: String, districtID: UUID, on db: any Database) async throws -> ReferenceEntryModel? {
        try await ReferenceEntryModel.query(on: db).filter(\.$district.$id == districtID)
            .filter(\.$kind == kind.rawValue).filter(\.$name == name).first()
    }

    /// Names by id, for showing ids stored on rows (a milestone's unit, a figure's unit).
    public static func namesByID(_ kind: ReferenceKind, districtID: UUID, on db: any Database) async throws -> [UUID: String] {
        Dictionary(try await entries(kind, districtID: districtID, on: db).compactMap { e in e.id.map { ($0, e.name) } },
                   uniquingKeysWith: { a, _ in a })
    }

    public func id(_ kind: ReferenceKind, _ name: String) -> UUID? { byKey[Key(kind: kind, name: name)] }

    /// A name the writer created or found before using it; missing, it is a refusal, not a trap.
    func require(_ kind: ReferenceKind, _ name: String) throws -> UUID {
        guard let id = id(kind, name) else { throw MissingReference(kind: kind, name: name) }
        return id
    }

    struct MissingReference: Error, CustomStringConvertible {
        var kind: ReferenceKind, name: String
        var description: String { "\(kind.rawValue) “\(name)” was not created before use" }
    }

    public func names(_ kind: ReferenceKind) -> Set<String> {
        Set(byKey.keys.filter { $0.kind == kind }.map(\.name))
    }

    mutating func insert(_ kind: ReferenceKind, _ name: String, id: UUID) { byKey[Key(kind: kind, name: name)] = id }
}

/// The lists a district year starts with, so a first import has its levels to check against.
public enum DistrictSetup {
    public static func ensureYear(districtID: UUID, year: Int, actor: ChangeActor, on db: any Database) async throws {
        let existing = try await ReferenceEntryModel.query(on: db)
            .filter(\.$district.$id == districtID).filter(\.$kind == ReferenceKind.level.rawValue)
            .filter(\.$year == year).count()
        guard existing == 0 else { return }
        for (i, name) in ReferenceKind.defaultLevels.enumerated() {
            let entry = ReferenceEntryModel(districtID: districtID, kind: .level, year: year, name: name, sort: i + 1)
            try await entry.create(on: db)
            try await Audit.record(on: db, districtID: districtID, actor: actor, action: "create", entity: "reference_entry",
                                   entityID: entry.id, summary: "项目级别 \(year) \(name)", before: Nothing?.none,
                                   after: ["kind": "level", "year": String(year), "name": name])
        }
    }
}
