import BallastApp
import BallastCore
import BallastOffice
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite struct LedgerImportTests {
    static let header = "项目编号,项目名称,项目类别,项目级别,责任单位,项目阶段,总投资（亿元）,年度计划投资（亿元）,统一社会信用代码\n"

    func upload(_ app: Application, _ body: Data, name: String, query: String = "year=2023") async throws -> (HTTPStatus, [String: Any]) {
        var result: (HTTPStatus, [String: Any]) = (.ok, [:])
        try await app.as(.office).test(.POST, "api/v1/ledger/import?\(query)&filename=\(name)", beforeRequest: { req in
            req.headers.contentType = .binary
            req.body = ByteBuffer(data: body)
        }) { res in
            let json = try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any] ?? [:]
            result = (res.status, json)
        }
        return result
    }

    @Test func aFaultyRowRejectsTheWholeFile() async throws {
        try await TestDatabase.withApp { app in
            let csv = Self.header + "A1,甲,新型城镇化,省重点,区住建局,在建,1.5,0.2,\nA2,乙,新型城镇化,省重点,区住建局,在建,1,2,91350100M000100Y43\n"
            let (status, body) = try await upload(app, Data(csv.utf8), name: "l.csv")
            #expect(status == .unprocessableEntity)
            #expect(body["applied"] as? Bool == false)
            let issues = try #require(body["issues"] as? [[String: Any]])
            #expect(issues.count == 1)
            #expect(issues[0]["row"] as? Int == 3)
            #expect(issues[0]["column"] as? String == "年度计划投资")
            #expect(try await ProjectModel.query(on: app.db).count() == 0)
            #expect(try await ReferenceEntryModel.query(on: app.db).count() == 0)
        }
    }

    @Test func aCleanFileIsAppliedAndReimportUpdates() async throws {
        try await TestDatabase.withApp { app in
            let csv = Self.header + "A1,甲,新型城镇化,省重点,区住建局,在建,1.5,0.2,\nA2,乙,生态环保,区重点,区生态环境分局,谋划,0.3,,\n"
            var (status, body) = try await upload(app, Data(csv.utf8), name: "l.csv")
            #expect(status == .ok)
            #expect(body["created"] as? Int == 2)
            let refs = try #require(body["newReferences"] as? [String: [String]])
            #expect(refs["unit"] == ["区住建局", "区生态环境分局"])
            let changed = csv.replacingOccurrences(of: "A1,甲,", with: "A1,甲（改）,")
            (status, body) = try await upload(app, Data(changed.utf8), name: "l.csv")
            #expect(body["updated"] as? Int == 1)
            #expect(body["unchanged"] as? Int == 1)
            #expect(try await ProjectModel.query(on: app.db).count() == 2)
            let a1 = try #require(try await ProjectModel.query(on: app.db).filter(\.$code == "A1").first())
            #expect(a1.totalInvestment == Money.yi(1).yuan * 3 / 2)
        }
    }

    @Test func badFilesGetClearMessagesAndStoreNothing() async throws {
        try await TestDatabase.withApp { app in
            let cases: [(Data, String, String)] = [
                (Data(), "empty.csv", "没有上传文件"),
                (Data("项目编号,项目名称\n".utf8), "h.csv", "缺少必需的列"),
                (Data(Self.header.utf8), "h.csv", "只有表头"),
                (Data([0x50, 0x4B, 0x03, 0x04]) + Data(repeating: 1, count: 64), "fake.xlsx", "Excel"),
                (Data("not a workbook".utf8), "fake.xlsx", "Excel"),
            ]
            for (data, name, phrase) in cases {
                let (status, body) = try await upload(app, data, name: name)
                #expect(status == .unprocessableEntity || status == .badRequest, "\(name)")
                let text = "\(body)"
                #expect(text.contains(phrase), "\(name): \(text)")
            }
            #expect(try await ProjectModel.query(on: app.db).count() == 0)
        }
    }

    @Test func anOversizedUploadIsRefusedWith413() async throws {
        try await TestDatabase.withApp { app in
            // Over the 20 MB limit by a quarter: refused on its declared length, before it is read
            // (a running server took 17–30 s to read such a body under CI load).
            let big = Data(repeating: 0x41, count: 25 * 1_048_576)
            let office = try await app.as(.office)
            try await office.test(.POST, "api/v1/ledger/import?year=2023&filename=big.csv", beforeRequest: { req in
                req.headers.contentType = .binary
                req.body = ByteBuffer(data: big)
            }) { res in
                #expect(res.status == .payloadTooLarge)
            }
            #expect(try await ProjectModel.query(on: app.db).count() == 0)
        }
    }

    @Test func exportThenImportRoundTripsTheDemo() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            for format in ["xlsx", "csv"] {
                var file = Data()
                try await app.as(.office).test(.GET, "api/v1/ledger/export?year=2023&format=\(format)") { res in
                    #expect(res.status == .ok)
                    #expect(res.headers.first(name: .contentDisposition)?.contains(".\(format)") == true)
                    file = Data(res.body.readableBytesView)
                }
                let (status, body) = try await upload(app, file, name: "roundtrip.\(format)")
                #expect(status == .ok, "\(format)")
                #expect(body["rows"] as? Int == 468, "\(format)")
                #expect(body["unchanged"] as? Int == 468, "\(format): \(body["updatedCodes"] ?? "")")
            }
            let audit = try await AuditEntryModel.query(on: app.db).filter(\.$action == "export").count()
            #expect(audit == 2)
        }
    }
}
