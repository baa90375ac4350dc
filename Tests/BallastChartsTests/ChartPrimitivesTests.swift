import Foundation
import Testing
@testable import BallastCharts

@Suite struct ChartPrimitivesTests {
    @Test func numbersHaveOneDecimalAndNoNegativeZero() {
        #expect(SVG.num(12) == "12")
        #expect(SVG.num(12.25) == "12.3")
        #expect(SVG.num(12.04) == "12")
        #expect(SVG.num(-0.04) == "0")
        #expect(SVG.num(-0.5) == "-0.5")
        #expect(SVG.num(-1.25) == "-1.3")
        #expect(SVG.num(.nan) == "0")
    }

    @Test func textIsEscaped() {
        #expect(SVG.escape("<a href=\"x\">&</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;")
        #expect(SVG.escape("/map?year=2023&project=甲\"乙\"（5亿元）") == "/map?year=2023&amp;project=甲&quot;乙&quot;（5亿元）")
        #expect(SVG.escape("二七区重点项目") == "二七区重点项目")
    }

    @Test func chineseCharactersAreAFullEmAndLatinAbout60Percent() {
        #expect(TextWidth.ems("重点项目") == 4)
        #expect(abs(TextWidth.ems("ABC") - 1.8) < 1e-9)
        #expect(abs(TextWidth.ems("G107改造") - 4.4) < 1e-9)
    }

    @Test func labelsWrapBetweenCharactersAndEndInAnEllipsisWhenTooLong() {
        #expect(TextWidth.wrap("郑州市二七区重点项目", maxEms: 6, maxLines: 2) == ["郑州市二七区", "重点项目"])
        #expect(TextWidth.wrap("二七区", maxEms: 6, maxLines: 2) == ["二七区"])
        let long = TextWidth.wrap("郑州市二七区马寨镇智能装备制造产业园基础设施建设项目", maxEms: 6, maxLines: 2)
        #expect(long.count == 2)
        #expect(long[1].hasSuffix("…"))
        #expect(long.allSatisfy { TextWidth.ems($0) <= 6 })
        // A Latin word is not split where it fits on a line of its own.
        #expect(TextWidth.wrap("BRT Station", maxEms: 5, maxLines: 3) == ["BRT", "Station"])
        #expect(TextWidth.wrap("x", maxEms: 0, maxLines: 2).isEmpty)
    }

    @Test func ticksAreRoundStepsFromZeroPastTheLargestValue() {
        #expect(AxisTicks.nice(max: 87, target: 5) == [0, 20, 40, 60, 80, 100])
        #expect(AxisTicks.nice(max: 100, target: 5) == [0, 20, 40, 60, 80, 100])
        #expect(AxisTicks.nice(max: 1, target: 4) == [0, 0.5, 1])
        #expect(AxisTicks.nice(max: 3_100, target: 4) == [0, 1_000, 2_000, 3_000, 4_000])
        #expect(AxisTicks.nice(max: 0) == [0, 1])
        #expect(AxisTicks.nice(max: -5) == [0, 1])
    }

    /// The fast fixed-point formatting gives Foundation's bytes, halves and negatives included.
    @Test func fixedPlacesAreFormattedAsFoundationFormatsThem() {
        var values: [Double] = [0, -0.0, 0.005, 0.125, 0.375, 1.005, 2.675, -2.5, 12.345, 99.995, 1e15 + 0.5, -0.004]
        var seed: UInt64 = 42
        for _ in 0..<500 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            values.append(Double(Int64(bitPattern: seed >> 20) % 10_000_000) / 1000)
        }
        for v in values {
            for d in 0...2 { #expect(MoneyScale.fixed(v, decimals: d) == String(format: "%.\(d)f", v), "\(v) to \(d) places") }
        }
    }

    @Test func moneyIsIn万元BelowAHundredMillionAnd亿元From() {
        #expect(MoneyScale.suited(to: 99_999_999) == .wan)
        #expect(MoneyScale.suited(to: 100_000_000) == .yi)
        #expect(MoneyScale.yi.label(550_000_000) == "5.5亿元")
        #expect(MoneyScale.yi.figure(102_600_000_000) == "1,026")
        #expect(MoneyScale.yi.figure(12_345_000_000) == "123")
        #expect(MoneyScale.yi.figure(1_250_000_000) == "12.5")
        #expect(MoneyScale.wan.figure(123_456_789) == "12,346")
        #expect(MoneyScale.wan.figure(0) == "0")
        #expect(MoneyScale.wan.figure(-5_000_000) == "-500")
        #expect(ValueFormat.percent.text(0.4567) == "45.7%")
        #expect(ValueFormat.count.text(12_345) == "12,345")
    }

    @Test func legendItemsWrapOntoRowsThatFitTheWidth() {
        let legend = Legend(items: (1...6).map { .init(label: "第\($0)类项目", cssClass: Palette.series($0)) })
        // Each item: 22 (swatch) + 5 ems × 12 + 14 = 96 wide; three fit in 300.
        #expect(legend.height(width: 300) == 2 * Legend.rowHeight)
        #expect(legend.height(width: 1000) == Legend.rowHeight)
        #expect(Palette.series(9) == "s1" && Palette.series(-1) == "s7")
    }
}
