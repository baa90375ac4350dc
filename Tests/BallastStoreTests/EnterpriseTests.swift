import BallastCore
@testable import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing

@Suite struct EnterpriseTests {
    static let code = "91410100MA44ABCD1" + String(CreditCode.checkCharacter(for: "91410100MA44ABCD1")!)

    static func record(_ name: String, code: String? = nil) -> EnterpriseRecord {
        EnterpriseRecord(name: name, creditCode: code)
    }

    @Test func theLedgerLinksInvestorsToOneRecordEach() async throws {
        try await StoreDatabase.with { app in
            let d = try await Fixtures.district(on: app.db)
            var a = Fixtures.record("E1", totalWan: 100, planWan: 10); a.investor = "郑州宇通科技有限公司"; a.creditCode = Self.code
            var b = Fixtures.record("E2", totalWan: 100, planWan: 10); b.investor = "郑州宇通科技 有限公司"; b.creditCode = Self.code
            var c = Fixtures.record("E3", totalWan: 100, planWan: 10); c.investor = "二七建设集团"
            var e = Fixtures.record("E4", totalWan: 100, planWan: 10); e.investor = "二七建设集团"
            _ = try await Fixtures.writer(d).apply([a, b, c, e], on: app.db)
            let projects = try await ProjectModel.query(on: app.db).sort(\.$code).all()
            #expect(projects[0].enterpriseID != nil && projects[0].enterpriseID == projects[1].enterpriseID)
            #expect(projects[2].enterpriseID != nil && projects[2].enterpriseID == projects[3].enterpriseID)
            #expect(try await EnterpriseModel.query(on: app.db).count() == 2)
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$entity == "enterprise").count() == 2)
            // Importing again finds the same records.
            _ = try await Fixtures.writer(d).apply([a, b, c, e], on: app.db)
            #expect(try await EnterpriseModel.query(on: app.db).count() == 2)
        }
    }

    @Test func duplicatesAreRefusedOrConfirmedAndMergedWithTheirProjects() async throws {
        try await StoreDatabase.with { app in
            let d = try await Fixtures.district(on: app.db)
            let editor = EnterpriseEditor(districtID: d.id!, actor: ChangeActor(name: "tester"))
            let first = try await editor.create(Self.record("郑州宇通科技有限公司", code: Self.code), on: app.db)
            await #expect(throws: EnterpriseEditor.Failure.creditCodeTaken(existing: first.id!, name: "郑州宇通科技有限公司")) {
                try await editor.create(Self.record("别的名字", code: Self.code), on: app.db)
            }
            await #expect(throws: EnterpriseEditor.Failure.possibleDuplicate(existing: first.id!, name: "郑州宇通科技有限公司")) {
                try await editor.create(Self.record("郑州宇通科技 有限公司"), on: app.db)
            }
            let second = try await editor.create(Self.record("郑州宇通科技 有限公司"), confirmName: true, on: app.db)
            let groups = try await EnterpriseQuery.duplicatesByName(districtID: d.id!, on: app.db)
            #expect(groups.map { $0.map(\.id) } == [[second.id!, first.id!].sorted { a, b in
                (a == second.id ? "郑州宇通科技 有限公司" : "郑州宇通科技有限公司", a.uuidString) < (b == second.id ? "郑州宇通科技 有限公司" : "郑州宇通科技有限公司", b.uuidString) }])

            // A project pointing at the duplicate moves with the merge; the merged record stays.
            var r = Fixtures.record("M1", totalWan: 100, planWan: 10); r.investor = "郑州宇通科技 有限公司"
            _ = try await Fixtures.writer(d).apply([r], on: app.db)
            let p = try #require(try await ProjectModel.query(on: app.db).filter(\.$code == "M1").first())
            #expect([first.id, second.id].contains(p.enterpriseID))   // by name: one of the two
            p.enterpriseID = second.id
            try await p.update(on: app.db)
            await #expect(throws: EnterpriseEditor.Failure.mergeIntoItself) {
                try await editor.merge(second.id!, into: second.id!, sourceVersion: 1, on: app.db)
            }
            await #expect(throws: EnterpriseEditor.Failure.versionConflict(current: 1)) {
                try await editor.merge(second.id!, into: first.id!, sourceVersion: 7, on: app.db)
            }
            #expect(try await editor.merge(second.id!, into: first.id!, sourceVersion: 1, on: app.db) == 1)
            let moved = try #require(try await ProjectModel.find(p.id, on: app.db))
            #expect(moved.enterpriseID == first.id)
            #expect(moved.investor == "郑州宇通科技有限公司" && moved.creditCode == Self.code)
            #expect(try await EnterpriseModel.find(second.id, on: app.db)?.mergedInto == first.id)
            await #expect(throws: EnterpriseEditor.Failure.alreadyMerged(into: first.id!)) {
                try await editor.merge(second.id!, into: first.id!, sourceVersion: 2, on: app.db)
            }
            #expect(try await EnterpriseQuery.duplicatesByName(districtID: d.id!, on: app.db).isEmpty)
            #expect(try await EnterpriseQuery.list(districtID: d.id!, q: "宇通", on: app.db).total == 1)
            #expect(try await EnterpriseQuery.list(districtID: d.id!, q: Self.code.lowercased(), on: app.db).rows.first?.projects == 1)
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$action == "merge").count() == 1)

            // Renaming the kept record renames it on its projects' ledger lines.
            let kept = try #require(try await EnterpriseModel.find(first.id, on: app.db))
            _ = try await editor.update(id: first.id!, version: kept.version, Self.record("宇通科技（郑州）有限公司", code: Self.code), on: app.db)
            #expect(try await ProjectModel.find(p.id, on: app.db)?.investor == "宇通科技（郑州）有限公司")
        }
    }

    @Test func projectsStoredBeforeEnterprisesAreLinkedAfter() async throws {
        try await StoreDatabase.with { app in
            let d = try await Fixtures.district(on: app.db)
            var r = Fixtures.record("L1", totalWan: 100, planWan: 10); r.investor = "老项目建设单位"
            _ = try await Fixtures.writer(d).apply([r], on: app.db)
            try await ProjectModel.query(on: app.db).set(\.$enterpriseID, to: nil).update()
            try await EnterpriseModel.query(on: app.db).delete()
            try await EnterpriseIndex.linkUnlinked(districtID: d.id!, on: app.db)
            let p = try #require(try await ProjectModel.query(on: app.db).first())
            let e = try #require(try await EnterpriseModel.find(p.enterpriseID, on: app.db))
            #expect(e.name == "老项目建设单位")
        }
    }
}
