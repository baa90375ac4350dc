/// Columns up the page by category, several series side by side (grouped) or one on another
/// (stacked). Category labels wrap under their columns; when even two lines will not fit, they
/// are turned 45° so neighbours never overlap.
public struct ColumnChart: Sendable {
    public struct Series: Sendable {
        public var name: String
        public var cssClass: String
        public var values: [Double]
        /// The drill-down for each category's value, by category index.
        public var hrefs: [String?]
        public init(name: String, cssClass: String, values: [Double], hrefs: [String?] = []) {
            self.name = name; self.cssClass = cssClass; self.values = values; self.hrefs = hrefs
        }
    }

    public var id: String
    public var title: String
    public var description: String
    public var categories: [String]
    public var series: [Series]
    public var stacked: Bool
    public var format: ValueFormat
    public var width: Double
    public var height: Double

    public init(id: String, title: String, description: String, categories: [String], series: [Series], stacked: Bool = false,
                format: ValueFormat, width: Double = 640, height: Double = 280) {
        self.id = id; self.title = title; self.description = description; self.categories = categories; self.series = series
        self.stacked = stacked; self.format = format; self.width = width; self.height = height
    }

    static let font = 12.0, left = 56.0, right = 8.0, top = 22.0

    func value(_ s: Int, _ c: Int) -> Double { c < series[s].values.count ? max(0, series[s].values[c]) : 0 }

    /// Whether labels are turned, and the lines of each.
    func labelLayout(slot: Double) -> (rotated: Bool, lines: [[String]]) {
        let ems = (slot - 4) / Self.font
        let wrapped = categories.map { TextWidth.wrap($0, maxEms: ems, maxLines: 2) }
        let fits = ems >= 2 && zip(categories, wrapped).allSatisfy { !($0.1.last?.hasSuffix("…") ?? false) || TextWidth.ems($0.0) > ems * 2 }
        if fits && ems >= 2 { return (false, wrapped) }
        return (true, categories.map { TextWidth.wrap($0, maxEms: 7, maxLines: 1) })
    }

    public func svg() -> String {
        let legend = series.count > 1 ? Legend(items: series.map { .init(label: $0.name, cssClass: $0.cssClass) }) : nil
        let legendHeight = legend?.height(width: width - Self.left) ?? 0
        let plotW = width - Self.left - Self.right
        let slot = plotW / Double(max(1, categories.count))
        let labels = labelLayout(slot: slot)
        let labelRoom = labels.rotated ? 7 * Self.font * 0.75 + 10 : Double(labels.lines.map(\.count).max() ?? 1) * 14 + 8
        let bottom = labelRoom + (legendHeight > 0 ? legendHeight + 6 : 0)
        let plotH = max(40, height - Self.top - bottom)
        let totals = categories.indices.map { c in
            stacked ? series.indices.reduce(0) { $0 + value($1, c) } : (series.indices.map { value($0, c) }.max() ?? 0)
        }
        let ticks = AxisTicks.nice(max: totals.max() ?? 0, target: 4)
        let scaleMax = ticks.last ?? 1
        func y(_ v: Double) -> Double { Self.top + plotH * (1 - v / scaleMax) }
        var out = SVG.open(id: id, cssClass: "column-chart", width: width, height: height, title: title, description: description)
        if let unit = format.axisUnit { out += SVG.text(unit, x: 4, y: 12, cssClass: "axis-unit") }
        for t in ticks {
            out += SVG.line(x1: Self.left, y1: y(t), x2: width - Self.right, y2: y(t), cssClass: "grid")
            out += SVG.text(format.text(t), x: Self.left - 6, y: y(t) + 4, cssClass: "tick", anchor: "end")
        }
        if categories.isEmpty {
            out += SVG.text("暂无数据 / No data", x: Self.left + plotW / 2, y: Self.top + plotH / 2, cssClass: "empty", anchor: "middle")
        }
        let groupW = slot * 0.72
        let barW = stacked ? groupW : groupW / Double(max(1, series.count))
        for (c, category) in categories.enumerated() {
            let x0 = Self.left + slot * Double(c) + (slot - groupW) / 2
            var base = 0.0
            for (s, se) in series.enumerated() {
                let v = value(s, c)
                guard v > 0 else { continue }
                let x = stacked ? x0 : x0 + barW * Double(s)
                let top = stacked ? base + v : v
                let href = c < se.hrefs.count ? se.hrefs[c] : nil
                out += SVG.linked(href, SVG.rect(x: x, y: y(top), width: barW - (stacked ? 0 : 1), height: y(stacked ? base : 0) - y(top),
                                                 cssClass: "mark \(se.cssClass)", tip: "\(category) · \(se.name)：\(format.text(v))"))
                if stacked { base += v }
            }
            let cx = Self.left + slot * (Double(c) + 0.5)
            let ly = Self.top + plotH + 16
            if labels.rotated {
                out += "<text class=\"label\" transform=\"translate(\(SVG.num(cx)),\(SVG.num(ly - 6))) rotate(-45)\" text-anchor=\"end\">"
                    + SVG.escape(labels.lines[c].first ?? "") + SVG.tip(category) + "</text>"
            } else {
                out += SVG.lines(labels.lines[c], x: cx, y: ly, lineHeight: 14, cssClass: "label", anchor: "middle")
            }
        }
        out += SVG.line(x1: Self.left, y1: y(0), x2: width - Self.right, y2: y(0), cssClass: "axis")
        if let legend { out += legend.svg(x: Self.left, y: height - legendHeight, width: width - Self.left) }
        return SVG.finish(out)
    }
}
