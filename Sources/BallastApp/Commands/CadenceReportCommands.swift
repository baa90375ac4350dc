import BallastCore
import BallastOffice
import BallastStore
import Foundation
import Vapor

/// `ballast report bulletin --week 2023-W23`, `report ranking --month 2023-05`,
/// `report assessment --quarter 2023-Q2` (or `--year 2023` for the annual evaluation), each with
/// `--format docx|html|json|xlsx --output F [--as-of D] [--district CODE]`. Prints the issued
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
        let layout = try CadenceDrafts.layout(document, district: district.name)
        let data: Data
        switch (format ?? "html").lowercased() {
        case "docx": data = try DocxWriter.write(layout.docx())
        case "xlsx": data = try XLSXWriter.write(layout.sheets())
        case "json": data = Data(document.payload.utf8)
        case "html":
            data = Data(Layout.page(title: document.title, lang: .zh, section: .documents, path: Site.documents.link, layout.html(.zh)).utf8)
        default: throw CommandFailure("--format 只能是 docx、html、json 或 xlsx / --format must be docx, html, json or xlsx")
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

struct ReportBulletinCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "week", help: "周次 YYYY-Www，如 2023-W23 / ISO week") var week: String?
        @Option(name: "as-of", help: "统计截至 YYYY-MM-DD / as-of date") var asOf: String?
        @Option(name: "format", help: "docx、html、json 或 xlsx") var format: String?
        @Option(name: "output", help: "输出文件 / output file") var output: String?
        @Option(name: "district", help: "地区代码 / district code") var district: String?
    }
    var help: String { "重点项目建设周通报 / The weekly bulletin" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        guard let week = s.week else { throw CommandFailure("需要 --week YYYY-Www / --week is required") }
        try await CadenceReport.run(kind: .weeklyBulletin, period: week, asOf: s.asOf, format: s.format, output: s.output, district: s.district, context: context)
    }
}

struct ReportRankingCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "month", help: "月份 YYYY-MM / month") var month: String?
        @Option(name: "as-of", help: "统计截至 YYYY-MM-DD / as-of date") var asOf: String?
        @Option(name: "format", help: "docx、html、json 或 xlsx") var format: String?
        @Option(name: "output", help: "输出文件 / output file") var output: String?
        @Option(name: "district", help: "地区代码 / district code") var district: String?
    }
    var help: String { "责任单位月度排名 / The monthly unit ranking" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        guard let month = s.month else { throw CommandFailure("需要 --month YYYY-MM / --month is required") }
        try await CadenceReport.run(kind: .unitRanking, period: month, asOf: s.asOf, format: s.format, output: s.output, district: s.district, context: context)
    }
}

struct ReportAssessmentCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "quarter", help: "季度 YYYY-Qn / quarter") var quarter: String?
        @Option(name: "year", help: "年度评优 YYYY / the annual evaluation") var year: String?
        @Option(name: "as-of", help: "统计截至 YYYY-MM-DD / as-of date") var asOf: String?
        @Option(name: "format", help: "docx、html、json 或 xlsx") var format: String?
        @Option(name: "output", help: "输出文件 / output file") var output: String?
        @Option(name: "district", help: "地区代码 / district code") var district: String?
    }
    var help: String { "季度考核、年度评优 / Quarterly assessment or annual evaluation" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        switch (s.quarter, s.year) {
        case (let q?, nil):
            try await CadenceReport.run(kind: .quarterlyAssessment, period: q, asOf: s.asOf, format: s.format, output: s.output, district: s.district, context: context)
        case (nil, let y?):
            try await CadenceReport.run(kind: .annualEvaluation, period: y, asOf: s.asOf, format: s.format, output: s.output, district: s.district, context: context)
        default:
            throw CommandFailure("需要 --quarter YYYY-Qn 或 --year YYYY 之一 / one of --quarter or --year is required")
        }
    }
}
