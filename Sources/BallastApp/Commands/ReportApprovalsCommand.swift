import BallastCore
import BallastStore
import Foundation
import Vapor

/// `ballast report approvals --year YYYY --as-of YYYY-MM-DD --format json|table`: the approving
/// departments' figures (`DepartmentTimes`) for the steps applied for in the year, as of the day
/// — the same rows as `GET /api/v1/approvals/departments?from=YYYY-01-01&to=YYYY-12-31&asOf=`.
struct ReportApprovalsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "year", help: "年度 / year") var year: Int?
        @Option(name: "as-of", help: "截至日期 YYYY-MM-DD / as-of date") var asOf: String?
        @Option(name: "format", help: "json 或 table") var format: String?
        @Option(name: "district", help: "地区代码 / district code") var district: String?
    }

    var help: String { "部门审批时效 / Approving departments' times" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let year = signature.year, (2000...2100).contains(year) else {
            throw CommandFailure("需要 --year YYYY（2000–2100）/ --year YYYY (2000–2100) is required")
        }
        let db = context.application.db
        let district = try await DistrictContext.require(code: signature.district, on: db)
        let asOf = try signature.asOf.map(WarningsCLI.asOfDay) ?? JudgingDay.of(year: year, asOf: DistrictContext.today(in: district))
        guard let from = CalendarDate(year: year, month: 1, day: 1), let to = CalendarDate(year: year, month: 12, day: 31) else {
            throw CommandFailure("--year \(year)")
        }
        let rows = try await DepartmentTimesQuery.run(districtID: try district.requireID(), from: from, to: to, asOf: asOf, on: db)
        switch (signature.format ?? "table").lowercased() {
        case "json":
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            context.console.print(String(decoding: try encoder.encode(rows.map(DepartmentTimesController.RowDTO.init)), as: UTF8.self))
        case "table":
            context.console.print("\(year)年部门审批时效（截至 \(asOf.iso)）/ approving departments, \(year), as of \(asOf.iso)")
            context.console.print(["审批部门", "受理", "办结", "按时", "超时", "平均", "80%"].joined(separator: "\t"))
            for r in rows {
                context.console.print([r.department, String(r.received), String(r.done), String(r.onTime), String(r.overdue),
                                       r.averageDays.map { String(format: "%.1f", $0) } ?? "—", r.p80Days.map(String.init) ?? "—"].joined(separator: "\t"))
            }
            if rows.isEmpty { context.console.print("（无 / none）") }
        default:
            throw CommandFailure("--format 只能是 json 或 table / --format must be json or table")
        }
    }
}
