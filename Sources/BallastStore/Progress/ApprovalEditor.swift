import BallastCore
import Fluent
import Foundation
import SQLKit

/// 联审联批事项 edits: a project's approval items for a year, with target and actual dates and
/// the issuing department. Versioned and audited like every other edit.
public struct ApprovalEditor: Sendable {
    public var context: ProjectItemContext

    public init(context: ProjectItemContext) { self.context = context }

    public struct Fields: Sendable, Encodable {
        public var name: String
        public var department: String?
        public var target: CalendarDate?
        public var actual: CalendarDate?

        public init(name: String, department: String?, target: CalendarDate?, actual: CalendarDate?) {
            self.name = name; self.department = department; self.target = target; self.actual = actual
        }
    }

    struct Snapshot: Encodable {
        var name: String, department: String?, target: String?, actual: String?
        init(_ a: ApprovalItemModel) { name = a.name; department = a.department; target = a.target?.iso; actual = a.actual?.iso }
    }

    /// A project's approval items for a year, by target date.
    public static func items(projectID: UUID, year: Int, on db: any Database) async throws -> [ApprovalItemModel] {
        try await ApprovalItemModel.query(on: db).filter(\.$project.$id == projectID).filter(\.$year == year).sort(\.$target).all()
    }

    public func add(projectID: UUID, year: Int, _ f: Fields, on db: any Database) async throws -> ApprovalItemModel {
        try await db.writeTransaction { tx in
            let p = try await context.project(projectID, on: tx)
            let a = ApprovalItemModel()
            a.id = UUID(); a.districtID = context.districtID; a.$project.id = projectID; a.year = year; a.version = 1
            try fill(a, f)
            try await a.create(on: tx)
            try await Audit.record(on: tx, districtID: context.districtID, actor: context.actor, action: "create", entity: "approval-item",
                                   entityID: a.id, summary: "\(p.code) \(year) \(a.name)", before: Snapshot?.none, after: Snapshot(a))
            return a
        }
    }

    public func update(id: UUID, version: Int, _ f: Fields, on db: any Database) async throws -> ApprovalItemModel {
        try await db.writeTransaction { tx in
            let (a, p) = try await item(id, on: tx)
            try await context.update(a, version: version, entity: "approval-item", in: tx, before: Snapshot(a),
                                     change: { try fill($0, f) }, after: Snapshot.init, summary: { "\(p.code) \($0.year) \($0.name)" })
            return a
        }
    }

    public func delete(id: UUID, version: Int, on db: any Database) async throws {
        try await db.writeTransaction { tx in
            let (a, p) = try await item(id, on: tx)
            try await context.delete(a, version: version, entity: "approval-item", in: tx, snapshot: Snapshot(a), summary: "\(p.code) \(a.year) \(a.name)")
        }
    }

    func item(_ id: UUID, on db: any Database) async throws -> (ApprovalItemModel, ProjectModel) {
        guard let a = try await ApprovalItemModel.query(on: db).filter(\.$id == id).filter(\.$districtID == context.districtID).first()
        else { throw ProjectItemContext.Failure.itemNotFound }
        return (a, try await context.project(a.$project.id, on: db))
    }

    func fill(_ a: ApprovalItemModel, _ f: Fields) throws {
        a.name = try ProjectItemContext.name(f.name)
        try context.notFuture(f.actual, field: "actual")
        a.department = f.department?.trimmed.nilIfEmpty
        a.target = f.target
        a.actual = f.actual
    }
}

/// The year's approval completion, counted in SQL: items, approved, approved by the target,
/// and still open past the target on `asOf`.
public enum ApprovalRateQuery {
    public static func run(districtID: UUID, year: Int, asOf: CalendarDate, scopeUnitID: UUID?, on db: any Database) async throws -> ApprovalRate {
        let sql = try db.sql()
        var q: SQLQueryString = """
            SELECT COUNT(*) AS total,
                   COALESCE(SUM(CASE WHEN a.actual IS NOT NULL THEN 1 ELSE 0 END), 0) AS approved,
                   COALESCE(SUM(CASE WHEN a.actual IS NOT NULL AND (a.target IS NULL OR a.actual <= a.target) THEN 1 ELSE 0 END), 0) AS on_time,
                   COALESCE(SUM(CASE WHEN a.actual IS NULL AND a.target < \(bind: asOf.iso) THEN 1 ELSE 0 END), 0) AS overdue
            FROM approval_items a JOIN projects p ON p.id = a.project_id
            WHERE a.district_id = \(bind: districtID) AND a.year = \(bind: year)
            """
        if let scopeUnitID { q += " AND p.unit_id = \(bind: scopeUnitID)" }
        guard let row = try await sql.raw(q).first() else { return ApprovalRate(total: 0, approved: 0, onTime: 0, overdue: 0) }
        return ApprovalRate(total: try row.decode(column: "total", as: Int.self), approved: try row.decode(column: "approved", as: Int.self),
                            onTime: try row.decode(column: "on_time", as: Int.self), overdue: try row.decode(column: "overdue", as: Int.self))
    }
}
