import BallastCharts
import BallastCore
import BallastStore
import Foundation

/// 四库 as a funnel, in SVG drawn here: one centred bar per pool, its width in proportion to the
/// pool's projects, each bar a link to the ledger filtered to that pool (the drill-down). The
/// same figures always give the same bytes.
enum PipelineFunnel {
    static let width = 640.0, rowHeight = 46.0, gap = 8.0, minimumBar = 0.12

    static func svg(_ pools: [PipelineFigures.Pool], year: Int, lang: UILanguage) -> String {
        let most = max(pools.map(\.projects).max() ?? 0, 1)
        let height = Double(pools.count) * (rowHeight + gap)
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        let title = PipelineText.funnelTitle(year: year).text(lang)
        let desc = pools.map { p in
            PipelineText.poolProjects(p.stage, p.projects).text(lang)
        }.joined(separator: PipelineText.listSeparator.text(lang))
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"funnel\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"funnel-title funnel-desc\">"
        out += "<title id=\"funnel-title\">\(attr(title))</title><desc id=\"funnel-desc\">\(attr(desc))</desc>"
        for (i, p) in pools.enumerated() {
            // A pool with few projects still gets a bar wide enough to read and to click.
            let share = max(Double(p.projects) / Double(most), minimumBar)
            let w = (width - 20) * share, x = (width - w) / 2, y = Double(i) * (rowHeight + gap)
            let stage = p.stage.rawValue.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let label = PipelineText.barLabel(p.stage, projects: p.projects, yi: String(format: "%.1f", p.totalInvestment.rounded(in: .yi, places: 1))).text(lang)
            out += "<a href=\"\(attr(Layout.link(Site.projects.link + "?stage=\(stage)&year=" + ProjectListColumn.drill(ProjectListColumn.explainingStage), lang)))\">"
            out += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(w))\" height=\"\(f(rowHeight))\" rx=\"4\" class=\"pool-\(i)\"/>"
            // Inside the bar when it fits, else beside it in dark text, so no label runs off a bar.
            if labelWidth(label) + 16 <= w {
                out += "<text x=\"\(f(width / 2))\" y=\"\(f(y + rowHeight / 2 + 5))\" text-anchor=\"middle\" class=\"funnel-label\">\(attr(label))</text></a>"
            } else {
                out += "<text x=\"\(f(x + w + 8))\" y=\"\(f(y + rowHeight / 2 + 5))\" text-anchor=\"start\" class=\"funnel-label outside\">\(attr(label))</text></a>"
            }
        }
        return SVG.finish(out)
    }

    /// The label's width at 15 px: a CJK character is about a full em, the rest about half.
    static func labelWidth(_ text: String) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 15 : 8.5) }
    }
}
