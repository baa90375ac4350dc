import BallastCore
import BallastStore
import Foundation
import Vapor

/// `ballast report statistics --year YYYY --as-of YYYY-MM-DD --format json|table`: 入库纳统 —
/// the started projects not in the statistics database on the day, by unit and each, and the
/// reported beside the counted investment by unit and month; the same body as
/// `GET /api/v1/statistics?year=&asOf=`.
struct ReportStatisticsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "year", help: "年度 / year") var year: Int?
        @Option(name: "as-of", help: "截至日期 YYYY-MM-DD / as-of date") var asOf: String?
        @Option(name: "format", help: "json 或 table") var format: String?
        @Option(name: "district", help: "地区代码 / district code") var district: String?
    }

    var help: String { "入库纳统 / Statistics inclusion" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let year = signature.year, (2000...2100).contains(year) else {
            throw CommandFailure("需要 --year YYYY（2000–2100）/ --year YYYY (2000–2100) is required")
        }
        let format = (signature.format ?? "table").lowercased()
        guard ["json", "table"].contains(format) else { throw CommandFailure("--format 只能是 json 或 table / --format must be json or table") }
        let db = context.application.db
        let district = try await DistrictContext.require(code: signature.district, on: db)
        let asOf = try signature.asOf.map(WarningsCLI.asOfDay) ?? JudgingDay.of(year: year, asOf: DistrictContext.today(in: district))
        let f = try await StatisticsController.load(districtID: try district.requireID(), window: .init(year: year, asOf: asOf), scope: nil, on: db)
        if format == "json" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            context.console.print(String(decoding: try encoder.encode(StatisticsController.FiguresDTO(f)), as: UTF8.self))
            return
        }
        context.console.print("入库纳统（截至 \(asOf.iso)；开工满 \(f.rule.statsYellowMonths) 个月未入库为黄，满 \(f.rule.statsRedMonths) 个月为红）/ statistics inclusion, as of \(asOf.iso)")
        context.console.print("已开工未入库：按责任单位 / started, not included, by unit")
        context.console.print(["责任单位", "项目数", "本年已报投资（万元）"].joined(separator: "\t"))
        for u in f.byUnit { context.console.print([u.unit, String(u.projects), u.reportedYTD.wanText].joined(separator: "\t")) }
        if f.byUnit.isEmpty { context.console.print("（无 / none）") }
        context.console.print("")
        context.console.print("上报与统计口径投资（万元）/ reported and counted (10k yuan), \(year)")
        context.console.print(["责任单位", "月份", "上报", "统计口径", "差额"].joined(separator: "\t"))
        for g in f.gap {
            context.console.print([g.unit, String(g.month), g.reported.wanText, g.counted.wanText, g.gap.wanText].joined(separator: "\t"))
        }
        if f.gap.isEmpty { context.console.print("（无 / none）") }
    }
}
