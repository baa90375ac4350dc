import BallastCore
import BallastOffice
import BallastStore
import Foundation
import Vapor

struct ReportAssessmentCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "quarter", help: "季度 YYYY-Qn / quarter") var quarter: String?
        @Option(name: "year", help: "年度评优 YYYY / the annual evaluation") var year: String?
        @Option(name: "as-of", help: "统计截至 YYYY-MM-DD / as-of date") var asOf: String?
        @Option(name: "format", help: "docx、html、json 或 xlsx") var format: String?
        @Option(name: "output", help: "输出文件 / output file") var output: String?
        @Option(name: "district", help: "地区代码 / district code") var district: String?
    }
    var help: String { "季度考核、年度评优 / Quarterly assessment or annual evaluation" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        switch (s.quarter, s.year) {
        case (let q?, nil):
            try await CadenceReport.run(kind: .quarterlyAssessment, period: q, asOf: s.asOf, format: s.format, output: s.output, district: s.district, context: context)
        case (nil, let y?):
            try await CadenceReport.run(kind: .annualEvaluation, period: y, asOf: s.asOf, format: s.format, output: s.output, district: s.district, context: context)
        default:
            throw CommandFailure("需要 --quarter YYYY-Qn 或 --year YYYY 之一 / one of --quarter or --year is required")
        }
    }
}
