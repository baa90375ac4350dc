import BallastCore
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing

@Suite struct LedgerWriterTests {
    @Test func createsProjectsPlansNamesAndAudit() async throws {
        try await StoreDatabase.with { app in
            let d = try await Fixtures.district(on: app.db)
            let report = try await Fixtures.writer(d).apply(Fixtures.ledger, on: app.db)
            #expect(report.applied)
            #expect(report.created == ["A1", "A2", "A3", "P1", "P2"])
            #expect(report.newReferences[.unit] == ["区商务局", "区住建局"])
            #expect(report.newReferences[.zone] == ["甲区", "乙区"])
            #expect(report.newReferences[.level] == nil)  // the year's default levels
            #expect(try await ProjectModel.query(on: app.db).count() == 5)
            #expect(try await YearPlanModel.query(on: app.db).count() == 5)
            #expect(try await YearPlanModel.query(on: app.db).filter(\.$annualPlan == nil).count() == 1)
            #expect(try await StageChangeModel.query(on: app.db).count() == 5)
            let audits = try await AuditEntryModel.query(on: app.db).filter(\.$entity == "project").all()
            #expect(audits.count == 5)
            #expect(audits.allSatisfy { $0.actor == "tester" && $0.before == nil && $0.after?.contains("\"code\"") == true })
        }
    }

    /// A stage change says where it came from: the ledger file, or a project written on its own
    /// page (a project made by hand was shown as 台账导入, issue 24).
    @Test func aStageChangeNamesItsSource() async throws {
        try await StoreDatabase.with { app in
            let d = try await Fixtures.district(on: app.db)
            _ = try await Fixtures.writer(d).apply(Fixtures.ledger, on: app.db)
            #expect(try await StageChangeModel.query(on: app.db).all().map(\.note) == Array(repeating: "台账导入", count: 5))
            let record = LedgerRecord(row: 2, code: "F1", name: "表单项目", category: "产业转型发展", level: "区重点", unit: "区商务局",
                                      stage: .underConstruction, totalInvestment: .yi(1), annualPlan: .wan(100))
            let id = try await ProjectEditor(writer: Fixtures.writer(d)).create(record, on: app.db)
            let change = try #require(try await StageChangeModel.query(on: app.db).filter(\.$project.$id == id).first())
            #expect(change.note == "逐项录入")
        }
    }

    @Test func reimportUpdatesByCodeAndNeverDuplicates() async throws {
        try await StoreDatabase.with { app in
            let d = try await Fixtures.district(on: app.db)
            _ = try await Fixtures.writer(d).apply(Fixtures.ledger, on: app.db)
            var changed = Fixtures.ledger
            changed[0].totalInvestment = .wan(1_500)
            changed[3].stage = .attracting
            let report = try await Fixtures.writer(d).apply(changed, on: app.db)
            #expect(report.created.isEmpty)
            #expect(report.updated == ["A1", "P1"])
            #expect(report.unchanged == 3)
            #expect(try await ProjectModel.query(on: app.db).count() == 5)
            let a1 = try #require(try await ProjectModel.query(on: app.db).filter(\.$code == "A1").first())
            #expect(a1.totalInvestment == Money.wan(1_500).yuan)
            #expect(a1.version == 2)
            let steps = try await StageChangeModel.query(on: app.db).filter(\.$toStage == "招引").all()
            #expect(steps.count == 1 && steps[0].fromStage == "谋划" && steps[0].effectiveOn == "2023-06-01")
            let update = try #require(try await AuditEntryModel.query(on: app.db).filter(\.$action == "update")
                .filter(\.$entityID == a1.id).first())
            #expect(update.before?.contains("10000000") == true)  // 1000万 in yuan, before
            #expect(update.after?.contains("15000000") == true)
        }
    }

    @Test func strictRefusesUnknownNamesAndStoresNothing() async throws {
        try await StoreDatabase.with { app in
            let d = try await Fixtures.district(on: app.db)
            let report = try await Fixtures.writer(d, strict: true).apply(Fixtures.ledger, on: app.db)
            #expect(!report.applied)
            #expect(report.issues.contains { $0.column == "责任单位" && $0.message.zh.contains("区商务局") })
            #expect(try await ProjectModel.query(on: app.db).count() == 0)
        }
    }

    @Test func exportReadsBackTheSameRecords() async throws {
        try await StoreDatabase.with { app in
            let d = try await Fixtures.district(on: app.db)
            _ = try await Fixtures.writer(d).apply(Fixtures.ledger, on: app.db)
            let exported = try await LedgerExportQuery.records(districtID: d.id!, year: 2023, on: app.db)
            #expect(exported.map(\.code) == ["A1", "A2", "A3", "P1", "P2"])
            for (a, b) in zip(exported, Fixtures.ledger) {
                var a = a
                a.row = b.row
                #expect(a == b)
            }
        }
    }

    @Test func staleVersionIsRefused() async throws {
        try await StoreDatabase.with { app in
            let d = try await Fixtures.district(on: app.db)
            _ = try await Fixtures.writer(d).apply(Fixtures.ledger, on: app.db)
            let a1 = try #require(try await ProjectModel.query(on: app.db).filter(\.$code == "A1").first())
            let editor = ProjectEditor(writer: Fixtures.writer(d))
            var edit = Fixtures.ledger[0]
            edit.name = "第一次修改"
            try await editor.update(id: a1.id!, version: 1, with: edit, on: app.db)
            edit.name = "基于旧版本的修改"
            await #expect(throws: ProjectEditor.Failure.versionConflict(current: 2)) {
                try await editor.update(id: a1.id!, version: 1, with: edit, on: app.db)
            }
            let stored = try #require(try await ProjectModel.find(a1.id, on: app.db))
            #expect(stored.name == "第一次修改")
            #expect(stored.version == 2)
        }
    }

    @Test func codesAreUniquePerDistrictOnly() async throws {
        try await StoreDatabase.with { app in
            let d1 = try await Fixtures.district(on: app.db, code: "d1")
            let d2 = try await Fixtures.district(on: app.db, code: "d2")
            _ = try await Fixtures.writer(d1).apply(Fixtures.ledger, on: app.db)
            _ = try await Fixtures.writer(d2).apply(Array(Fixtures.ledger.prefix(2)), on: app.db)
            let editor = ProjectEditor(writer: Fixtures.writer(d1))
            await #expect(throws: ProjectEditor.Failure.codeTaken("A1")) {
                _ = try await editor.create(Fixtures.ledger[0], on: app.db)
            }
            #expect(try await ProjectModel.query(on: app.db).filter(\.$code == "A1").count() == 2)
        }
    }
}
