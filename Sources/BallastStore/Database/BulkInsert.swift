import Fluent
import Foundation
import SQLKit

/// A model that can be written many rows to one INSERT. Fluent's own batch create reflects on
/// every property of every model; for a 10 000-row import that was four fifths of the time.
protocol BulkInsertable: Model {
    static var columns: [String] { get }
    /// Values in `columns` order.
    var row: [any Encodable & Sendable] { get }
}

enum BulkInsert {
    static func insert<M: BulkInsertable>(_ models: [M], on db: any Database) async throws {
        try await insert(models.map(\.row), into: M.schema, columns: M.columns, on: try db.sql())
    }

    /// Rows per statement, so rows × columns stays under SQLite's limit of 32 766 bound values.
    static func insert(_ rows: [[any Encodable & Sendable]], into table: String, columns: [String], on sql: any SQLDatabase) async throws {
        let perStatement = max(1, 30_000 / columns.count)
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            var insert = sql.insert(into: table).columns(columns)
            for row in rows[start..<min(start + perStatement, rows.count)] { insert = insert.values(row) }
            try await insert.run()
        }
    }
}

extension ProjectModel: BulkInsertable {
    static let columns = ["id", "district_id", "code", "name", "category_id", "chain_id", "unit_id", "leader_id",
                          "task_force_id", "stage", "total_investment", "investor", "credit_code", "content", "address",
                          "longitude", "latitude", "planned_start", "planned_end", "exit_reason", "version",
                          "created_at", "updated_at", "enterprise_id", "project_code"]
    var row: [any Encodable & Sendable] {
        let now = Date()
        return [id, $district.id, code, name, $category.id, $chain.id, $unit.id, $leader.id, $taskForce.id, stage,
                totalInvestment, investor, creditCode, content, address, longitude, latitude, plannedStart, plannedEnd,
                exitReason, version, now, now, enterpriseID, projectCode]
    }
}

extension YearPlanModel: BulkInsertable {
    static let columns = ["id", "district_id", "project_id", "year", "level_id", "nature", "zone_id", "annual_plan",
                          "version", "created_at", "updated_at", "entered_on"]
    var row: [any Encodable & Sendable] {
        let now = Date()
        return [id, $district.id, $project.id, year, $level.id, nature, $zone.id, annualPlan, version, now, now, enteredOn]
    }
}

extension StageChangeModel: BulkInsertable {
    static let columns = ["id", "project_id", "from_stage", "to_stage", "effective_on", "actor", "note", "evidence", "created_at"]
    var row: [any Encodable & Sendable] {
        [id, $project.id, fromStage, toStage, effectiveOn, actor, note, evidence, Date()]
    }
}

extension AuditEntryModel: BulkInsertable {
    static let columns = ["id", "district_id", "at", "actor", "role", "address", "action", "entity", "entity_id",
                          "summary", "before", "after"]
    var row: [any Encodable & Sendable] {
        [id, districtID, at, actor, role, address, action, entity, entityID, summary, before, after]
    }
}

extension ReferenceEntryModel: BulkInsertable {
    static let columns = ["id", "district_id", "kind", "year", "name", "variant", "sort", "version", "created_at", "updated_at"]
    var row: [any Encodable & Sendable] {
        let now = Date()
        return [id, $district.id, kind, year, name, variant, sort, version, now, now]
    }
}

extension MilestoneModel: BulkInsertable {
    static let columns = ["id", "district_id", "project_id", "year", "seq", "name", "planned", "actual", "unit_id", "version"]
    var row: [any Encodable & Sendable] { [id, districtID, $project.id, year, seq, name, planned, actual, unitID, version] }
}

/// Many rows in few statements, for loaders and benchmarks outside this module.
extension MonthlyReportModel {
    public static func insertAll(_ rows: [MonthlyReportModel], on db: any Database) async throws { try await BulkInsert.insert(rows, on: db) }
}

extension MilestoneModel {
    public static func insertAll(_ rows: [MilestoneModel], on db: any Database) async throws { try await BulkInsert.insert(rows, on: db) }
}

extension StageChangeModel {
    public static func insertAll(_ rows: [StageChangeModel], on db: any Database) async throws { try await BulkInsert.insert(rows, on: db) }
}
