import BallastCore
import BallastStore
import Foundation
import Vapor

struct ReportCommandGroup: AsyncCommandGroup {
    var help: String { "生成报表 / Produce reports" }
    var commands: [String: any AnyAsyncCommand] {
        ["summary": ReportSummaryCommand(), "bulletin": ReportBulletinCommand(), "ranking": ReportRankingCommand(), "assessment": ReportAssessmentCommand()]
    }
}

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
            guard let d = CalendarDate.parse(raw) else { throw CommandFailure("--as-of 日期无效 / invalid --as-of “\(raw)”") }
            asOf = d
        } else {
            asOf = DistrictContext.today(in: district)
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

/// The summary as aligned text for a terminal, amounts in 亿元 as officials read them.
enum SummaryTable {
    static func lines(_ s: YearSummary) -> [String] {
        func yi(_ m: Money) -> String { String(format: "%.2f", m.rounded(in: .yi, places: 2)) }
        var out = ["\(s.year)年重点项目汇总（截至\(s.asOf.iso)，金额：亿元）",
                   "项目 \(s.projects) 个  总投资 \(yi(s.totalInvestment))  年度计划 \(yi(s.annualPlan))  已完成 \(yi(s.completed))"]
        let sections: [(String, [YearSummary.Group])] = [
            ("按类别", s.byCategory), ("按级别", s.byLevel), ("按空间布局", s.byZone), ("按责任单位", s.byUnit),
        ]
        for (title, groups) in sections {
            out.append("")
            out.append(title)
            for g in groups {
                out.append("  " + pad(g.name, 24) + pad(String(g.projects), 6, right: true)
                           + pad(yi(g.totalInvestment), 12, right: true) + pad(yi(g.annualPlan), 12, right: true))
            }
        }
        out.append("")
        out.append("四库")
        for p in s.pools {
            out.append("  " + pad(p.stage.rawValue + "库", 24) + pad(String(p.projects), 6, right: true)
                       + pad(yi(p.totalInvestment), 12, right: true))
        }
        return out
    }

    /// Pads by display width: a Chinese character takes two columns on a terminal.
    static func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
        let w = s.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 2 : 1) }
        let fill = String(repeating: " ", count: max(0, width - w))
        return right ? fill + s : s + fill
    }
}
