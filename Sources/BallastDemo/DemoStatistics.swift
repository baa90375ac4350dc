import BallastCore
import BallastStore
import Fluent
import Foundation
import SQLKit

/// The demo's 入库纳统 (issue 27), every figure the demo's own: each project under construction
/// started on its 开工 node's day (else its planned start), declared ten days and included twenty-five days after it (so
/// none was ever a month out of the database), except at the mid-year day: the projects that
/// started in May and are red anyway, declared on 6-15 and not yet included (a month out: the
/// rule's 黄 joins their reasons without changing a colour), and those started in June,
/// declared and waiting. The statistics office counted 88–100% of each included project's
/// approved monthly figures (the share fixed by the project's code).
///
/// Loaded after the month-end recolouring, and the snapshot's day recoloured again: the
/// history before it has no statistics finding to show, as the rule gives none before then.
enum DemoStatistics {
    static func load(districtID: UUID, snapshot: DemoSnapshot, on db: any Database) async throws {
        let sql = try db.sql()
        let day = snapshot.day
        let red = Set(try await sql.raw("""
            SELECT project_id FROM warning_states WHERE district_id = \(bind: districtID) AND year = \(bind: DemoFigures.year) AND colour = 'red'
            """).all().map { try $0.decode(column: "project_id", as: UUID.self) })
        let projects = try await ProjectModel.query(on: db).filter(\.$district.$id == districtID).sort(\.$code).all()
        // The day a project started: its 开工 node's actual day where it has one, else its planned start.
        var started: [UUID: CalendarDate] = [:]
        for m in try await MilestoneModel.query(on: db).filter(\.$districtID == districtID).filter(\.$name == "开工").all() {
            if let actual = m.actual { started[m.$project.id] = actual }
        }
        var records: [ProjectStatisticsModel] = []
        var included: [UUID: CalendarDate] = [:]
        var n = 0
        for p in projects {
            guard let id0 = p.id, let start = started[id0] ?? p.plannedStart, start <= day, let order = p.lifecycleStage.order,
                  order >= (LifecycleStage.underConstruction.order ?? 0), let id = p.id else { continue }
            let m = ProjectStatisticsModel()
            m.id = UUID(); m.districtID = districtID; m.projectID = id; m.version = 1; m.startedOn = start
            let mayRed = snapshot == .midYear && start.year == 2023 && start.month == 5 && start.day < 30 && red.contains(id)
            let june = snapshot == .midYear && start.year == 2023 && start.month == 6
            if mayRed {
                m.declaredOn = CalendarDate(year: 2023, month: 6, day: 15)
            } else if june {
                m.declaredOn = min(start.adding(days: 10), day)
            } else {
                n += 1
                m.declaredOn = start.adding(days: 10)
                m.includedOn = start.adding(days: 25)
                m.number = "4101031\(String(format: "%05d", n))"
                if let d = m.includedOn, d <= day { included[id] = d } else { m.includedOn = nil; m.number = nil }
                if let d = m.declaredOn, d > day { m.declaredOn = nil }
            }
            records.append(m)
        }
        try await records.create(on: db)
        // Counted: every approved month of an included project (the statistics office counts a
        // project's year from its first month once it is in the database).
        var counts: [StatisticsCountModel] = []
        let codes = Dictionary(projects.compactMap { p in p.id.map { ($0, p.code) } }, uniquingKeysWith: { a, _ in a })
        for r in try await MonthlyReportModel.query(on: db).filter(\.$districtID == districtID).filter(\.$year == DemoFigures.year)
            .filter(\.$status == ReportStatus.approved.rawValue).all() {
            let pid = r.$project.id
            guard included[pid] != nil else { continue }
            let share = Int64(88 + (codes[pid].map { Int($0.unicodeScalars.reduce(0) { $0 &+ $1.value }) % 13 } ?? 0))
            let c = StatisticsCountModel()
            c.id = UUID(); c.districtID = districtID; c.projectID = pid; c.year = r.year; c.month = r.month
            c.counted = r.amount / 10_000 * share * 100   // to the 万元's hundredth, as the statistics tables print
            counts.append(c)
        }
        try await counts.create(on: db)
        try await WarningEngine.recompute(districtID: districtID, year: DemoFigures.year, asOf: day, on: db)
    }
}
