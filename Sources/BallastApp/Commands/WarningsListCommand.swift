import BallastCore
import BallastStore
import Foundation
import Vapor

/// `ballast warnings list --year YYYY --as-of YYYY-MM-DD --format json|table`: JSON is an array
/// of {code, name, colour, reasons, lag, since}, worst first: the colours of the day as the
/// dashboard counts them (`ColourAsOf`).
struct WarningsListCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "year", help: "年度 / year") var year: Int?
        @Option(name: "as-of", help: "截至日期 / as-of date") var asOf: String?
        @Option(name: "format", help: "json 或 table") var format: String?
        @Option(name: "colour", help: "red,yellow,blue,green") var colour: String?
        @Option(name: "district", help: "地区代码 / district code") var district: String?
    }
    var help: String { "列出四色预警 / List the warning colours" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let (district, year, asOf) = try await WarningsCLI.options(context, district: signature.district, year: signature.year, asOf: signature.asOf)
        let db = context.application.db
        var warnings = try await ColourAsOf.resolve(districtID: try district.requireID(), year: year, on: asOf, db: db).warnings(scopeUnitID: nil, on: db)
        if let raw = signature.colour {
            guard let wanted = WarningColour.parseList(raw) else { throw CommandFailure("--colour 只能是 red,yellow,blue,green") }
            warnings = warnings.filter { wanted.contains($0.outcome.colour) }
        }
        let items = WarningDTO.sorted(warnings).map { WarningDTO($0, .zh) }
        switch (signature.format ?? "table").lowercased() {
        case "json":
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            context.console.print(String(decoding: try encoder.encode(items), as: UTF8.self))
        case "table":
            for w in items {
                context.console.print([WarningColour(rawValue: w.colour)?.chineseName ?? w.colour, w.code, w.name, w.lag.map { String(format: "%.1f", $0) } ?? "—",
                                       w.since, w.reasons.joined(separator: "；")].joined(separator: "\t"))
            }
        default:
            throw CommandFailure("--format 只能是 json 或 table / --format must be json or table")
        }
    }
}
