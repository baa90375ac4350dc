import BallastCore
import BallastOffice
import BallastStore
import Foundation
import Vapor

struct ReportRankingCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "month", help: "月份 YYYY-MM / month") var month: String?
        @Option(name: "as-of", help: "统计截至 YYYY-MM-DD / as-of date") var asOf: String?
        @Option(name: "format", help: "docx、html、json 或 xlsx") var format: String?
        @Option(name: "output", help: "输出文件 / output file") var output: String?
        @Option(name: "district", help: "地区代码 / district code") var district: String?
    }
    var help: String { "责任单位月度排名 / The monthly unit ranking" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        guard let month = s.month else { throw CommandFailure("需要 --month YYYY-MM / --month is required") }
        try await CadenceReport.run(kind: .unitRanking, period: month, asOf: s.asOf, format: s.format, output: s.output, district: s.district, context: context)
    }
}
