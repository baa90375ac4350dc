import BallastCore
import Fluent
import Foundation

/// Adds, renames and removes entries of a district's named lists, with versions and audit.
/// A rename shows everywhere at once because projects point at the entry, not at its name.
public struct ReferenceListEditor: Sendable {
    public var districtID: UUID
    public var actor: ChangeActor

    public init(districtID: UUID, actor: ChangeActor) { self.districtID = districtID; self.actor = actor }

    public enum Failure: Error, Equatable, Sendable {
        case notFound
        case nameTaken(String)
        case emptyName
        case inUse(projects: Int)
        case versionConflict(current: Int?)
    }

    public func list(kind: ReferenceKind, year: Int, on db: any Database) async throws -> [ReferenceEntry] {
        try await ReferenceEntryModel.query(on: db).filter(\.$district.$id == districtID).filter(\.$kind == kind.rawValue)
            .filter(\.$year == (kind.isPerYear ? year : ReferenceEntryModel.noYear)).sort(\.$sort).sort(\.$name).all()
            .map(ReferenceEntry.init)
    }

    public func create(kind: ReferenceKind, year: Int, name raw: String, variant: String?, sort: Int?,
                       on db: any Database) async throws -> ReferenceEntryModel {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw Failure.emptyName }
        return try await db.writeTransaction { tx in
            if try await taken(kind: kind, year: year, name: name, except: nil, on: tx) { throw Failure.nameTaken(name) }
            let entry = ReferenceEntryModel(districtID: districtID, kind: kind, year: year, name: name, variant: variant,
                                            sort: sort ?? 1000)
            try await entry.create(on: tx)
            try await Audit.record(on: tx, districtID: districtID, actor: actor, action: "create", entity: "reference_entry",
                                   entityID: entry.id, summary: "\(kind.chineseName) \(name)", before: Nothing?.none,
                                   after: ["kind": kind.rawValue, "name": name, "year": String(entry.year)])
            return entry
        }
    }

    public func update(id: UUID, version: Int, name raw: String, variant: String?, sort: Int?, on db: any Database) async throws {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw Failure.emptyName }
        try await db.writeTransaction { tx in
            let entry = try await find(id, on: tx)
            guard let kind = entry.referenceKind else { throw Failure.notFound }
            if try await taken(kind: kind, year: entry.year, name: name, except: id, on: tx) { throw Failure.nameTaken(name) }
            let was = entry.name
            let snapshot = { (e: ReferenceEntryModel) in ["name": e.name, "variant": e.variant ?? "", "sort": String(e.sort)] }
            try await EditContext(districtID: districtID, actor: actor).update(
                entry, version: version, entity: "reference_entry", in: tx, conflict: Failure.versionConflict(current:),
                before: snapshot(entry),
                change: { e in e.name = name; e.variant = variant; if let sort { e.sort = sort } },
                after: snapshot, summary: { _ in "\(kind.chineseName) \(was) → \(name)" })
        }
    }

    /// Refused while any project or year plan still points at the entry: removing a unit must
    /// not orphan its projects.
    public func delete(id: UUID, version: Int, on db: any Database) async throws {
        try await db.writeTransaction { tx in
            let entry = try await find(id, on: tx)
            let uses = try await usage(id, on: tx)
            if uses > 0 { throw Failure.inUse(projects: uses) }
            try await EditContext(districtID: districtID, actor: actor).delete(
                entry, version: version, entity: "reference_entry", in: tx, conflict: Failure.versionConflict(current:),
                snapshot: ["kind": entry.kind, "name": entry.name], summary: "\(entry.referenceKind?.chineseName ?? entry.kind) \(entry.name)")
        }
    }

    func find(_ id: UUID, on db: any Database) async throws -> ReferenceEntryModel {
        guard let e = try await ReferenceEntryModel.query(on: db).filter(\.$id == id).filter(\.$district.$id == districtID).first()
        else { throw Failure.notFound }
        return e
    }

    func taken(kind: ReferenceKind, year: Int, name: String, except: UUID?, on db: any Database) async throws -> Bool {
        var q = ReferenceEntryModel.query(on: db).filter(\.$district.$id == districtID).filter(\.$kind == kind.rawValue)
            .filter(\.$year == (kind.isPerYear ? year : ReferenceEntryModel.noYear)).filter(\.$name == name)
        if let except { q = q.filter(\.$id != except) }
        return try await q.first() != nil
    }

    public func usage(_ id: UUID, on db: any Database) async throws -> Int {
        let projects = try await ProjectModel.query(on: db).group(.or) {
            $0.filter(\.$category.$id == id).filter(\.$unit.$id == id).filter(\.$chain.$id == id)
                .filter(\.$leader.$id == id).filter(\.$taskForce.$id == id)
        }.count()
        let plans = try await YearPlanModel.query(on: db).group(.or) {
            $0.filter(\.$level.$id == id).filter(\.$zone.$id == id)
        }.count()
        return projects + plans
    }
}

extension ReferenceListEditor.Failure: DomainFailure {
    public var status: Int {
        switch self {
        case .notFound: 404
        case .nameTaken, .inUse, .versionConflict: 409
        case .emptyName: 422
        }
    }
    public var code: String {
        switch self {
        case .notFound: "not_found"
        case .nameTaken: "name_taken"
        case .emptyName: "invalid"
        case .inUse: "in_use"
        case .versionConflict: "version_conflict"
        }
    }
    public var message: Message {
        switch self {
        case .notFound: Message(zh: "名录条目不存在", en: "No such list entry")
        case .nameTaken(let name): Message(zh: "名称“\(name)”已存在", en: "The name “\(name)” already exists")
        case .emptyName: Message(zh: "名称不能为空", en: "The name must not be empty")
        case .inUse(let n): Message(zh: "仍有\(n)处项目或年度计划使用该条目，不能删除", en: "\(n) project(s) or year plan(s) still use this entry")
        case .versionConflict(let current): Refusal.versionConflict(current: current)
        }
    }
    public var field: String? {
        switch self {
        case .nameTaken, .emptyName: "name"
        case .versionConflict: "version"
        case .notFound, .inUse: nil
        }
    }
}
