import BallastCore
import BallastStore
import Foundation
import Vapor

/// `ballast import progress FILE [--district CODE]`: monthly figures (项目编号, 月份,
/// 本月完成投资（万元|亿元）, 形象进度), stored as approved by the importing user.
struct ImportProgressCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: ".xlsx 或 .csv 月度进度文件 / progress file")
        var file: String
        @Option(name: "district", help: "地区代码 / district code")
        var district: String?
    }

    var help: String { "导入月度投资进度 / Import monthly progress" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw CommandFailure("无法读取文件 / cannot read file \(signature.file)")
        }
        let db = context.application.db
        let district = try await DistrictContext.require(code: signature.district, on: db)
        let service = ProgressImportService(district: district, actor: ChangeActor(name: "cli:\(NSUserName())", role: "cli"))
        let report = try await TerminalProgress.run("导入 / importing \(signature.file)", console: context.console) {
            try await service.run(data: data, fileName: signature.file, on: db)
        }
        ProgressImportService.lines(report, language: .zh).forEach { context.console.print($0) }
        if !report.applied { throw CommandFailure("导入未执行，未存储任何数据 / import refused, nothing stored") }
    }
}

struct WarningsCommandGroup: AsyncCommandGroup {
    var help: String { "四色预警 / Warning lights" }
    var commands: [String: any AnyAsyncCommand] { ["recompute": WarningsRecomputeCommand(), "list": WarningsListCommand()] }
}

enum WarningsCLI {
    static func options(_ context: CommandContext, district code: String?, year: Int?, asOf raw: String?)
        async throws -> (DistrictModel, Int, CalendarDate) {
        let district = try await DistrictContext.require(code: code, on: context.application.db)
        var year = year ?? 0
        if year == 0 { year = try await RequestParameters.defaultYear(district: district, on: context.application.db) }
        guard (2000...2100).contains(year) else { throw CommandFailure("--year 无效 / invalid --year \(year)") }
        var asOf = JudgingDay.of(year: year, asOf: DistrictContext.today(in: district))
        if let raw {
            guard let d = CalendarDate.parse(raw), raw.count >= 8 else { throw CommandFailure("--as-of 日期无效 / invalid --as-of “\(raw)”") }
            asOf = d
        }
        return (district, year, asOf)
    }
}

/// `ballast warnings recompute [--year YYYY] [--as-of YYYY-MM-DD]`.
struct WarningsRecomputeCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "year", help: "年度 / year") var year: Int?
        @Option(name: "as-of", help: "截至日期 / as-of date") var asOf: String?
        @Option(name: "district", help: "地区代码 / district code") var district: String?
    }
    var help: String { "重算四色预警 / Recompute the warning colours" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let (district, year, asOf) = try await WarningsCLI.options(context, district: signature.district, year: signature.year, asOf: signature.asOf)
        let r = try await WarningEngine.recompute(districtID: try district.requireID(), year: year, asOf: asOf, on: context.application.db)
        context.console.print("\(year)年 截至\(asOf.iso)：\(r.projects) 个项目，\(r.changed) 个变色"
                              + (r.written ? "" : "（已有更晚日期的结果，本次未写入 / later colours already stored; not written）"))
    }
}

/// `ballast warnings list --year YYYY --as-of YYYY-MM-DD --format json|table`: JSON is an array
/// of {code, name, colour, reasons, lag, since}, worst first.
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
        var warnings = try await WarningEngine.evaluate(districtID: try district.requireID(), year: year, asOf: asOf, on: context.application.db)
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
