import BallastCore
import BallastStore
import Foundation
import Vapor

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
