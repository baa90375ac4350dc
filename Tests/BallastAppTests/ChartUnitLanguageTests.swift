@testable import BallastApp
import BallastCharts
import BallastCore
import BallastTestSupport
import Foundation
import Testing
import Vapor
import VaporTesting

/// A chart speaks its page's language down to the unit on its axis and in its tips (issue 24):
/// an English dashboard said 亿元 on every chart.
@Suite struct ChartUnitLanguageTests {
    static func svgTexts(_ html: String, class cls: String) -> [String] {
        html.components(separatedBy: "class=\"\(cls)\"").dropFirst().compactMap { part in
            guard let close = part.firstIndex(of: ">"), let end = part.range(of: "</text>") else { return nil }
            return String(part[part.index(after: close)..<end.lowerBound])
        }
    }

    @Test func englishChartsNameTheirUnitsInEnglish() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let leader = try await app.as(.leader)
            try await leader.test(.GET, "/?year=2023&lang=en") { res in
                let html = res.body.string
                let units = Self.svgTexts(html, class: "axis-unit")
                #expect(!units.isEmpty, "the curve names its unit")
                #expect(units.allSatisfy { $0.contains("yuan") && !$0.contains("元") }, "\(units)")
                // Tips on the bars and dots: no Chinese unit either.
                let tips = html.components(separatedBy: "<title>").dropFirst().map { $0.components(separatedBy: "</title>")[0] }
                #expect(!tips.contains { $0.contains("亿元") || $0.contains("万元") }, "\(tips.filter { $0.contains("元") }.prefix(3))")
            }
            try await leader.test(.GET, "/?year=2023") { res in
                #expect(Self.svgTexts(res.body.string, class: "axis-unit").allSatisfy { $0 == "亿元" || $0 == "万元" })
            }
        }
        #expect(MoneyScale.yi.label(1_250_000_000, english: true) == "12.5 100M yuan")
        #expect(MoneyScale.wan.label(12_000_000, english: false) == "1,200万元")
    }
}
