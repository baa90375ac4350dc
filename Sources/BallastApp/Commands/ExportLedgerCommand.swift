import BallastOffice
import BallastStore
import Foundation
import Vapor

/// `ballast export ledger --year YYYY --format xlsx|csv --output FILE`.
struct ExportLedgerCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "year", help: "台账年度 / ledger year")
        var year: Int?
        @Option(name: "format", help: "xlsx 或 csv")
        var format: String?
        @Option(name: "output", help: "输出文件 / output file")
        var output: String?
        @Option(name: "district", help: "地区代码 / district code")
        var district: String?
    }

    var help: String { "导出项目台账 / Export a project ledger" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let year = signature.year else { throw CommandFailure("需要 --year YYYY / --year YYYY is required") }
        guard let format = LedgerFormat(rawValue: (signature.format ?? "xlsx").lowercased()) else {
            throw CommandFailure("--format 只能是 xlsx 或 csv / --format must be xlsx or csv")
        }
        guard let output = signature.output else { throw CommandFailure("需要 --output FILE / --output FILE is required") }
        let db = context.application.db
        let district = try await DistrictContext.require(code: signature.district, on: db)
        let data = try await TerminalProgress.run("导出 / exporting", console: context.console) {
            try await LedgerExportService.export(district: district, year: year, format: format,
                                                 actor: ChangeActor(name: "cli:\(NSUserName())", role: "cli"), on: db)
        }
        guard FileManager.default.createFile(atPath: output, contents: data) else {
            throw CommandFailure("无法写入 / cannot write \(output)")
        }
        context.console.print("已导出到 / written to \(output) (\(data.count) bytes)")
    }
}
