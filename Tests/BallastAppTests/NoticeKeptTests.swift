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

/// A 催办单 goes out when it is raised (issue 25): it keeps the document style it was raised
/// under, on its page, its .docx and its PDF, and its PDF is made once and kept; the 督查通报's
/// API gives its files through `format` as the documents' API does.
@Suite struct NoticeKeptTests {
    /// Status, content type, bytes and text of a GET (`DocumentPDFTests`'s).
    func raw(_ client: TestClient, _ path: String) async throws -> (HTTPStatus, String, Data, String) {
        try await DocumentPDFTests().raw(client, path)
    }

    func saveStyle(_ client: TestClient, version: Int, office: String) async throws -> HTTPStatus {
        let fields: [(String, String)] = [("_csrf", client.csrfToken), ("version", "\(version)"), ("office", office), ("printer", office), ("copyTo", ""),
                                          ("code_unit-ranking", "二七重指排"), ("code_quarterly-assessment", "二七重指考"), ("code_annual-evaluation", "二七重指评")]
        let body = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        var status = HTTPStatus.ok
        try await client.test(.POST, "/documents/style", beforeRequest: { req in
            req.headers.contentType = .urlEncodedForm
            req.body = ByteBuffer(string: body)
        }) { res in status = res.status }
        return status
    }

    @Test func aNoticeKeepsTheStyleItWasRaisedUnderAndItsPDF() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let notices = try await office.sendArray(.GET, "/api/v1/notices").1
            let old = try #require(notices.first?["id"] as? String)
            #expect(try await saveStyle(office, version: 0, office: "二七区重大项目建设指挥部办公室") == .ok)
            // Raised before the change: page and .docx as raised.
            let page = try await raw(office, "/notices/\(old)")
            #expect(page.3.contains("二七区重点项目建设领导小组办公室") && !page.3.contains("二七区重大项目建设指挥部办公室"))
            let oldDocx = try DocumentStyleSettingsTests.documentXML(try await raw(office, "/notices/\(old)/docx").2)
            #expect(oldDocx.contains("二七区重点项目建设领导小组办公室") && !oldDocx.contains("二七区重大项目建设指挥部办公室"))
            // Raised after it: the new office signs it.
            let (status, raised) = try await office.send(.POST, "/api/v1/notices", ["unit": "区商务局", "item": "请于本周报送项目进展。"])
            #expect(status == .created)
            let new = try #require(raised["id"] as? String)
            let newDocx = try DocumentStyleSettingsTests.documentXML(try await raw(office, "/notices/\(new)/docx").2)
            #expect(newDocx.contains("二七区重大项目建设指挥部办公室"))
            guard PDFConverter.program != nil else { return }
            let first = try await raw(office, "/notices/\(new)/pdf")
            #expect(first.0 == .ok && first.2.starts(with: Data("%PDF".utf8)))
            #expect(try await saveStyle(office, version: 1, office: "另一个办公室") == .ok)
            let again = try await raw(office, "/notices/\(new)/pdf")
            #expect(again.2 == first.2, "the same bytes after a style change")
            let kept = try await (try app.db.sql()).raw("SELECT COUNT(*) AS n FROM notice_files").first()?.decode(column: "n", as: Int.self)
            #expect(kept == 1)
        }
    }

    @Test func theSupervisionBulletinsAPIGivesItsFiles() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let (status, drafted) = try await office.send(.POST, "/api/v1/bulletins", ["month": "2023-05", "asOf": "2023-06-05"])
            #expect(status == .created)
            let id = try #require((drafted["document"] as? [String: Any])?["id"] as? String)
            let bad = try await raw(office, "/api/v1/bulletins/\(id)?format=odt")
            #expect(bad.0 == .badRequest && bad.3.contains("format"))
            let json = try await raw(office, "/api/v1/bulletins/\(id)?format=json")
            #expect(json.0 == .ok && json.1.contains("json") && json.3.contains("\"content\""))
            let docx = try await raw(office, "/api/v1/bulletins/\(id)?format=docx")
            #expect(docx.0 == .ok && docx.2.starts(with: Data("PK".utf8)))
            let xml = try DocumentStyleSettingsTests.documentXML(docx.2)
            #expect(xml.contains("督查通报"))
            let xlsx = try await raw(office, "/api/v1/bulletins/\(id)?format=xlsx")
            #expect(xlsx.0 == .ok && xlsx.2.starts(with: Data("PK".utf8)))
            guard PDFConverter.program != nil else { return }
            _ = try await office.send(.POST, "/api/v1/bulletins/\(id)/issue", ["version": 1])
            let pdf = try await raw(office, "/api/v1/bulletins/\(id)?format=pdf")
            let page = try await raw(office, "/bulletins/\(id)/pdf")
            #expect(pdf.0 == .ok && pdf.2.starts(with: Data("%PDF".utf8)) && pdf.2 == page.2)
        }
    }
}
