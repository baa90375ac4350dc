import BallastCore
@testable import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing

/// Approving or correcting figures recolours the year in the same transaction: a recolour that
/// fails takes the change down with it, and one that succeeds leaves the colours as of the day.
@Suite struct RecolourTests {
    static let june30 = CalendarDate(year: 2023, month: 6, day: 30)!
    static let actor = ChangeActor(name: "tester")

    struct Loaded { var district: DistrictModel; var a1: ProjectModel }

    static func load(_ db: any Database) async throws -> Loaded {
        let d = try await Fixtures.district(on: db)
        _ = try await Fixtures.writer(d).apply(Fixtures.ledger, on: db)
        let a1 = try #require(try await ProjectModel.query(on: db).filter(\.$code == "A1").first())
        return Loaded(district: d, a1: a1)
    }

    static func workflow(_ d: DistrictModel) -> MonthlyReportWorkflow {
        MonthlyReportWorkflow(districtID: d.id!, actor: actor, today: june30, scopeUnitID: nil)
    }

    static func context(_ d: DistrictModel) -> ProjectItemContext {
        ProjectItemContext(districtID: d.id!, actor: actor, today: june30, scopeUnitID: nil)
    }

    /// A submitted May report for A1.
    static func submitted(_ l: Loaded, on db: any Database) async throws -> MonthlyReportModel {
        let w = workflow(l.district)
        let draft = try await w.saveDraft(projectID: l.a1.id!, year: 2023, month: 5, amount: .wan(40), progress: "主体施工", version: nil, on: db)
        return try await w.submit(draft.id!, version: draft.version, on: db)
    }

    /// The failure a broken recolour meets: its table is gone, so its first statement fails.
    static func breakRecolour(_ db: any Database) async throws {
        try await db.execute(sql: "DROP TABLE warning_states")
    }

    static func auditCount(_ action: String, on db: any Database) async throws -> Int {
        try await AuditEntryModel.query(on: db).filter(\.$action == action).count()
    }

    @Test func anApprovalWhoseRecolourFailsIsRolledBackWithIt() async throws {
        try await StoreDatabase.with { app in
            let l = try await Self.load(app.db)
            let report = try await Self.submitted(l, on: app.db)
            try await Self.breakRecolour(app.db)
            await #expect(throws: (any Error).self) {
                try await Self.workflow(l.district).approve(report.id!, version: report.version, on: app.db)
            }
            let after = try #require(try await MonthlyReportModel.find(report.id, on: app.db))
            #expect(after.reportStatus == .submitted)
            #expect(after.version == report.version)
            #expect(after.reviewedBy == nil)
            #expect(try await Self.auditCount("approve", on: app.db) == 0)
        }
    }

    @Test func anApprovalRecoloursTheYearAsOfTheDay() async throws {
        try await StoreDatabase.with { app in
            let l = try await Self.load(app.db)
            let report = try await Self.submitted(l, on: app.db)
            #expect(try await WarningStateModel.query(on: app.db).count() == 0)
            try await Self.workflow(l.district).approve(report.id!, version: report.version, on: app.db)
            let states = try await WarningStateModel.query(on: app.db).filter(\.$year == 2023).all()
            // A1, A2, A3 and P2 have a 2023 plan; every one is judged, on the workflow's day.
            #expect(states.count == 4)
            #expect(Set(states.map(\.asOf)) == ["2023-06-30"])
        }
    }

    /// Two approvals of one project's months at once both stand: each recolours the same year
    /// in its own transaction, one after the other (on PostgreSQL the second once waited for
    /// nothing and failed on the colours' unique key, taking its approval with it).
    @Test func twoApprovalsOfOneYearAtOnceBothStand() async throws {
        try await StoreDatabase.with { app in
            let l = try await Self.load(app.db)
            let w = Self.workflow(l.district)
            var submitted: [MonthlyReportModel] = []
            for month in [4, 5] {
                let draft = try await w.saveDraft(projectID: l.a1.id!, year: 2023, month: month, amount: .wan(20), progress: nil, version: nil, on: app.db)
                submitted.append(try await w.submit(draft.id!, version: draft.version, on: app.db))
            }
            for _ in 0..<3 {
                let current = try await MonthlyReportModel.query(on: app.db).filter(\.$id ~~ submitted.map { $0.id! }).all()
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for r in current {
                        group.addTask { _ = try await w.approve(r.id!, version: r.version, on: app.db) }
                    }
                    try await group.waitForAll()
                }
                let approved = try await MonthlyReportModel.query(on: app.db).filter(\.$status == MonthlyReportModel.Status.approved.rawValue).count()
                #expect(approved == 2)
                #expect(try await WarningStateModel.query(on: app.db).filter(\.$projectID == l.a1.id!).count() == 1)
                // Back to submitted for the next round, through the database as a test may.
                for r in submitted {
                    try await MonthlyReportModel.query(on: app.db).filter(\.$id == r.id!).set(\.$status, to: MonthlyReportModel.Status.submitted.rawValue).update()
                }
            }
        }
    }

    @Test func anAdjustmentWhoseRecolourFailsLeavesNoAdjustment() async throws {
        try await StoreDatabase.with { app in
            let l = try await Self.load(app.db)
            let report = try await Self.submitted(l, on: app.db)
            let approved = try await Self.workflow(l.district).approve(report.id!, version: report.version, on: app.db)
            try await Self.breakRecolour(app.db)
            await #expect(throws: (any Error).self) {
                try await Self.workflow(l.district).adjust(approved.id!, to: .wan(55), reason: "核实更正", on: app.db)
            }
            #expect(try await ReportAdjustmentModel.query(on: app.db).count() == 0)
            #expect(try await Self.auditCount("adjust", on: app.db) == 0)
        }
    }

    @Test func anImportWhoseRecolourFailsStoresNoMonth() async throws {
        try await StoreDatabase.with { app in
            let l = try await Self.load(app.db)
            try await Self.breakRecolour(app.db)
            let records = [ProgressRecord(row: 2, code: "A1", year: 2023, month: 4, amount: .wan(30), progress: nil),
                           ProgressRecord(row: 3, code: "A2", year: 2023, month: 4, amount: .wan(20), progress: nil)]
            await #expect(throws: (any Error).self) {
                try await ProgressWriter(districtID: l.district.id!, actor: Self.actor)
                    .importFile(records, fileName: "4月.csv", today: Self.june30, on: app.db)
            }
            #expect(try await MonthlyReportModel.query(on: app.db).count() == 0)
            #expect(try await Self.auditCount("import", on: app.db) == 0)
        }
    }

    @Test func aMilestoneAndARuleWhoseRecolourFailsAreRolledBack() async throws {
        try await StoreDatabase.with { app in
            let l = try await Self.load(app.db)
            try await Self.breakRecolour(app.db)
            await #expect(throws: (any Error).self) {
                try await MilestoneEditor(context: Self.context(l.district)).add(projectID: l.a1.id!, year: 2023, .init(
                    name: "主体封顶", planned: CalendarDate(year: 2023, month: 5, day: 1)!, actual: nil, unit: nil), on: app.db)
            }
            #expect(try await MilestoneModel.query(on: app.db).filter(\.$project.$id == l.a1.id!).count() == 0)
            await #expect(throws: (any Error).self) {
                try await WarningRuleEditor(context: Self.context(l.district)).save(year: 2023, WarningThresholds(
                    version: 0, blueLagPoints: 5, yellowLagPoints: 15, blueLateDays: 10, yellowLateDays: 20), on: app.db)
            }
            #expect(try await WarningRuleModel.query(on: app.db).count() == 0)
        }
    }

    @Test func aNewRuleIsTheNextVersionAndRecoloursUnderIt() async throws {
        try await StoreDatabase.with { app in
            let l = try await Self.load(app.db)
            let editor = WarningRuleEditor(context: Self.context(l.district))
            let saved = try await editor.save(year: 2023, WarningThresholds(
                version: 99, blueLagPoints: 5, yellowLagPoints: 15, blueLateDays: 10, yellowLateDays: 20), on: app.db)
            #expect(saved.version == 2)
            let states = try await WarningStateModel.query(on: app.db).filter(\.$year == 2023).all()
            #expect(states.count == 4)
            #expect(Set(states.map(\.ruleVersion)) == [2])
            await #expect(throws: ProjectItemContext.Failure.self) {
                try await editor.save(year: 2023, WarningThresholds(
                    version: 0, blueLagPoints: 20, yellowLagPoints: 5, blueLateDays: 10, yellowLateDays: 20), on: app.db)
            }
        }
    }
}
