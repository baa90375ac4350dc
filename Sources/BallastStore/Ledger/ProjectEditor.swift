import BallastCore
import Fluent
import Foundation

/// Single-project changes from a form or the API. They take the importer's path, so a project
/// entered by hand is stored, named and audited exactly as an imported one.
public struct ProjectEditor: Sendable {
    public var writer: LedgerWriter

    public init(writer: LedgerWriter) { self.writer = writer }

    public enum Failure: Error, Equatable, Sendable {
        case notFound
        case codeTaken(String)
        case versionConflict(current: Int?)
        case invalid([LedgerIssue])
    }

    public func create(_ record: LedgerRecord, on db: any Database) async throws -> UUID {
        try await db.writeTransaction { tx in
            if try await ProjectModel.query(on: tx).filter(\.$district.$id == writer.districtID)
                .filter(\.$code == record.code).first() != nil {
                throw Failure.codeTaken(record.code)
            }
            let report = try await writer.apply([record], on: tx)
            if !report.issues.isEmpty { throw Failure.invalid(report.issues) }
            guard let p = try await ProjectModel.query(on: tx).filter(\.$district.$id == writer.districtID)
                .filter(\.$code == record.code).first(), let id = p.id else { throw Failure.notFound }
            return id
        }
    }

    /// Applies `record` to the project if it is still at `version`; otherwise nothing changes.
    public func update(id: UUID, version: Int, with record: LedgerRecord, on db: any Database) async throws {
        try await db.writeTransaction { tx in
            guard let project = try await ProjectModel.query(on: tx).filter(\.$id == id)
                .filter(\.$district.$id == writer.districtID).first() else { throw Failure.notFound }
            do {
                _ = try await VersionGuard.claim(table: ProjectModel.schema, id: id, expected: version, on: tx)
            } catch let c as VersionGuard.Conflict {
                throw Failure.versionConflict(current: c.current)
            }
            if record.code != project.code {
                if try await ProjectModel.query(on: tx).filter(\.$district.$id == writer.districtID)
                    .filter(\.$code == record.code).first() != nil {
                    throw Failure.codeTaken(record.code)
                }
                try await Audit.record(on: tx, districtID: writer.districtID, actor: writer.actor, action: "update",
                                       entity: "project", entityID: id, summary: "项目编号 \(project.code) → \(record.code)",
                                       before: ["code": project.code], after: ["code": record.code])
                project.code = record.code
                project.version = version + 1
                try await project.update(on: tx)
            }
            var claimed = writer
            claimed.bumpsVersion = false
            let report = try await claimed.apply([record], on: tx)
            if !report.issues.isEmpty { throw Failure.invalid(report.issues) }
        }
    }

    public func delete(id: UUID, version: Int, on db: any Database) async throws {
        try await db.writeTransaction { tx in
            guard let project = try await ProjectModel.query(on: tx).filter(\.$id == id)
                .filter(\.$district.$id == writer.districtID).first() else { throw Failure.notFound }
            do {
                _ = try await VersionGuard.claim(table: ProjectModel.schema, id: id, expected: version, on: tx)
            } catch let c as VersionGuard.Conflict {
                throw Failure.versionConflict(current: c.current)
            }
            let names = try await writer.namesByID(on: tx)
            let plan = try await YearPlanModel.query(on: tx).filter(\.$project.$id == id).filter(\.$year == writer.year).first()
            let before = writer.snapshot(project, plan: plan, names: names)
            try await YearPlanModel.query(on: tx).filter(\.$project.$id == id).delete()
            try await StageChangeModel.query(on: tx).filter(\.$project.$id == id).delete()
            try await project.delete(on: tx)
            try await Audit.record(on: tx, districtID: writer.districtID, actor: writer.actor, action: "delete",
                                   entity: "project", entityID: id, summary: "\(project.code) \(project.name)",
                                   before: before, after: ProjectSnapshot?.none)
        }
    }
}
