import BallastCore
import Fluent
import Foundation

/// Who is changing a project's milestones or approval items, in which district, on which day,
/// and (for a unit) the one unit whose projects they may touch.
public struct ProjectItemContext: Sendable {
    public var districtID: UUID
    public var actor: ChangeActor
    public var today: CalendarDate
    public var scopeUnitID: UUID?
    /// Whether a change that moves figures recolours its year in its transaction (`Recolour`).
    /// Always, except for a loader that replays a history of changes and recolours the year
    /// itself at each month's end (the demo district), where a recolour at each step would judge
    /// the year on the wrong day.
    public var recolours: Bool

    public init(districtID: UUID, actor: ChangeActor, today: CalendarDate, scopeUnitID: UUID?, recolours: Bool = true) {
        self.districtID = districtID; self.actor = actor; self.today = today; self.scopeUnitID = scopeUnitID
        self.recolours = recolours
    }

    /// The year's colours follow a change that moved its figures, in the change's transaction.
    func recolour(_ year: Int, in tx: any Database) async throws {
        guard recolours else { return }
        try await Recolour.year(year, districtID: districtID, today: today, in: tx)
    }

    public enum Failure: Error, Equatable, Sendable {
        case projectNotFound
        case itemNotFound
        case versionConflict(current: Int?)
        case invalid(field: String, Message)
        /// Several fields at once (a rule's whole answer).
        case refused([FieldProblem])
        /// A campaign entry, lead, trip… that is not in the district (or not the unit's).
        case notFound(Message)
    }

    /// The project, if it is in the district and (for a unit) the unit's own; else not found.
    func project(_ id: UUID, on db: any Database) async throws -> ProjectModel {
        var q = ProjectModel.query(on: db).filter(\.$id == id).filter(\.$district.$id == districtID)
        if let scopeUnitID { q = q.filter(\.$unit.$id == scopeUnitID) }
        guard let p = try await q.first() else { throw Failure.projectNotFound }
        return p
    }

    /// A project named by its code in a form (a lead's signing, a campaign list): the district's,
    /// and (for a unit) the unit's own; else refused naming `projectCode`.
    public func projectID(code: String, on db: any Database) async throws -> UUID {
        var q = ProjectModel.query(on: db).filter(\.$district.$id == districtID).filter(\.$code == code.trimmed)
        if let scopeUnitID { q = q.filter(\.$unit.$id == scopeUnitID) }
        guard let id = try await q.first()?.id else {
            throw Failure.invalid(field: "projectCode", Message(zh: "项目“\(code)”不在本区项目库中", en: "No project \(code) in the district"))
        }
        return id
    }

    /// The edit every item editor makes: claim, change, save, audit, refused as `versionConflict`.
    var edit: EditContext { EditContext(districtID: districtID, actor: actor) }

    func update<M: VersionedRecord, B: Encodable, A: Encodable>(_ record: M, version: Int, action: String = "update", entity: String,
                                                  in tx: any Database, audited: Bool = true, before: B, change: (M) async throws -> Void, after: (M) -> A,
                                                  summary: (M) -> String) async throws {
        try await edit.update(record, version: version, action: action, entity: entity, in: tx, conflict: Failure.versionConflict(current:), audited: audited,
                              before: before, change: change, after: after, summary: summary)
    }

    func delete<M: VersionedRecord, S: Encodable>(_ record: M, version: Int, entity: String, in tx: any Database, snapshot: S,
                                                  summary: String) async throws {
        try await edit.delete(record, version: version, entity: entity, in: tx, conflict: Failure.versionConflict(current:),
                              snapshot: snapshot, summary: summary)
    }

    /// A responsible or issuing unit named in a form: must be on the district's unit list.
    func unitID(named name: String?, on db: any Database) async throws -> UUID? {
        guard let name = name?.trimmed, !name.isEmpty else { return nil }
        guard let entry = try await ReferenceEntryModel.query(on: db).filter(\.$district.$id == districtID)
            .filter(\.$kind == ReferenceKind.unit.rawValue).filter(\.$name == name).first() else {
            throw Failure.invalid(field: "unit", Message(zh: "责任单位“\(name)”不在本区单位名单中", en: "“\(name)” is not on the district's list of units"))
        }
        return entry.id
    }

    /// A date a user says something happened must not be after today.
    func notFuture(_ date: CalendarDate?, field: String) throws {
        if let date, date > today {
            throw Failure.invalid(field: field, Message(zh: "实际日期 \(date.iso) 晚于今天 \(today.iso)", en: "The actual date \(date.iso) is after today, \(today.iso)"))
        }
    }

    static func name(_ raw: String, field: String = "name") throws -> String {
        let t = raw.trimmed
        guard !t.isEmpty else { throw Failure.invalid(field: field, Message(zh: "名称不能为空", en: "The name must not be empty")) }
        guard t.count <= 60 else { throw Failure.invalid(field: field, Message(zh: "名称超过 60 个字", en: "The name is over 60 characters")) }
        return t
    }
}

extension ProjectItemContext.Failure: DomainFailure {
    public var status: Int {
        switch self {
        case .projectNotFound, .itemNotFound, .notFound: 404
        case .versionConflict: 409
        case .invalid, .refused: 422
        }
    }
    public var code: String {
        switch self {
        case .projectNotFound, .itemNotFound, .notFound: "not_found"
        case .versionConflict: "version_conflict"
        case .invalid, .refused: "invalid"
        }
    }
    public var message: Message {
        switch self {
        case .projectNotFound: Message(zh: "项目不存在", en: "No such project")
        case .itemNotFound: Message(zh: "该节点或事项不存在", en: "No such milestone or item")
        case .versionConflict(let current): Refusal.versionConflict(current: current)
        case .invalid(_, let message): message
        case .refused(let problems): Refusal.joined(problems)
        case .notFound(let what): what
        }
    }
    public var field: String? {
        switch self {
        case .versionConflict: "version"
        case .invalid(let field, _): field
        case .refused(let problems): problems.first?.field
        case .projectNotFound, .itemNotFound, .notFound: nil
        }
    }
    public var details: [LedgerIssue] {
        if case .refused(let problems) = self { return Refusal.details(problems) }
        return []
    }
}
