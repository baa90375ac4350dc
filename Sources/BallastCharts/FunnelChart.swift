/// Stages narrowing down (储备 → 前期 → 签约 → 开工 → 竣工): a band per stage, as wide as its
/// count against the widest, with its target marked where there is one. Each band links.
public struct FunnelChart: Sendable {
    public struct Stage: Sendable {
        public var label: String
        public var value: Double
        public var target: Double?
        public var cssClass: String
        public var href: String?
        public init(label: String, value: Double, target: Double? = nil, cssClass: String, href: String? = nil) {
            self.label = label; self.value = value; self.target = target; self.cssClass = cssClass; self.href = href
        }
    }

    public var id: String
    public var title: String
    public var description: String
    public var stages: [Stage]
    public var format: ValueFormat
    public var width: Double

    public init(id: String, title: String, description: String, stages: [Stage], format: ValueFormat = .count, width: Double = 480) {
        self.id = id; self.title = title; self.description = description; self.stages = stages; self.format = format; self.width = width
    }

    public func svg() -> String {
        let row = 34.0, valueW = 120.0
        // As wide as the longest stage name needs (English names are longer than Chinese ones).
        let labelW = 14 + max(4, stages.map { TextWidth.ems($0.label) }.max() ?? 4) * 12
        let height = Double(stages.count) * row + 8
        let plot = width - labelW - valueW
        let widest = max(stages.map { max($0.value, $0.target ?? 0) }.max() ?? 0, 1)
        let centre = labelW + plot / 2
        var out = SVG.open(id: id, cssClass: "funnel", width: width, height: height, title: title, description: description)
        for (i, s) in stages.enumerated() {
            let y = 4 + Double(i) * row
            // A band never thinner than a sliver, so a stage with few items can still be clicked.
            let w = max(6, plot * max(0, s.value) / widest)
            out += SVG.text(s.label, x: labelW - 8, y: y + 21, cssClass: "label", anchor: "end")
            out += SVG.linked(s.href, SVG.rect(x: centre - w / 2, y: y + 3, width: w, height: row - 6, cssClass: "mark \(s.cssClass)",
                                               tip: "\(s.label)：\(format.text(s.value))\(s.target.map { " / 目标 \(format.text($0))" } ?? "")"))
            if let t = s.target {
                let tw = plot * t / widest
                out += SVG.line(x1: centre - tw / 2, y1: y + 1, x2: centre - tw / 2, y2: y + row - 1, cssClass: "target")
                out += SVG.line(x1: centre + tw / 2, y1: y + 1, x2: centre + tw / 2, y2: y + row - 1, cssClass: "target")
            }
            let figure = format.text(s.value) + (s.target.map { " / \(format.text($0))" } ?? "")
            out += SVG.text(figure, x: labelW + plot + 8, y: y + 21, cssClass: "value")
        }
        return SVG.finish(out)
    }
}
