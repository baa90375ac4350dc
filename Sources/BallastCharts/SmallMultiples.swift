/// Several small charts of one kind in a grid (each zone's curve, each category's colours), read
/// side by side. Each panel is a chart's own SVG, placed as a nested viewport scaled to its cell.
public enum SmallMultiples {
    public static func svg(id: String, title: String, description: String, panels: [String], columns: Int,
                           cellWidth: Double = 320, cellHeight: Double = 200) -> String {
        let columns = max(1, columns)
        let rows = (panels.count + columns - 1) / columns
        let width = Double(columns) * cellWidth, height = Double(max(1, rows)) * cellHeight
        var out = SVG.open(id: id, cssClass: "multiples", width: width, height: height, title: title, description: description)
        for (i, panel) in panels.enumerated() {
            let x = Double(i % columns) * cellWidth, y = Double(i / columns) * cellHeight
            // The panel's own <svg> keeps its viewBox; giving it a position and size nests it.
            guard let open = panel.range(of: "<svg ") else { continue }
            out += panel.replacingCharacters(in: open, with: "<svg x=\"\(SVG.num(x))\" y=\"\(SVG.num(y))\" width=\"\(SVG.num(cellWidth))\" height=\"\(SVG.num(cellHeight))\" ")
        }
        return SVG.finish(out)
    }
}
