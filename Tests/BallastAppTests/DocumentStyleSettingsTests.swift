@testable import BallastApp
import BallastCore
import BallastOffice
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import ZIPFoundation

/// 公文格式 as the district's settings (issue 25): the office changes the issuing office, the
/// 代字, the 抄送 line; documents made afterwards carry them; a refusal names the field and keeps
/// what was typed; a second editor's stale form is refused; a unit cannot reach it.
@Suite struct DocumentStyleSettingsTests {
    func form(_ client: TestClient, _ fields: [(String, String)]) async throws -> (HTTPStatus, String) {
        var out: (HTTPStatus, String) = (.ok, "")
        let body = ([("_csrf", client.csrfToken)] + fields).map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        try await client.test(.POST, "/documents/style", beforeRequest: { req in
            req.headers.contentType = .urlEncodedForm
            req.body = ByteBuffer(string: body)
        }) { res in out = (res.status, res.body.string) }
        return out
    }

    static func documentXML(_ docx: Data) throws -> String {
        let archive = try Archive(data: docx, accessMode: .read)
        let entry = try #require(archive["word/document.xml"])
        var out = Data()
        _ = try archive.extract(entry) { out.append($0) }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func theOfficeSetsTheStyleAndDocumentsCarryIt() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office), unit = try await app.as(.unit, unit: "区商务局")
            try await office.test(.GET, "/documents/style") { res in
                #expect(res.status == .ok && res.body.string.contains("二七重点办排〔2023〕5号") && res.body.string.contains(#"name="version" value="0""#))
            }
            try await unit.test(.GET, "/documents/style") { res in #expect(res.status == .forbidden) }
            let fields: [(String, String)] = [("version", "0"), ("office", "二七区重大项目建设指挥部办公室"), ("printer", "二七区重大项目建设指挥部办公室"),
                                              ("copyTo", "区委办公室，区政府办公室"), ("code_unit-ranking", "二七重指排"),
                                              ("code_quarterly-assessment", "二七重指考"), ("code_annual-evaluation", "二七重指评")]
            // Two kinds with one code would issue the same 发文字号: refused naming the field, what was typed kept.
            var clash = fields
            clash[5] = ("code_quarterly-assessment", "二七重指排")
            let refused = try await form(office, clash)
            #expect(refused.0 == .unprocessableEntity && refused.1.contains("机关代字") && refused.1.contains("二七区重大项目建设指挥部办公室"), "\(refused.0)")
            #expect(try await DocumentStyleModel.query(on: app.db).count() == 0)
            let saved = try await form(office, fields)
            #expect(saved.0 == .ok && saved.1.contains("已保存公文格式"), "\(saved.0)")
            // A 催办单 raised before the change signs as it went out, on its page as in its .docx (`NoticeKeptTests`).
            let notices = try await office.sendArray(.GET, "/api/v1/notices").1
            let notice = try #require(notices.first?["id"] as? String)
            try await office.test(.GET, "/notices/\(notice)") { res in
                #expect(!res.body.string.contains("二七区重大项目建设指挥部办公室") && res.body.string.contains("二七区重点项目建设领导小组办公室"))
            }
            // A form opened before that change is stale.
            let stale = try await form(office, fields)
            #expect(stale.0 == .conflict, "\(stale.0)")
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$entity == "document_style").count() == 1)
            // The next ranking issued is headed and numbered by the new style.
            let (_, drafted) = try await office.send(.POST, "/api/v1/documents", ["kind": "unit-ranking", "period": "2023-05"])
            let id = try #require((drafted["document"] as? [String: Any])?["id"] as? String)
            _ = try await office.send(.POST, "/api/v1/documents/\(id)/issue", ["version": 1])
            var docx = Data()
            try await office.test(.GET, "/documents/\(id)/docx") { res in docx = Data(res.body.readableBytesView) }
            let xml = try Self.documentXML(docx)
            #expect(xml.contains("二七区重大项目建设指挥部办公室文件") && xml.contains("二七重指排〔2023〕1号") && xml.contains("抄送：区委办公室，区政府办公室。"))
            // A later change does not rewrite what was issued: the document keeps the style it went out under.
            // A typed closing 。 is not doubled; an empty 抄送 leaves the line out; a line break is refused.
            var later = fields
            later[0] = ("version", "1"); later[4] = ("code_unit-ranking", "二七新代字"); later[3] = ("copyTo", "区委办公室。")
            let changed = try await form(office, later)
            #expect(changed.0 == .ok, "\(changed.0)")
            try await office.test(.GET, "/documents/\(id)/docx") { res in docx = Data(res.body.readableBytesView) }
            let issued = try Self.documentXML(docx)
            #expect(issued.contains("二七重指排〔2023〕1号") && !issued.contains("二七新代字"), "the issued document is as issued")
            let style = try await DocumentStyles.load(districtID: try #require(try await DistrictModel.query(on: app.db).first()?.requireID()), districtName: "二七区", on: app.db)
            #expect(style.style.copyTo == "区委办公室" && style.version == 2)
            var broken = later
            broken[0] = ("version", "2"); broken[1] = ("office", "第一行\n第二行")
            let refusedBreak = try await form(office, broken)
            #expect(refusedBreak.0 == .unprocessableEntity && refusedBreak.1.contains("只能写一行"), "\(refusedBreak.0)")
        }
    }
}
