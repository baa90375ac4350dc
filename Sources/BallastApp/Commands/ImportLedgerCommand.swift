import BallastCore
import BallastStore
import Foundation
import Vapor

/// `ballast import ledger FILE --year YYYY [--strict] [--dry-run] [--district CODE]`. With
/// `--dry-run` it prints what the import would do, row by row and field by field, and writes nothing.
struct ImportLedgerCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: ".xlsx 或 .csv 台账文件 / ledger file")
        var file: String
        @Option(name: "year", help: "台账年度 / ledger year")
        var year: Int?
        @Flag(name: "strict", help: "不新建名录中没有的单位、领导、类别、布局 / refuse unknown names")
        var strict: Bool
        @Flag(name: "dry-run", help: "只预览将新增和修改的内容，不写入 / show what would change, write nothing")
        var dryRun: Bool
        @Option(name: "district", help: "地区代码 / district code")
        var district: String?
    }

    var help: String { "导入项目台账 / Import a project ledger" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let year = signature.year, (2000...2100).contains(year) else {
            throw CommandFailure("需要 --year YYYY / --year YYYY is required")
        }
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw CommandFailure("无法读取文件 / cannot read file \(signature.file)")
        }
        let db = context.application.db
        let district = try await DistrictContext.findOrCreate(code: signature.district, name: nil, on: db)
        let service = LedgerImportService(district: district, year: year, strict: signature.strict,
                                          actor: ChangeActor(name: "cli:\(NSUserName())", role: "cli"))
        let report = try await TerminalProgress.run("导入 / importing \(signature.file)", console: context.console) {
            try await service.run(data: data, fileName: signature.file, dryRun: signature.dryRun, on: db)
        }
        if signature.dryRun, report.applied {
            ImportText.previewLines(report.preview, ledger: true, language: .zh).forEach { context.console.print($0) }
            return
        }
        ImportReportText.lines(report, language: .zh).forEach { context.console.print($0) }
        if !report.applied { throw CommandFailure("导入未执行，未存储任何数据 / import refused, nothing stored") }
    }
}
