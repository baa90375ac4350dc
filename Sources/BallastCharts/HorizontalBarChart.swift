/// Bars across the page, one a line, for long labels (units, categories): a bar of several
/// segments is stacked; a marker line (such as 时序进度) crosses them all. Every segment may link
/// to the items behind it.
public struct HorizontalBarChart: Sendable {
    public struct Segment: Sendable {
        public var value: Double
        public var cssClass: String
        public var href: String?
        public var tip: String?
        public init(value: Double, cssClass: String, href: String? = nil, tip: String? = nil) {
            self.value = value; self.cssClass = cssClass; self.href = href; self.tip = tip
        }
    }

    public struct Bar: Sendable {
        public var label: String
        public var segments: [Segment]
        /// The figure written after the bar; the values' total in `format` when nil.
        public var text: String?
        public var href: String?
        public init(label: String, segments: [Segment], text: String? = nil, href: String? = nil) {
            self.label = label; self.segments = segments; self.text = text; self.href = href
        }
        public var total: Double { segments.reduce(0) { $0 + max(0, $1.value) } }
    }

    public var id: String
    public var title: String
    public var description: String
    public var bars: [Bar]
    public var format: ValueFormat
    public var marker: (value: Double, label: String)?
    public var legend: Legend?
    public var width: Double
    /// Room for the labels, in ems; longer labels wrap onto two lines, then end in "…".
    public var labelEms: Double

    public init(id: String, title: String, description: String, bars: [Bar], format: ValueFormat,
                marker: (value: Double, label: String)? = nil, legend: Legend? = nil, width: Double = 640, labelEms: Double = 9) {
        self.id = id; self.title = title; self.description = description; self.bars = bars; self.format = format
        self.marker = marker; self.legend = legend; self.width = width; self.labelEms = labelEms
    }

    static let font = 13.0, row = 30.0, top = 8.0

    public func svg() -> String {
        let labelWidth = labelEms * Self.font + 10
        // Room after the longest bar for its figure, measured, so a long figure is never cut off.
        let valueRoom = 14 + (bars.map { TextWidth.ems($0.text ?? format.text($0.total)) }.max() ?? 4) * 12
        let plot = max(40, width - labelWidth - valueRoom)
        let legendHeight = legend?.height(width: width) ?? 0
        let barsHeight = Double(bars.count) * Self.row
        let height = Self.top + barsHeight + (marker == nil ? 4 : 22) + (legendHeight > 0 ? legendHeight + 8 : 0)
        let top = max(bars.map(\.total).max() ?? 0, marker?.value ?? 0)
        let scaleMax = top > 0 ? top * 1.02 : 1
        func x(_ v: Double) -> Double { labelWidth + max(0, v) / scaleMax * plot }
        var out = SVG.open(id: id, cssClass: "hbar", width: width, height: height, title: title, description: description)
        if bars.isEmpty {
            out += SVG.text("暂无数据 / No data", x: width / 2, y: Self.top + 16, cssClass: "empty", anchor: "middle")
        }
        for (i, bar) in bars.enumerated() {
            let y = Self.top + Double(i) * Self.row
            let lines = TextWidth.wrap(bar.label, maxEms: labelEms, maxLines: 2)
            let labelY = lines.count > 1 ? y + 12 : y + 19
            out += SVG.linked(bar.href, "<g class=\"bar-label\">" + SVG.tip(bar.label)
                + SVG.lines(lines, x: labelWidth - 8, y: labelY, lineHeight: 13, cssClass: "label", anchor: "end") + "</g>")
            var start = 0.0
            for s in bar.segments where s.value > 0 {
                let x0 = x(start), x1 = x(start + s.value)
                out += SVG.linked(s.href, SVG.rect(x: x0, y: y + 6, width: x1 - x0, height: Self.row - 12, cssClass: "mark \(s.cssClass)",
                                                   tip: "\(bar.label)：\(s.tip ?? format.text(s.value))"))
                start += s.value
            }
            out += SVG.text(bar.text ?? format.text(bar.total), x: x(start) + 6, y: y + 19, cssClass: "value")
        }
        if let m = marker {
            let mx = x(m.value)
            out += SVG.line(x1: mx, y1: Self.top - 2, x2: mx, y2: Self.top + barsHeight + 2, cssClass: "marker")
            out += SVG.text(m.label, x: mx, y: Self.top + barsHeight + 16, cssClass: "marker-label", anchor: "middle")
        }
        if let legend {
            out += legend.svg(x: 0, y: height - legendHeight, width: width)
        }
        return SVG.finish(out)
    }
}
