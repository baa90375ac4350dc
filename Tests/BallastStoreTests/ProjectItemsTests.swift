import BallastCore
@testable import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing

@Suite struct MilestoneEditorTests {
    static let june30 = CalendarDate(year: 2023, month: 6, day: 30)!

    static func context(_ d: DistrictModel, unit: UUID? = nil) -> ProjectItemContext {
        ProjectItemContext(districtID: d.id!, actor: ChangeActor(name: "tester"), today: june30, scopeUnitID: unit)
    }

    static func newStart(_ code: String, start: (Int, Int), end: (Int, Int)) -> LedgerRecord {
        var r = Fixtures.record(code, stage: .landed, totalWan: 3_000, planWan: 1_000)
        r.nature = .newStart
        r.plannedStart = CalendarDate(year: 2023, month: start.0, day: start.1)
        r.plannedEnd = CalendarDate(year: 2023, month: end.0, day: end.1)
        return r
    }

    @Test func aNewYearPlanGetsTheTemplateAndReaching开工MovesTheStage() async throws {
        try await StoreDatabase.with { app in
            let d = try await Fixtures.district(on: app.db)
            _ = try await Fixtures.writer(d).apply([Self.newStart("N1", start: (4, 1), end: (12, 31))] + Fixtures.ledger, on: app.db)
            let p = try #require(try await ProjectModel.query(on: app.db).filter(\.$code == "N1").first())
            let nodes = try await MilestoneModel.query(on: app.db).filter(\.$project.$id == p.id!).sort(\.$seq).all()
            #expect(nodes.map(\.name) == ["取得用地", "规划许可", "施工许可", "开工", "主体封顶", "竣工"])
            #expect(nodes.allSatisfy { $0.unitID == p.$unit.id })
            // The fixtures without ledger dates get no nodes.
            #expect(try await MilestoneModel.query(on: app.db).count() == 6)

            // A second import of the same year makes no new plan, so no second set of nodes.
            _ = try await Fixtures.writer(d).apply([Self.newStart("N1", start: (4, 1), end: (12, 31))], on: app.db)
            #expect(try await MilestoneModel.query(on: app.db).count() == 6)

            let start = try #require(nodes.first { $0.name == "开工" })
            let editor = MilestoneEditor(context: Self.context(d))
            let saved = try await editor.update(id: start.id!, version: start.version, .init(
                name: "开工", planned: start.planned, actual: CalendarDate(year: 2023, month: 4, day: 8)!, unit: nil), on: app.db)
            #expect(saved.movedTo == .underConstruction)
            #expect(saved.milestone.version == start.version + 1)
            let moved = try #require(try await ProjectModel.find(p.id, on: app.db))
            #expect(moved.lifecycleStage == .underConstruction)
            #expect(moved.version == p.version + 1)
            let change = try await StageChangeModel.query(on: app.db).filter(\.$project.$id == p.id!).filter(\.$toStage == "在建").first()
            #expect(change?.fromStage == "落地")
            #expect(change?.effectiveOn == "2023-04-08")
            #expect(change?.note == "节点完成：开工")
            let audits = try await AuditEntryModel.query(on: app.db).filter(\.$entity == "milestone").count()
            #expect(audits == 1)

            // The same version again loses: someone else saved first.
            await #expect(throws: ProjectItemContext.Failure.versionConflict(current: start.version + 1)) {
                try await editor.update(id: start.id!, version: start.version, .init(
                    name: "开工", planned: start.planned, actual: nil, unit: nil), on: app.db)
            }
        }
    }

    @Test func refusesFutureActualsUnknownUnitsAndOtherUnitsProjects() async throws {
        try await StoreDatabase.with { app in
            let d = try await Fixtures.district(on: app.db)
            _ = try await Fixtures.writer(d).apply(Fixtures.ledger, on: app.db)
            let a1 = try #require(try await ProjectModel.query(on: app.db).filter(\.$code == "A1").first())
            let editor = MilestoneEditor(context: Self.context(d))
            let july = CalendarDate(year: 2023, month: 7, day: 1)!
            await #expect(throws: ProjectItemContext.Failure.self) {
                try await editor.add(projectID: a1.id!, year: 2023, .init(name: "竣工", planned: july, actual: july, unit: nil), on: app.db)
            }
            await #expect(throws: ProjectItemContext.Failure.self) {
                try await editor.add(projectID: a1.id!, year: 2023, .init(name: "竣工", planned: july, actual: nil, unit: "不存在的局"), on: app.db)
            }
            await #expect(throws: ProjectItemContext.Failure.invalid(field: "name", Message(zh: "名称不能为空", en: "The name must not be empty"))) {
                try await editor.add(projectID: a1.id!, year: 2023, .init(name: "  ", planned: july, actual: nil, unit: nil), on: app.db)
            }
            // A1 is 区商务局's; a 区住建局 user does not find it.
            let other = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$name == "区住建局").first())
            await #expect(throws: ProjectItemContext.Failure.projectNotFound) {
                try await MilestoneEditor(context: Self.context(d, unit: other.id)).add(
                    projectID: a1.id!, year: 2023, .init(name: "竣工", planned: july, actual: nil, unit: nil), on: app.db)
            }
            #expect(try await MilestoneModel.query(on: app.db).count() == 0)
            let ok = try await editor.add(projectID: a1.id!, year: 2023, .init(name: "竣工", planned: july, actual: nil, unit: "区住建局"), on: app.db)
            #expect(ok.milestone.seq == 1 && ok.milestone.unitID == other.id && ok.movedTo == nil)
        }
    }

    @Test func approvalRateInSQLMatchesTheRuleInCore() async throws {
        try await StoreDatabase.with { app in
            let d = try await Fixtures.district(on: app.db)
            _ = try await Fixtures.writer(d).apply(Fixtures.ledger, on: app.db)
            let editor = ApprovalEditor(context: Self.context(d))
            let day = { (m: Int, dd: Int) in CalendarDate(year: 2023, month: m, day: dd)! }
            let items: [(String, CalendarDate?, CalendarDate?)] = [
                ("A1", day(3, 1), day(3, 1)), ("A1", day(3, 1), day(3, 2)), ("A2", nil, day(4, 1)),
                ("A2", day(6, 30), nil), ("A3", day(6, 29), nil), ("A3", nil, nil),
            ]
            for (code, target, actual) in items {
                let p = try #require(try await ProjectModel.query(on: app.db).filter(\.$code == code).first())
                _ = try await editor.add(projectID: p.id!, year: 2023, .init(name: "施工许可", department: "区住房城乡建设局", target: target, actual: actual), on: app.db)
            }
            let sql = try await ApprovalRateQuery.run(districtID: d.id!, year: 2023, asOf: Self.june30, scopeUnitID: nil, on: app.db)
            #expect(sql == ApprovalRate.count(items.map { ($0.1, $0.2) }, asOf: Self.june30))
            #expect(sql == ApprovalRate(total: 6, approved: 3, onTime: 2, overdue: 1))
            // Scoped to 区住建局 (A3 only).
            let unit = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$name == "区住建局").first())
            let scoped = try await ApprovalRateQuery.run(districtID: d.id!, year: 2023, asOf: Self.june30, scopeUnitID: unit.id, on: app.db)
            #expect(scoped == ApprovalRate(total: 2, approved: 0, onTime: 0, overdue: 1))
            #expect(try await ApprovalRateQuery.run(districtID: d.id!, year: 2024, asOf: Self.june30, scopeUnitID: nil, on: app.db).percent == nil)
        }
    }
}

@Suite struct SupervisionItemTests {
    @Test func litProjectsOpenItemsAndTurningBlueClosesThem() async throws {
        try await StoreDatabase.with { app in
            let d = try await Fixtures.district(on: app.db)
            _ = try await Fixtures.writer(d).apply(Fixtures.ledger, on: app.db)
            // At the end of June every portfolio project with a plan has done nothing: 50 points behind, red.
            let june = CalendarDate(year: 2023, month: 6, day: 30)!
            try await WarningEngine.recompute(districtID: d.id!, year: 2023, asOf: june, on: app.db)
            let open = try await SupervisionQuery.run(districtID: d.id!, year: 2023, open: true, scopeUnitID: nil, on: app.db)
            #expect(open.map(\.code).sorted() == ["A1", "A2", "A3", "P2"])
            #expect(open.allSatisfy { $0.openedOn == "2023-06-30" && $0.openedColour == .red && $0.colour == .red })
            #expect(open.allSatisfy { $0.reasons.first?.zh.contains("低于时序进度") == true })
            // Recomputing again opens nothing twice.
            try await WarningEngine.recompute(districtID: d.id!, year: 2023, asOf: june, on: app.db)
            #expect(try await SupervisionItemModel.query(on: app.db).count() == 4)

            // A1 reports its whole plan: green on the next recompute, and its item is closed.
            let a1 = try #require(try await ProjectModel.query(on: app.db).filter(\.$code == "A1").first())
            let r = MonthlyReportModel()
            r.id = UUID(); r.districtID = d.id!; r.$project.id = a1.id!; r.year = 2023; r.month = 6; r.amount = Money.wan(100).yuan
            r.status = MonthlyReportModel.Status.approved.rawValue; r.late = false; r.version = 1
            try await r.create(on: app.db)
            try await WarningEngine.recompute(districtID: d.id!, year: 2023, asOf: CalendarDate(year: 2023, month: 7, day: 3)!, on: app.db)
            let all = try await SupervisionQuery.run(districtID: d.id!, year: 2023, open: nil, scopeUnitID: nil, on: app.db)
            #expect(all.count == 4)
            let closed = try #require(all.first { $0.code == "A1" })
            #expect(closed.closedOn == "2023-07-03")
            #expect(closed.closedColour == "green")
            #expect(closed.openedColour == .red)   // the history stays as it was opened
            #expect(all.last?.code == "A1")         // open items first
            let unit = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$name == "区住建局").first())
            let mine = try await SupervisionQuery.run(districtID: d.id!, year: 2023, open: true, scopeUnitID: unit.id, on: app.db)
            #expect(mine.map(\.code) == ["A3"])

            // A database whose colours predate items gets one per lit project from the migration's backfill.
            try await SupervisionItemModel.query(on: app.db).delete()
            try await SupervisionItems.backfill(on: app.db)
            let backfilled = try await SupervisionQuery.run(districtID: d.id!, year: 2023, open: true, scopeUnitID: nil, on: app.db)
            #expect(backfilled.map(\.code).sorted() == ["A2", "A3", "P2"])
            #expect(backfilled.allSatisfy { $0.openedOn == "2023-06-30" })   // since when they have been lit
        }
    }
}
