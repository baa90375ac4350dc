import BallastCore
import BallastOffice
import BallastStore
import Foundation
import Vapor

struct ReportBulletinCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "week", help: "周次 YYYY-Www，如 2023-W23 / ISO week") var week: String?
        @Option(name: "as-of", help: "统计截至 YYYY-MM-DD / as-of date") var asOf: String?
        @Option(name: "format", help: "docx、html、json 或 xlsx") var format: String?
        @Option(name: "output", help: "输出文件 / output file") var output: String?
        @Option(name: "district", help: "地区代码 / district code") var district: String?
    }
    var help: String { "重点项目建设周通报 / The weekly bulletin" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        guard let week = s.week else { throw CommandFailure("需要 --week YYYY-Www / --week is required") }
        try await CadenceReport.run(kind: .weeklyBulletin, period: week, asOf: s.asOf, format: s.format, output: s.output, district: s.district, context: context)
    }
}
