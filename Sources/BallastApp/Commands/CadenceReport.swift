import BallastCore
import BallastOffice
import BallastStore
import Foundation
import Vapor

/// `ballast report bulletin --week 2023-W23`, `report ranking --month 2023-05`,
/// `report assessment --quarter 2023-Q2` (or `--year 2023` for the annual evaluation), each with
/// `--format docx|pdf|html|json|xlsx --output F [--as-of D] [--district CODE]`. Prints the issued
/// document when the period's has been issued, else builds it from today's data without storing
/// anything: a draft is only kept when the office drafts it in the application.
enum CadenceReport {
    static func run(kind: DocumentKind, period: String, asOf: String?, format: String?, output: String?, district code: String?,
                    context: CommandContext) async throws {
        let db = context.application.db
        let district = try await DistrictContext.require(code: code, on: db)
        let day: CalendarDate? = try asOf.map { raw in
            guard let d = CalendarDate.parse(raw) else { throw CommandFailure("--as-of 日期无效 / invalid --as-of “\(raw)”") }
            return d
        }
        let desk = DocumentDesk(context: ProjectItemContext(districtID: try district.requireID(), actor: ChangeActor(name: "cli:\(NSUserName())", role: "cli"),
                                                            today: DistrictContext.today(in: district), scopeUnitID: nil),
                                alongside: context.application.database(beside: db.eventLoop))
        let document: DocumentModel
        do {
            document = try await desk.preview(try CadenceDrafts.plan(desk, kind: kind, period: period, asOf: day), on: db)
        } catch let e as BallastError {
            throw CommandFailure("\(e.field.map { "--\($0): " } ?? "")\(e.message.zh) / \(e.message.en)")
        } catch let ProjectItemContext.Failure.invalid(field, message) {
            throw CommandFailure("\(field): \(message.zh) / \(message.en)")
        }
        let layout = try CadenceDrafts.layout(document, style: try await DocumentStyles.style(for: document, districtName: district.name, on: db))
        let data: Data
        switch (format ?? "html").lowercased() {
        case "docx": data = try DocxWriter.write(layout.docx())
        case "pdf":
            do { data = try DocumentPDF.make(layout.docx()) } catch let e as BallastError { throw CommandFailure("\(e.message.zh) / \(e.message.en)") }
        case "xlsx": data = try XLSXWriter.write(layout.sheets())
        case "json": data = Data(document.payload.utf8)
        case "html":
            data = Data(Layout.page(title: document.title, lang: .zh, section: .documents, path: Site.documents.link, layout.html(.zh)).utf8)
        default: throw CommandFailure("--format 只能是 docx、pdf、html、json 或 xlsx / --format must be docx, pdf, html, json or xlsx")
        }
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: data) else { throw CommandFailure("无法写入 \(output) / cannot write \(output)") }
            context.console.print("\(document.title)\(document.number.map { " \($0)" } ?? "（草稿）") → \(output)（\(data.count) 字节）")
        } else if ["json", "html"].contains((format ?? "html").lowercased()) {
            context.console.print(String(decoding: data, as: UTF8.self))
        } else {
            throw CommandFailure("需要 --output FILE / --output FILE is required for \(format ?? "")")
        }
    }
}
