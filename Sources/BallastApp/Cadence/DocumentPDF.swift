import BallastCore
import BallastOffice
import Foundation
import Vapor

/// An issued document's PDF: its .docx as LibreOffice prints it (`PDFConverter`), refused with
/// a message that says what to install where LibreOffice is missing.
enum DocumentPDF {
    static let contentType = "application/pdf"

    static let notInstalled = Message(zh: "本机未安装 LibreOffice，无法生成 PDF：请安装 libreoffice-writer-nogui，或下载 Word 版（.docx）",
                                      en: "LibreOffice is not installed here, so no PDF can be made: install libreoffice-writer-nogui, or download the Word file (.docx)")

    /// Blocking; the request path runs it on the thread pool (`make(_:on:)`).
    static func make(_ blocks: [DocxBlock]) throws -> Data {
        do {
            return try PDFConverter.pdf(fromDocx: DocxWriter.write(blocks, for: .libreOffice))
        } catch PDFConverter.Failure.notInstalled {
            throw BallastError(status: .serviceUnavailable, code: "pdf_unavailable", message: notInstalled, field: "format")
        } catch PDFConverter.Failure.failed(let said) {
            throw BallastError(status: .internalServerError, code: "pdf_failed",
                               message: Message(zh: "PDF 生成失败：\(said)", en: "The PDF could not be made: \(said)"))
        }
    }

    /// The conversion off the event loop.
    static func make(_ blocks: [DocxBlock], on req: Request) async throws -> Data {
        try await req.application.threadPool.runIfActive { try make(blocks) }
    }
}

/// The file an API caller asks a document for (`?format=`); nil is the document as data.
enum DocumentFormat: String {
    case pdf, docx, xlsx

    static func asked(_ req: Request) throws -> DocumentFormat? {
        guard let raw = req.query[String.self, at: "format"], !raw.isEmpty, raw != "json" else { return nil }
        guard let f = DocumentFormat(rawValue: raw.lowercased()) else {
            throw BallastError.badParameter("format", zh: "format 只能是 json、pdf、docx 或 xlsx，实为“\(raw.prefix(20))”",
                                            en: "format must be json, pdf, docx or xlsx, not “\(raw.prefix(20))”")
        }
        return f
    }
}
