import Fluent
import Foundation

/// A record an editor changes under optimistic concurrency: it carries the version a user
/// read, and `VersionGuard` advances it.
public protocol VersionedRecord: Model where IDValue == UUID {
    var version: Int { get set }
}

extension ApprovalItemModel: VersionedRecord {}
extension MilestoneModel: VersionedRecord {}
extension ReferenceEntryModel: VersionedRecord {}
extension CampaignEntryModel: VersionedRecord {}
extension LeadModel: VersionedRecord {}
extension MeetingModel: VersionedRecord {}
extension NoticeModel: VersionedRecord {}
extension DocumentModel: VersionedRecord {}
extension ProblemModel: VersionedRecord {}
extension ProjectModel: VersionedRecord {}
extension EnterpriseModel: VersionedRecord {}
extension MonthlyReportModel: VersionedRecord {}
extension SupervisionSettingsModel: VersionedRecord {}
extension ProjectStatisticsModel: VersionedRecord {}
extension ProjectLandModel: VersionedRecord {}

/// The one shape of an edit to a versioned record, inside the caller's transaction: claim the
/// version the user read (a stale one is refused as the editor's own conflict, before anything
/// is written), change the record, save it, and record the audit entry with what it was and
/// what it is. Editors load the record (scoped to the district or the unit) and decide what may
/// change; this is the part every editor wrote alike.
public struct EditContext: Sendable {
    public var districtID: UUID
    public var actor: ChangeActor

    public init(districtID: UUID, actor: ChangeActor) {
        self.districtID = districtID; self.actor = actor
    }

    /// Claims `version`, applies `change`, saves and audits. `before` is the record as read;
    /// `after` and `summary` are taken once the change is made. The claim comes first, so a
    /// rule that `change` checks (and may refuse by throwing) is judged on the version the user
    /// saw; a refusal rolls back the claim with the caller's transaction. `action` names the
    /// step in the audit log (`update`, or a workflow's own: `submit`, `approve`, `merge`).
    /// `audited` is false only for a step that keeps its own log and changes nothing an audit
    /// reader looks for (a comment on a problem is in the problem's steps).
    public func update<M: VersionedRecord, B: Encodable, A: Encodable, F: Error>(
        _ record: M, version: Int, action: String = "update", entity: String, in tx: any Database, conflict: (Int?) -> F,
        audited: Bool = true, before: B, change: (M) async throws -> Void, after: (M) -> A, summary: (M) -> String
    ) async throws {
        record.version = try await VersionGuard.claim(table: M.schema, id: try record.requireID(), expected: version, on: tx, orElse: conflict)
        try await change(record)
        try await record.update(on: tx)
        guard audited else { return }
        try await Audit.record(on: tx, districtID: districtID, actor: actor, action: action, entity: entity,
                               entityID: record.id, summary: summary(record), before: before, after: after(record))
    }

    /// Only the claim, for an edit whose change and audit are written by a shared writer (a
    /// ledger row saved through `LedgerWriter`, whose audit an import writes alike) or that
    /// touches several records under one claim (a merge). Sets the record's new version.
    public func claim<M: VersionedRecord, F: Error>(_ record: M, version: Int, in tx: any Database, conflict: (Int?) -> F) async throws {
        record.version = try await VersionGuard.claim(table: M.schema, id: try record.requireID(), expected: version, on: tx, orElse: conflict)
    }

    /// Claims `version`, deletes the record and audits what it was.
    public func delete<M: VersionedRecord, S: Encodable, F: Error>(
        _ record: M, version: Int, entity: String, in tx: any Database, conflict: (Int?) -> F, snapshot: S, summary: String
    ) async throws {
        _ = try await VersionGuard.claim(table: M.schema, id: try record.requireID(), expected: version, on: tx, orElse: conflict)
        try await record.delete(on: tx)
        try await Audit.record(on: tx, districtID: districtID, actor: actor, action: "delete", entity: entity,
                               entityID: record.id, summary: summary, before: snapshot, after: Nothing?.none)
    }
}
