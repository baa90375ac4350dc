import BallastCore
import Fluent
import Foundation
import SQLKit

/// Writes a project's steps and keeps what is derived from them (`stage_spans`,
/// `pool_entries`) in step, in the caller's transaction. Every writer of `stage_changes` goes
/// through here, so the derived rows are never older than the history they are read from.
public enum StageHistory {
    /// Inserts the steps and relinks their projects.
    public static func record(_ steps: [StageChangeModel], on db: any Database) async throws {
        try await StageChangeModel.insertAll(steps, on: db)
        try await relink(projects: steps.map { $0.$project.id }, on: db)
    }

    /// Rebuilds the spans and pool entries of these projects from their steps.
    public static func relink(projects: [UUID], on db: any Database) async throws {
        let ids = Array(Set(projects))
        let sql = try db.sql()
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            try await sql.delete(from: StageSpanModel.schema).where("project_id", .in, chunk).run()
            try await sql.delete(from: PoolEntryModel.schema).where("project_id", .in, chunk).run()
            try await write(steps(of: chunk, on: sql), on: sql)
        }
    }

    /// Every project's, in chunks: for the migration that brings the derived rows in.
    static func relinkAll(on db: any Database) async throws {
        let sql = try db.sql()
        let ids = try await sql.raw("SELECT DISTINCT project_id FROM stage_changes").all().map { try $0.decode(column: "project_id", as: UUID.self) }
        try await relink(projects: ids, on: db)
    }

    struct Step {
        var id: UUID, project: UUID, district: UUID, unit: UUID, from: String?, stage: LifecycleStage, on: CalendarDate
    }

    /// The projects' steps in history order: by day, then by when recorded (then by id, so that
    /// two steps recorded in the same instant keep one order on every read).
    static func steps(of projects: [UUID], on sql: any SQLDatabase) async throws -> [Step] {
        try await sql.raw("""
            SELECT sc.id, sc.project_id, p.district_id, p.unit_id, sc.from_stage, sc.to_stage, sc.effective_on
            FROM stage_changes sc JOIN projects p ON p.id = sc.project_id
            WHERE sc.project_id IN (\(binds: projects)) ORDER BY sc.project_id, sc.effective_on, sc.created_at, sc.id
            """).all().compactMap { row in
            // A step naming no known stage or day cannot hold anywhere; it stays in the history.
            guard let stage = LifecycleStage(rawValue: try row.decode(column: "to_stage", as: String.self)),
                  let day = try? row.decode(column: "effective_on", as: CalendarDate.self) else { return nil }
            return Step(id: try row.decode(column: "id", as: UUID.self), project: try row.decode(column: "project_id", as: UUID.self),
                        district: try row.decode(column: "district_id", as: UUID.self), unit: try row.decode(column: "unit_id", as: UUID.self),
                        from: try row.decode(column: "from_stage", as: String?.self), stage: stage, on: day)
        }
    }

    static func write(_ steps: [Step], on sql: any SQLDatabase) async throws {
        let reachedColumns = PoolEntryModel.reachedStages.compactMap { PoolEntryModel.reachedColumn($0) }
        var spans: [[any Encodable & Sendable]] = []
        var entries: [[any Encodable & Sendable]] = []
        var i = steps.startIndex
        while i < steps.endIndex {
            let project = steps[i].project
            var j = i
            while j < steps.endIndex, steps[j].project == project { j += 1 }
            let own = steps[i..<j]
            let path = own.map { StagePath.Step($0.stage, on: $0.on) }
            for (step, span) in zip(own, StagePath.spans(path)) {
                spans.append([step.id, step.district, project, step.from, span.stage.rawValue, span.from.iso, span.until?.iso ?? StageSpanModel.open])
            }
            for e in StagePath.entries(path) {
                let reached: [any Encodable & Sendable] = PoolEntryModel.reachedStages.map { e.reached[$0]?.iso }
                let days: [any Encodable & Sendable] = [e.left.map(e.entered.days(until:))] + PoolEntryModel.reachedStages.map { e.reached[$0].map(e.entered.days(until:)) }
                guard let first = own.first, let last = own.last else { continue }
                entries.append([UUID(), first.district, project, first.unit, e.pool.rawValue, last.stage.rawValue, last.on.iso,
                                e.entered.iso, e.left?.iso] + reached + days)
            }
            i = j
        }
        try await BulkInsert.insert(spans, into: StageSpanModel.schema,
                         columns: ["id", "district_id", "project_id", "from_stage", "stage", "from_on", "until_on"], on: sql)
        try await BulkInsert.insert(entries, into: PoolEntryModel.schema,
                         columns: ["id", "district_id", "project_id", "unit_id", "pool", "latest_stage", "latest_on", "entered_on", "left_on"] + reachedColumns
                         + (["left_on"] + reachedColumns).map(PoolEntryModel.daysColumn),
                         on: sql)
    }
}
