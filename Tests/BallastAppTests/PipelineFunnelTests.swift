@testable import BallastApp
import BallastCore
import BallastStore
import Foundation
import Testing

@Suite struct PipelineFunnelTests {
    let pools: [PipelineFigures.Pool] = [
        .init(stage: .conceived, projects: 64, totalInvestment: .wan(3_698_000), entered: 64, target: 218),
        .init(stage: .attracting, projects: 35, totalInvestment: .wan(1_944_000), entered: 35, target: nil),
        .init(stage: .signed, projects: 0, totalInvestment: .zero, entered: 0, target: nil),
        .init(stage: .landed, projects: 14, totalInvestment: .wan(101_000), entered: 14, target: nil),
    ]

    func widths(_ svg: String) -> [Double] {
        svg.components(separatedBy: "<rect ").dropFirst().compactMap { part in
            part.components(separatedBy: "width=\"").dropFirst().first?.components(separatedBy: "\"").first.flatMap(Double.init)
        }
    }

    @Test func barsAreInProportionAndLinkToTheirPools() {
        let svg = PipelineFunnel.svg(pools, year: 2023, lang: .zh)
        // 620 px for the largest; 35/64 of it; an empty pool still gets 12 % to be seen and clicked.
        #expect(widths(svg) == [620.0, 339.1, 74.4, 135.6])
        #expect(svg.contains("<title id=\"funnel-title\">2023年四库漏斗</title>"))
        #expect(svg.contains("谋划库 64 个；招引库 35 个；签约库 0 个；落地库 14 个"))
        #expect(svg.contains(">谋划 64 个 · 369.8 亿元<"))
        let signed = "签约".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        // Every year's projects in the pool, with the columns that say what and whose they are.
        #expect(svg.contains("href=\"/projects?stage=\(signed)&amp;year=&amp;cols=category,unit,stage,total\""))
        #expect(svg.components(separatedBy: "<a ").count - 1 == 4)
        // A label too wide for its bar goes beside it: the empty 签约 bar (74.4 px) and 落地 (135.6 px).
        #expect(svg.components(separatedBy: "class=\"funnel-label outside\"").count - 1 == 2)
        #expect(PipelineFunnel.labelWidth("谋划 64 个") == 15 * 3 + 8.5 * 4)
        #expect(PipelineFunnel.svg(pools, year: 2023, lang: .zh) == svg)   // same figures, same bytes
        #expect(PipelineFunnel.svg(pools, year: 2023, lang: .en).contains("?stage=\(signed)&amp;year=&amp;cols=category,unit,stage,total&amp;lang=en"))
    }
}
