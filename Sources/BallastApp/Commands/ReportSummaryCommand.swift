import BallastCore
import BallastStore
import Foundation
import Vapor

/// `ballast report summary --year YYYY --as-of YYYY-MM-DD --format json|table`.
struct ReportSummaryCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "year", help: "年度 / year")
        var year: Int?
        @Option(name: "as-of", help: "截至日期 YYYY-MM-DD / as-of date")
        var asOf: String?
        @Option(name: "format", help: "json 或 table")
        var format: String?
        @Option(name: "district", help: "地区代码 / district code")
        var district: String?
    }

    var help: String { "年度汇总 / Year summary" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let year = signature.year else { throw CommandFailure("需要 --year YYYY / --year YYYY is required") }
        let db = context.application.db
        let district = try await DistrictContext.require(code: signature.district, on: db)
        let asOf: CalendarDate
        if let raw = signature.asOf {
            asOf = try WarningsCLI.asOfDay(raw)
        } else {
            // As the API: a finished year is summed up on its last day.
            asOf = JudgingDay.of(year: year, asOf: DistrictContext.today(in: district))
        }
        let summary = try await SummaryQuery.run(districtID: try district.requireID(), year: year, asOf: asOf, on: db)
        switch (signature.format ?? "table").lowercased() {
        case "json":
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            context.console.print(String(decoding: try encoder.encode(SummaryDTO(summary)), as: UTF8.self))
        case "table":
            SummaryTable.lines(summary).forEach { context.console.print($0) }
        default:
            throw CommandFailure("--format 只能是 json 或 table / --format must be json or table")
        }
    }
}
