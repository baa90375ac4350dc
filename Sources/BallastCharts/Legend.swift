/// A row of swatches and names, wrapped onto as many lines as the width needs.
public struct Legend: Sendable {
    public struct Item: Sendable {
        public var label: String
        public var cssClass: String
        public var dashed: Bool
        public init(label: String, cssClass: String, dashed: Bool = false) {
            self.label = label; self.cssClass = cssClass; self.dashed = dashed
        }
    }

    public var items: [Item]
    public init(items: [Item]) { self.items = items }

    static let fontSize = 12.0, rowHeight = 18.0

    /// The height the legend needs at `width`.
    func height(width: Double) -> Double { Double(layout(width: width).last.map { $0.row + 1 } ?? 0) * Self.rowHeight }

    func layout(width: Double) -> [(item: Item, x: Double, row: Int)] {
        var x = 0.0, row = 0
        var out: [(Item, Double, Int)] = []
        for item in items {
            let w = 22 + TextWidth.ems(item.label) * Self.fontSize + 14
            if x > 0 && x + w > width { x = 0; row += 1 }
            out.append((item, x, row)); x += w
        }
        return out
    }

    /// The legend's marks with its top-left corner at (`x`, `y`).
    func svg(x left: Double, y top: Double, width: Double) -> String {
        var out = "<g class=\"legend\">"
        for (item, x, row) in layout(width: width) {
            let y = top + Double(row) * Self.rowHeight
            if item.dashed {
                out += SVG.line(x1: left + x, y1: y + 9, x2: left + x + 16, y2: y + 9, cssClass: "\(item.cssClass) key-line dashed")
            } else {
                out += SVG.rect(x: left + x, y: y + 3, width: 16, height: 12, cssClass: "\(item.cssClass) key")
            }
            out += SVG.text(item.label, x: left + x + 22, y: y + 13, cssClass: "legend-text")
        }
        return out + "</g>"
    }
}
