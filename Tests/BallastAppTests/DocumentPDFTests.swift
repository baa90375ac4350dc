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

/// An issued document's PDF (issue 25): made once by LibreOffice and kept, so it is the same
/// bytes on every later request; a draft's is made afresh and never kept; a machine without
/// LibreOffice says so and what to install.
@Suite struct DocumentPDFTests {
    func raw(_ client: TestClient, _ path: String) async throws -> (HTTPStatus, String, Data, String) {
        var out: (HTTPStatus, String, Data, String) = (.ok, "", Data(), "")
        try await client.test(.GET, path) { res in
            out = (res.status, res.headers.first(name: .contentType) ?? "", Data(res.body.readableBytesView), res.body.string)
        }
        return out
    }

    @Test func anIssuedDocumentsPDFIsMadeOnceAndKept() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let (_, drafted) = try await office.send(.POST, "/api/v1/documents", ["kind": "unit-ranking", "period": "2023-05"])
            let id = try #require((drafted["document"] as? [String: Any])?["id"] as? String)
            // Asking for a format the API does not make names the parameter.
            let bad = try await raw(office, "/api/v1/documents/\(id)?format=odt")
            #expect(bad.0 == .badRequest && bad.3.contains("format"))
            let draft = try await raw(office, "/documents/\(id)/pdf")
            guard PDFConverter.program != nil else {
                // Without LibreOffice: refused with what to install, and the Word file still offered.
                #expect(draft.0 == .serviceUnavailable && draft.3.contains("libreoffice-writer-nogui") && draft.3.contains(".docx"))
                return
            }
            #expect(draft.0 == .ok && draft.1 == "application/pdf" && draft.2.starts(with: Data("%PDF".utf8)))
            #expect(try await DocumentFileModel.query(on: app.db).count() == 0, "a draft's PDF is not kept")
            let (_, issued) = try await office.send(.POST, "/api/v1/documents/\(id)/issue", ["version": 1])
            #expect((issued["document"] as? [String: Any])?["status"] as? String == "issued")
            let first = try await raw(office, "/documents/\(id)/pdf")
            let again = try await raw(office, "/api/v1/documents/\(id)?format=pdf")
            #expect(first.0 == .ok && again.0 == .ok)
            #expect(first.2 == again.2, "the same bytes every time")
            let kept = try await DocumentFileModel.query(on: app.db).all()
            #expect(kept.count == 1 && kept.first?.format == "pdf" && kept.first?.data == first.2)
            // The Word file and the workbook through the same parameter.
            let docx = try await raw(office, "/api/v1/documents/\(id)?format=docx")
            #expect(docx.0 == .ok && docx.2.starts(with: Data("PK".utf8)))
        }
    }
}
