/// Values along a sequence (the months of a year): each series a line, with dots that link to
/// what is behind them; reference lines such as the plan and 时序进度 are dashed series. A value
/// of nil ends a line (months not yet reported).
public struct LineChart: Sendable {
    public struct Series: Sendable {
        public var name: String
        public var cssClass: String
        public var values: [Double?]
        public var dashed: Bool
        public var hrefs: [String?]
        public init(name: String, cssClass: String, values: [Double?], dashed: Bool = false, hrefs: [String?] = []) {
            self.name = name; self.cssClass = cssClass; self.values = values; self.dashed = dashed; self.hrefs = hrefs
        }
    }

    public var id: String
    public var title: String
    public var description: String
    public var xLabels: [String]
    public var series: [Series]
    public var format: ValueFormat
    public var width: Double
    public var height: Double

    public init(id: String, title: String, description: String, xLabels: [String], series: [Series], format: ValueFormat,
                width: Double = 640, height: Double = 280) {
        self.id = id; self.title = title; self.description = description; self.xLabels = xLabels; self.series = series
        self.format = format; self.width = width; self.height = height
    }

    /// `top` leaves the axis unit a line of its own above the highest tick's label.
    static let left = 56.0, right = 12.0, top = 32.0

    public func svg() -> String {
        let legend = Legend(items: series.map { .init(label: $0.name, cssClass: $0.cssClass, dashed: $0.dashed) })
        let legendHeight = legend.height(width: width - Self.left)
        let plotW = width - Self.left - Self.right
        let plotH = max(40, height - Self.top - 26 - legendHeight - 6)
        let maxValue = series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
        let ticks = AxisTicks.nice(max: maxValue, target: 4)
        let scaleMax = ticks.last ?? 1
        let n = max(1, xLabels.count)
        func x(_ i: Int) -> Double { Self.left + plotW * (Double(i) + 0.5) / Double(n) }
        func y(_ v: Double) -> Double { Self.top + plotH * (1 - max(0, v) / scaleMax) }
        var out = SVG.open(id: id, cssClass: "lines", width: width, height: height, title: title, description: description)
        if let unit = format.axisUnit { out += SVG.text(unit, x: 4, y: 15, cssClass: "axis-unit") }
        for t in ticks {
            out += SVG.line(x1: Self.left, y1: y(t), x2: width - Self.right, y2: y(t), cssClass: "grid")
            out += SVG.text(format.text(t), x: Self.left - 6, y: y(t) + 4, cssClass: "tick", anchor: "end")
        }
        // Every label when they fit, else every second or third, so they never run together.
        let widest = xLabels.map(TextWidth.ems).max() ?? 1
        let every = max(1, Int((widest * 12 + 6) / (plotW / Double(n))) + 1)
        for (i, l) in xLabels.enumerated() where i % every == 0 {
            out += SVG.text(l, x: x(i), y: Self.top + plotH + 18, cssClass: "label", anchor: "middle")
        }
        for s in series {
            // One polyline per unbroken run of values.
            var runs: [[(Int, Double)]] = [[]]
            for (i, v) in s.values.enumerated() {
                if let v { runs[runs.count - 1].append((i, v)) } else if !(runs.last?.isEmpty ?? true) { runs.append([]) }
            }
            for run in runs where run.count > 1 {
                out += "<polyline class=\"series \(s.cssClass)\(s.dashed ? " dashed" : "")\" points=\""
                    + run.map { "\(SVG.num(x($0.0))),\(SVG.num(y($0.1)))" }.joined(separator: " ") + "\"/>"
            }
            if !s.dashed {
                for (i, v) in s.values.enumerated() {
                    guard let v else { continue }
                    let href = i < s.hrefs.count ? s.hrefs[i] : nil
                    let label = i < xLabels.count ? xLabels[i] : String(i + 1)
                    out += SVG.linked(href, "<circle class=\"dot \(s.cssClass)\" cx=\"\(SVG.num(x(i)))\" cy=\"\(SVG.num(y(v)))\" r=\"4\">"
                        + SVG.tip("\(label) · \(s.name)：\(format.text(v))") + "</circle>")
                }
            }
        }
        out += SVG.line(x1: Self.left, y1: y(0), x2: width - Self.right, y2: y(0), cssClass: "axis")
        out += legend.svg(x: Self.left, y: height - legendHeight, width: width - Self.left)
        return SVG.finish(out)
    }
}
