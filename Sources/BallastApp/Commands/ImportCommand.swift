import BallastCore
import BallastStore
import Foundation
import Vapor

struct ImportCommandGroup: AsyncCommandGroup {
    var help: String { "导入数据 / Import data" }
    var commands: [String: any AnyAsyncCommand] { ["ledger": ImportLedgerCommand(), "progress": ImportProgressCommand()] }
}

/// `ballast import ledger FILE --year YYYY [--strict] [--district CODE]`.
struct ImportLedgerCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: ".xlsx 或 .csv 台账文件 / ledger file")
        var file: String
        @Option(name: "year", help: "台账年度 / ledger year")
        var year: Int?
        @Flag(name: "strict", help: "不新建名录中没有的单位、领导、类别、布局 / refuse unknown names")
        var strict: Bool
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
            try await service.run(data: data, fileName: signature.file, on: db)
        }
        ImportReportText.lines(report, language: .zh).forEach { context.console.print($0) }
        if !report.applied { throw CommandFailure("导入未执行，未存储任何数据 / import refused, nothing stored") }
    }
}

/// The import report as lines of text, for the terminal.
enum ImportReportText {
    static func lines(_ r: LedgerImportReport, language: UILanguage) -> [String] {
        var out: [String] = []
        let en = language == .en
        if r.applied {
            out.append(en ? "Imported \(r.rows) rows: \(r.created.count) created, \(r.updated.count) updated, \(r.unchanged) unchanged"
                          : "已导入\(r.rows)行：新增\(r.created.count)个，更新\(r.updated.count)个，未变\(r.unchanged)个")
        } else {
            out.append(en ? "Import refused: \(r.issueTotal) problem(s), nothing stored"
                          : "导入被拒绝：共\(r.issueTotal)处错误，未存储任何数据")
            if r.issueTotal > r.issues.count {
                out.append(en ? "The first \(r.issues.count) are listed" : "以下列出前\(r.issues.count)处")
            }
        }
        for kind in ReferenceKind.allCases {
            guard let names = r.newReferences[kind], !names.isEmpty else { continue }
            let label = en ? kind.englishName : kind.chineseName
            out.append((en ? "New \(label): " : "新建\(label)：") + names.joined(separator: en ? ", " : "、"))
        }
        if !r.unknownColumns.isEmpty {
            out.append((en ? "Ignored unknown columns: " : "已忽略未知列：") + r.unknownColumns.joined(separator: en ? ", " : "、"))
        }
        for issue in r.issues {
            let where_ = en ? "row \(issue.row)" + (issue.column.map { ", column \($0)" } ?? "")
                            : "第\(issue.row)行" + (issue.column.map { "，\($0)列" } ?? "")
            out.append("  \(where_): \(issue.message.text(language))")
        }
        return out
    }
}
