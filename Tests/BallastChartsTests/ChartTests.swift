import Foundation
import Testing
@testable import BallastCharts

/// The attributes of every element named `tag` in `svg`, in order.
func elements(_ tag: String, in svg: String) -> [[String: String]] {
    let pattern = try! NSRegularExpression(pattern: "<\(tag)\\b([^>]*)>")
    let attr = try! NSRegularExpression(pattern: "([a-zA-Z0-9:-]+)=\"([^\"]*)\"")
    return pattern.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).map { m in
        let body = String(svg[Range(m.range(at: 1), in: svg)!])
        var out: [String: String] = [:]
        for a in attr.matches(in: body, range: NSRange(body.startIndex..., in: body)) {
            out[String(body[Range(a.range(at: 1), in: body)!])] = String(body[Range(a.range(at: 2), in: body)!])
        }
        return out
    }
}

func count(_ needle: String, in svg: String) -> Int { svg.components(separatedBy: needle).count - 1 }

@Suite struct ChartTests {
    let bars = HorizontalBarChart(
        id: "units", title: "单位完成率", description: "各单位投资完成率与时序进度",
        bars: [
            .init(label: "区住建局", segments: [.init(value: 100, cssClass: "s0", href: "/projects?unit=a")]),
            .init(label: "马寨镇", segments: [.init(value: 30, cssClass: "c-red", href: "/projects?unit=b&colour=red"),
                                            .init(value: 20, cssClass: "c-green")]),
            .init(label: "<script>", segments: [.init(value: 0, cssClass: "s0")]),
        ],
        format: .count, marker: (value: 80, label: "时序进度"))

    @Test func aChartIsAnAccessibleImageWithTitleAndDescription() {
        let svg = bars.svg()
        #expect(svg.hasPrefix("<svg "))
        #expect(svg.hasSuffix("</svg>"))
        let root = elements("svg", in: svg)[0]
        // Its bars link to their lists: a document of links, not an image (which may hold nothing focusable).
        #expect(svg.contains("<a href="))
        #expect(root["role"] == "document")
        #expect(root["aria-labelledby"] == "units-title units-desc")
        // Without links it is an image.
        let still = HorizontalBarChart(id: "s", title: "t", description: "d", bars: [.init(label: "甲", segments: [.init(value: 1, cssClass: "s0")])], format: .count)
        #expect(elements("svg", in: still.svg())[0]["role"] == "img")
        #expect(svg.contains("<title id=\"units-title\">单位完成率</title>"))
        #expect(svg.contains("<desc id=\"units-desc\">各单位投资完成率与时序进度</desc>"))
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;script&gt;"))
    }

    @Test func theSameValuesGiveTheSameBytes() {
        #expect(bars.svg() == bars.svg())
    }

    @Test func barLengthsAreProportionalAndStackedSegmentsFollowEachOther() throws {
        let rects = elements("rect", in: bars.svg()).filter { ($0["class"] ?? "").hasPrefix("mark") }
        // Zero-valued segments draw nothing: three marks.
        #expect(rects.count == 3)
        let w = rects.map { Double($0["width"]!)! }, x = rects.map { Double($0["x"]!)! }
        #expect(abs(w[1] / w[0] - 0.3) < 0.01)
        #expect(abs(w[2] / w[0] - 0.2) < 0.01)
        // The second segment starts where the first ends (to the drawn precision).
        #expect(abs(x[2] - (x[1] + w[1])) <= 0.1)
        // Every segment with a link is wrapped in one; the unlinked one is not.
        #expect(count("<a href=\"/projects?unit=b&amp;colour=red\">", in: bars.svg()) == 1)
        #expect(count("<a href=", in: bars.svg()) == 2)
        // The marker sits at 80% of the first bar's length from the same origin.
        let marker = try #require(elements("line", in: bars.svg()).first { $0["class"] == "marker" })
        #expect(abs((Double(marker["x1"]!)! - x[0]) / w[0] - 0.8) < 0.01)
    }

    @Test func anEmptyChartSaysSo() {
        let empty = HorizontalBarChart(id: "e", title: "空", description: "无", bars: [], format: .count)
        #expect(empty.svg().contains("暂无数据"))
        let columns = ColumnChart(id: "c", title: "空", description: "无", categories: [], series: [], format: .count)
        #expect(columns.svg().contains("暂无数据"))
    }

    @Test func columnLabelsWrapWhenThereIsRoomAndTurnWhenThereIsNot() {
        let few = ColumnChart(id: "few", title: "按类别", description: "d", categories: ["产业转型", "城市更新", "民生工程"],
                              series: [.init(name: "投资", cssClass: "s0", values: [3, 2, 1])], format: .count)
        #expect(!few.svg().contains("rotate("))
        let many = ColumnChart(id: "many", title: "按单位", description: "d",
                               categories: (1...24).map { "第\($0)责任单位名称很长" },
                               series: [.init(name: "投资", cssClass: "s0", values: Array(repeating: 1, count: 24))], format: .count)
        #expect(count("rotate(-45)", in: many.svg()) == 24)
    }

    @Test func groupedColumnsStandSideBySideAndStackedOnesOnTop() {
        let series: [ColumnChart.Series] = [.init(name: "计划", cssClass: "s0", values: [40]), .init(name: "完成", cssClass: "s1", values: [20])]
        let grouped = elements("rect", in: ColumnChart(id: "g", title: "t", description: "d", categories: ["一月"], series: series, format: .count).svg())
            .filter { ($0["class"] ?? "").hasPrefix("mark") }
        #expect(grouped.count == 2)
        #expect(Double(grouped[1]["x"]!)! > Double(grouped[0]["x"]!)!)
        #expect(grouped[0]["y"] != grouped[1]["y"])
        let stacked = elements("rect", in: ColumnChart(id: "s", title: "t", description: "d", categories: ["一月"], series: series, stacked: true, format: .count).svg())
            .filter { ($0["class"] ?? "").hasPrefix("mark") }
        #expect(stacked[0]["x"] == stacked[1]["x"])
        // The second sits on the first: its bottom is the first's top.
        let topOfFirst = Double(stacked[0]["y"]!)!
        let bottomOfSecond = Double(stacked[1]["y"]!)! + Double(stacked[1]["height"]!)!
        #expect(abs(topOfFirst - bottomOfSecond) <= 0.1)
    }

    @Test func aLineBreaksWhereValuesAreMissingAndReferenceLinesHaveNoDots() {
        let chart = LineChart(id: "curve", title: "月度完成", description: "d", xLabels: (1...6).map { "\($0)月" }, series: [
            .init(name: "完成", cssClass: "s0", values: [1, 2, nil, 4, 5, nil], hrefs: ["/m1", nil, nil, nil, nil, nil]),
            .init(name: "时序进度", cssClass: "s1", values: [1, 2, 3, 4, 5, 6], dashed: true),
        ], format: .money(.yi))
        let svg = chart.svg()
        #expect(elements("polyline", in: svg).count == 3)
        #expect(elements("circle", in: svg).count == 4)
        #expect(count("<a href=\"/m1\">", in: svg) == 1)
        #expect(svg.contains(">亿元</text>"))
        #expect(elements("polyline", in: svg).filter { ($0["class"] ?? "").contains("dashed") }.count == 1)
    }

    @Test func donutSlicesStartAtTwelveAndGoClockwise() throws {
        let donut = DonutChart(id: "lights", title: "预警", description: "d", slices: [
            .init(label: "红", value: 1, cssClass: "c-red", href: "/warnings?colour=red"),
            .init(label: "绿", value: 3, cssClass: "c-green"),
        ], centre: ("4", "项目"))
        let paths = elements("path", in: donut.svg()).filter { ($0["class"] ?? "").hasPrefix("mark") }
        #expect(paths.count == 2)
        // Centre (95, 95), outer radius 80: the first quarter runs from (95, 15) to (175, 95).
        #expect(paths[0]["d"]!.hasPrefix("M 95 15 A 80 80 0 0 1 175 95"))
        // The larger slice takes the long way round.
        #expect(paths[1]["d"]!.hasPrefix("M 175 95 A 80 80 0 1 1 95 15"))
        let whole = DonutChart(id: "w", title: "t", description: "d", slices: [.init(label: "绿", value: 5, cssClass: "c-green")], centre: ("5", "项目"))
        #expect(count(" A 80 80 ", in: whole.svg()) == 2)
    }

    @Test func theGaugeFillsToTheRateAndWarnsWhenBehindTheTarget() throws {
        let behind = GaugeChart(id: "g", title: "完成率", description: "d", ratio: 0.5, target: (0.6, "时序进度"), caption: "年度完成率")
        let fill = try #require(elements("path", in: behind.svg()).first { ($0["class"] ?? "").hasPrefix("fill") })
        #expect(fill["class"] == "fill behind")
        // Half the arc ends at the top of the dial: (130, 152 − 100).
        #expect(fill["d"]!.hasSuffix("130 52"))
        #expect(behind.svg().contains(">50.0%</text>"))
        let ahead = GaugeChart(id: "g", title: "完成率", description: "d", ratio: 0.7, target: (0.6, "时序进度"), caption: "年度完成率")
        #expect(elements("path", in: ahead.svg()).contains { $0["class"] == "fill" })
        // At the year's end the target stands at 100%: its label stays inside the drawing (it was cut off at the right).
        let yearEnd = GaugeChart(id: "g", title: "完成率", description: "d", ratio: 0.9, target: (1.0, "时序进度"), caption: "年度完成率")
        let label = try #require(elements("text", in: yearEnd.svg()).first { $0["class"] == "target-label" })
        let x = try #require(Double(label["x"] ?? ""))
        let half = TextWidth.ems("时序进度 100.0%") * 12 / 2
        #expect(label["text-anchor"] == "middle" && x - half >= 0 && x + half <= 260)
        #expect(try #require(Double(label["y"] ?? "")) >= 14)
    }

    @Test func funnelBandsAreAsWideAsTheirCountsAgainstTheWidest() {
        let funnel = FunnelChart(id: "pools", title: "四库", description: "d", stages: [
            .init(label: "储备", value: 100, cssClass: "s0", href: "/pipeline?pool=储备"),
            .init(label: "签约", value: 50, target: 80, cssClass: "s1"),
            .init(label: "开工", value: 0, cssClass: "s2"),
        ])
        let rects = elements("rect", in: funnel.svg())
        let w = rects.map { Double($0["width"]!)! }
        #expect(abs(w[1] / w[0] - 0.5) < 0.01)
        // Nothing in a stage still leaves a band to click.
        #expect(w[2] == 6)
        #expect(funnel.svg().contains(">50 / 80</text>"))
        #expect(elements("line", in: funnel.svg()).filter { $0["class"] == "target" }.count == 2)
    }

    @Test func smallMultiplesPlaceEachPanelInItsCell() {
        let panel = { (i: Int) in GaugeChart(id: "p\(i)", title: "t", description: "d", ratio: 0.5, target: nil, caption: "c").svg() }
        let grid = SmallMultiples.svg(id: "grid", title: "各功能区", description: "d", panels: (0..<3).map(panel), columns: 2)
        let svgs = elements("svg", in: grid)
        #expect(svgs.count == 4)
        #expect(svgs[0]["viewBox"] == "0 0 640 400")
        #expect(svgs[3]["x"] == "0" && svgs[3]["y"] == "200")
        #expect(svgs[2]["x"] == "320" && svgs[2]["y"] == "0")
    }
}
