import Foundation

/// Shares of a whole as a ring (the four warning colours, the pools): the total in the middle,
/// each slice a link, the legend beside with each share's count.
public struct DonutChart: Sendable {
    public struct Slice: Sendable {
        public var label: String
        public var value: Double
        public var cssClass: String
        public var href: String?
        public init(label: String, value: Double, cssClass: String, href: String? = nil) {
            self.label = label; self.value = value; self.cssClass = cssClass; self.href = href
        }
    }

    public var id: String
    public var title: String
    public var description: String
    public var slices: [Slice]
    public var centre: (figure: String, caption: String)
    public var format: ValueFormat
    public var width: Double

    public init(id: String, title: String, description: String, slices: [Slice], centre: (figure: String, caption: String),
                format: ValueFormat = .count, width: Double = 360) {
        self.id = id; self.title = title; self.description = description; self.slices = slices; self.centre = centre
        self.format = format; self.width = width
    }

    public func svg() -> String {
        let height = 190.0, r = 80.0, inner = 52.0, cx = 95.0, cy = 95.0
        let total = slices.reduce(0) { $0 + max(0, $1.value) }
        var out = SVG.open(id: id, cssClass: "donut", width: width, height: height, title: title, description: description)
        out += "<circle class=\"track\" cx=\"\(SVG.num(cx))\" cy=\"\(SVG.num(cy))\" r=\"\(SVG.num((r + inner) / 2))\" stroke-width=\"\(SVG.num(r - inner))\" fill=\"none\"/>"
        var angle = 0.0
        for s in slices where s.value > 0 && total > 0 {
            let sweep = s.value / total * 2 * .pi
            let share = MoneyScale.grouped(s.value / total * 100, decimals: 1)
            let path: String
            if sweep >= 2 * .pi - 1e-9 {
                // A whole ring cannot be one arc: two half rings.
                path = ring(cx: cx, cy: cy, r: r, inner: inner, from: 0, to: .pi) + " " + ring(cx: cx, cy: cy, r: r, inner: inner, from: .pi, to: 2 * .pi)
            } else {
                path = ring(cx: cx, cy: cy, r: r, inner: inner, from: angle, to: angle + sweep)
            }
            out += SVG.linked(s.href, "<path class=\"mark \(s.cssClass)\" d=\"\(path)\">" + SVG.tip("\(s.label)：\(format.text(s.value))（\(share)%）") + "</path>")
            angle += sweep
        }
        // The figure above the middle, the caption under it, clear of the figure's descenders.
        out += SVG.text(centre.figure, x: cx, y: cy + 2, cssClass: "centre-figure", anchor: "middle")
        out += SVG.text(centre.caption, x: cx, y: cy + 26, cssClass: "centre-caption", anchor: "middle")
        let lx = cx + r + 24
        for (i, s) in slices.enumerated() {
            let y = 30 + Double(i) * 26
            out += SVG.linked(s.href, SVG.rect(x: lx, y: y - 11, width: 14, height: 14, cssClass: "key \(s.cssClass)")
                + SVG.text("\(s.label) \(format.text(s.value))", x: lx + 20, y: y + 1, cssClass: "legend-text"))
        }
        return SVG.finish(out)
    }

    /// A ring segment from angle `a` to `b` (radians clockwise from twelve o'clock).
    func ring(cx: Double, cy: Double, r: Double, inner: Double, from a: Double, to b: Double) -> String {
        func p(_ radius: Double, _ t: Double) -> String { "\(SVG.num(cx + radius * sin(t))) \(SVG.num(cy - radius * cos(t)))" }
        let large = b - a > .pi ? 1 : 0
        return "M \(p(r, a)) A \(SVG.num(r)) \(SVG.num(r)) 0 \(large) 1 \(p(r, b)) L \(p(inner, b)) A \(SVG.num(inner)) \(SVG.num(inner)) 0 \(large) 0 \(p(inner, a)) Z"
    }
}
