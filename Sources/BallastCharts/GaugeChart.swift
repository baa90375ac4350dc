import Foundation

/// A half-dial for a rate against where it should be: the completion rate filled along the arc,
/// a needle-like tick at 时序进度, the rate written in the middle. The arc reads 0 to `maxRatio`
/// (a rate above it is drawn full and written as it is).
public struct GaugeChart: Sendable {
    public var id: String
    public var title: String
    public var description: String
    public var ratio: Double
    public var target: (ratio: Double, label: String)?
    public var caption: String
    public var maxRatio: Double
    /// Where the figure links to. A rate short of the target is marked "behind", which the
    /// stylesheet colours as a warning.
    public var href: String?

    public init(id: String, title: String, description: String, ratio: Double, target: (ratio: Double, label: String)?,
                caption: String, maxRatio: Double = 1, href: String? = nil) {
        self.id = id; self.title = title; self.description = description; self.ratio = ratio; self.target = target
        self.caption = caption; self.maxRatio = maxRatio; self.href = href
    }

    public func svg() -> String {
        // The target's label has a row of its own above the arc, so it is never cut off at the
        // top or, at the year's end (100%), at the right.
        let width = 260.0, height = 192.0, cx = 130.0, cy = 152.0, r = 100.0, thickness = 22.0
        let behind = target.map { ratio < $0.ratio } ?? false
        func point(_ share: Double, _ radius: Double) -> (Double, Double) {
            let t = Double.pi * (1 - min(max(share, 0), 1))
            return (cx + radius * cos(t), cy - radius * sin(t))
        }
        func arc(_ from: Double, _ to: Double) -> String {
            let (x0, y0) = point(from, r), (x1, y1) = point(to, r)
            return "M \(SVG.num(x0)) \(SVG.num(y0)) A \(SVG.num(r)) \(SVG.num(r)) 0 0 1 \(SVG.num(x1)) \(SVG.num(y1))"
        }
        var out = SVG.open(id: id, cssClass: "gauge", width: width, height: height, title: title, description: description)
        out += "<path class=\"track\" d=\"\(arc(0, 1))\" stroke-width=\"\(SVG.num(thickness))\" fill=\"none\"/>"
        let share = maxRatio > 0 ? ratio / maxRatio : 0
        if share > 0 {
            out += "<path class=\"fill\(behind ? " behind" : "")\" d=\"\(arc(0, min(share, 1)))\" stroke-width=\"\(SVG.num(thickness))\" fill=\"none\">"
                + SVG.tip("\(caption)：\(ValueFormat.percent.text(ratio))") + "</path>"
        }
        if let target {
            let s = maxRatio > 0 ? target.ratio / maxRatio : 0
            let (x0, y0) = point(s, r - thickness / 2 - 6), (x1, y1) = point(s, r + thickness / 2 + 6)
            out += "<line class=\"target\" x1=\"\(SVG.num(x0))\" y1=\"\(SVG.num(y0))\" x2=\"\(SVG.num(x1))\" y2=\"\(SVG.num(y1))\">"
                + SVG.tip("\(target.label)：\(ValueFormat.percent.text(target.ratio))") + "</line>"
            let label = "\(target.label) \(ValueFormat.percent.text(target.ratio))"
            let half = TextWidth.ems(label) * 12 / 2 + 2
            out += SVG.text(label, x: min(max(x1, half), width - half), y: 16, cssClass: "target-label", anchor: "middle")
        }
        out += SVG.linked(href, SVG.text(ValueFormat.percent.text(ratio), x: cx, y: cy - 12, cssClass: "gauge-figure\(behind ? " behind" : "")", anchor: "middle"))
        out += SVG.text(caption, x: cx, y: cy + 20, cssClass: "gauge-caption", anchor: "middle")
        return SVG.finish(out)
    }
}
