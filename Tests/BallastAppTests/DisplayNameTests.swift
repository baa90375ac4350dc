@testable import BallastApp
import BallastCore
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// People appear by display name and unit (issue 23), not by the username a record keeps.
@Suite struct DisplayNameTests {
    @Test func theProblemPageAndTheAuditNameThePersonAndTheUnit() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let project = try await ProblemsAPITests.commerceProject(app)
            let clerk = try await app.signedIn(as: [.unit], unit: "区商务局", username: "zhang.s")
            try await UserModel.query(on: app.db).filter(\.$username == "zhang.s").set(\.$displayName, to: "张三").update()
            var location = ""
            try await clerk.test(.POST, "/problems", beforeRequest: { req in
                try req.content.encode(["projectCode": project.code, "category": "水电气暖", "title": "供水未通", "description": "待水务"],
                                       as: .urlEncodedForm)
            }) { res in location = res.headers.first(name: .location) ?? "" }
            let office = try await app.as(.office)
            try await office.test(.GET, location) { res in
                #expect(res.body.string.contains("张三（区商务局）"))
            }
            try await office.test(.GET, "/audit?actor=zhang.s") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("张三（区商务局）"))
            }
        }
    }

    @Test func aNoticeSaysWhoAcknowledgedItByName() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let clerk = try await app.signedIn(as: [.unit], unit: "区商务局", username: "li.s")
            try await UserModel.query(on: app.db).filter(\.$username == "li.s").set(\.$displayName, to: "李四").update()
            let supervision = try await app.as(.supervision)
            let (issued, notice) = try await supervision.send(.POST, "/api/v1/notices", ["unit": "区商务局", "item": "6月月报逾期未报送", "newDeadline": "2023-07-05"])
            #expect(issued == .created)
            let id = try #require(notice["id"] as? String)
            #expect(try await clerk.send(.POST, "/api/v1/notices/\(id)/acknowledge", ["version": 1]).0 == .ok)
            try await supervision.test(.GET, "/notices/\(id)") { res in
                #expect(res.body.string.contains("李四（区商务局）"))
                #expect(!res.body.string.contains("由 li.s"))
            }
        }
    }

    /// Ballast's own names say what they are in the page's language (issue 24); a name that is
    /// neither an account nor one of those stays as recorded.
    @Test func namesThatAreNotAccountsSayWhatTheyAre() {
        let people = People(["office": "张科长（区发展改革委）"])
        #expect(people.name("office") == "张科长（区发展改革委）")
        #expect(people.name("system") == "系统（定时任务）")
        #expect(people.name("system", .en) == "Ballast (scheduled work)")
        #expect(people.name("demo") == "演示数据")
        #expect(people.name("cli:root") == "命令行：root")
        #expect(people.name("token:gis", .en) == "API token: gis")
        #expect(people.name("区城投集团") == "区城投集团")
        #expect(people.name(nil) == "")
        // A stored sentence names the person, not the account; other words stay.
        #expect(people.replacingUsernames(in: "登录 office") == "登录 张科长（区发展改革委）")
        #expect(people.replacingUsernames(in: "officer EQ2023-0001 office") == "officer EQ2023-0001 张科长（区发展改革委）")
    }
}

/// The audit trail in words (issue 24): actions, records, fields and coded values in the page's
/// language, changed fields first.
@Suite struct AuditVocabularyTests {
    @Test func everyActionAndRecordKindTheCodeWritesHasWords() throws {
        // The codes the store and the app pass to `Audit.record`, read from the sources.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var actions = Set<String>(), entities = Set<String>()
        let sources = root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" } ?? []
        #expect(files.count > 100)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for (pattern, into) in [(#"action: "([a-z-]+)""#, 0), (#"entity: "([a-z_-]+)""#, 1)] {
                let regex = try NSRegularExpression(pattern: pattern)
                for m in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    guard let r = Range(m.range(at: 1), in: text) else { continue }
                    if into == 0 { actions.insert(String(text[r])) } else { entities.insert(String(text[r])) }
                }
            }
        }
        #expect(actions.count > 15 && entities.count > 20)
        #expect(actions.subtracting(AuditVocabulary.actions.keys).isEmpty, "\(actions.subtracting(AuditVocabulary.actions.keys))")
        #expect(entities.subtracting(AuditVocabulary.entities.keys).isEmpty, "\(entities.subtracting(AuditVocabulary.entities.keys))")
        for action in ProblemAction.allCases {
            #expect(AuditVocabulary.actions[action.rawValue] != nil, "\(action)")
        }
    }

    @Test func aSnapshotReadsFieldByFieldInWords() throws {
        let rows = try #require(AuditVocabulary.changes(before: #"{"amount":"1200","status":"submitted","roles":"office"}"#,
                                                        after: #"{"amount":"1500","status":"approved","roles":"office,leader"}"#, .zh))
        #expect(rows.map(\.field) == ["金额", "角色", "状态"])
        #expect(rows[1].after == "项目办、区领导")
        #expect(rows[2].before == "已报送" && rows[2].after == "已审定")
        let en = try #require(AuditVocabulary.changes(before: nil, after: #"{"disabled":true}"#, .en))
        #expect(en.first?.field == "Disabled" && en.first?.after == "Yes")
        // A stored sentence's coded words in words; other words (codes, names) stay.
        #expect(AuditVocabulary.words(in: "EQ2023-0170 2023-7 submitted → approved", .zh) == "EQ2023-0170 2023-7 已报送 → 已审定")
        #expect(AuditVocabulary.words(in: "submitted → approved", .en) == "Submitted → Approved")
        // Not a flat record: shown as stored.
        #expect(AuditVocabulary.changes(before: "[1,2]", after: nil, .zh) == nil)
    }
}
