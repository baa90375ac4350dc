import BallastCore
import BallastStore
import Foundation
import Vapor

/// The summary as aligned text for a terminal, amounts in 亿元 as officials read them.
enum SummaryTable {
    static func lines(_ s: YearSummary) -> [String] {
        func yi(_ m: Money) -> String { m.yiText }
        var out = ["\(s.year)年重点项目汇总（截至\(s.asOf.iso)，金额：亿元）",
                   "项目 \(s.projects) 个  总投资 \(yi(s.totalInvestment))  年度计划 \(yi(s.annualPlan))  已完成 \(yi(s.completed))"]
        let sections: [(String, [YearSummary.Group])] = [
            ("按类别", s.byCategory), ("按级别", s.byLevel), ("按空间布局", s.byZone), ("按责任单位", s.byUnit),
        ]
        for (title, groups) in sections {
            out.append("")
            out.append(title)
            for g in groups {
                out.append("  " + pad(g.name, 24) + pad(String(g.projects), 6, right: true)
                           + pad(yi(g.totalInvestment), 12, right: true) + pad(yi(g.annualPlan), 12, right: true))
            }
        }
        out.append("")
        out.append("四库")
        for p in s.pools {
            out.append("  " + pad(p.stage.rawValue + "库", 24) + pad(String(p.projects), 6, right: true)
                       + pad(yi(p.totalInvestment), 12, right: true))
        }
        return out
    }

    /// Pads by display width: a Chinese character takes two columns on a terminal.
    static func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
        let w = s.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 2 : 1) }
        let fill = String(repeating: " ", count: max(0, width - w))
        return right ? fill + s : s + fill
    }
}
