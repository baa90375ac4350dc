import BallastCore
import BallastStore
import Foundation
import Vapor

/// `ballast import progress FILE [--dry-run] [--district CODE]`: monthly figures (项目编号, 月份,
/// 本月完成投资（万元|亿元）, 形象进度), stored as approved by the importing user.
struct ImportProgressCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: ".xlsx 或 .csv 月度进度文件 / progress file")
        var file: String
        @Flag(name: "dry-run", help: "只预览将新增和调整的月度数据，不写入 / show what would change, write nothing")
        var dryRun: Bool
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
            try await service.run(data: data, fileName: signature.file, dryRun: signature.dryRun, on: db)
        }
        if signature.dryRun, report.applied {
            ImportText.previewLines(report.preview, ledger: false, language: .zh).forEach { context.console.print($0) }
            return
        }
        ProgressImportService.lines(report, language: .zh).forEach { context.console.print($0) }
        if !report.applied { throw CommandFailure("导入未执行，未存储任何数据 / import refused, nothing stored") }
    }
}
