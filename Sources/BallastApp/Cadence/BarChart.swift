import Foundation

/// A horizontal bar chart drawn as SVG by our own code (no script, no CDN): one bar per line,
/// its figure at the end, and an optional marker line such as 时序进度. Prints as it shows.
struct BarChart {
    struct Bar {
        var label: String
        var value: Double
        var text: String
        /// Drawn in the warning colour: behind the marker.
        var behind = false
    }

    var title: String
    var bars: [Bar]
    var marker: (value: Double, label: String)?

    func svg() -> String {
        let labelWidth = 190.0, plotWidth = 430.0, row = 24.0, top = 28.0
        let width = labelWidth + plotWidth + 70
        let height = top + Double(bars.count) * row + 20
        let maxValue = max(bars.map(\.value).max() ?? 0, marker?.value ?? 0, 0.0001) * 1.05
        func x(_ v: Double) -> Double { labelWidth + max(0, v) / maxValue * plotWidth }
        var out = "<svg class=\"bars\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(Self.escape(title))\" xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<text class=\"bars-title\" x=\"0\" y=\"16\">\(Self.escape(title))</text>"
        for (i, b) in bars.enumerated() {
            let y = top + Double(i) * row
            out += "<text class=\"bars-label\" x=\"\(Int(labelWidth - 8))\" y=\"\(f(y + 15))\" text-anchor=\"end\">\(Self.escape(String(b.label.prefix(14))))</text>"
            out += "<rect class=\"\(b.behind ? "bar behind" : "bar")\" x=\"\(f(labelWidth))\" y=\"\(f(y + 3))\" width=\"\(f(x(b.value) - labelWidth))\" height=\"\(f(row - 8))\"/>"
            out += "<text class=\"bars-value\" x=\"\(f(x(b.value) + 6))\" y=\"\(f(y + 15))\">\(Self.escape(b.text))</text>"
        }
        if let m = marker {
            let mx = x(m.value)
            out += "<line class=\"bars-marker\" x1=\"\(f(mx))\" y1=\"\(f(top - 4))\" x2=\"\(f(mx))\" y2=\"\(f(height - 16))\"/>"
            out += "<text class=\"bars-marker-label\" x=\"\(f(mx))\" y=\"\(f(height - 4))\" text-anchor=\"middle\">\(Self.escape(m.label))</text>"
        }
        return out + "</svg>"
    }

    func f(_ v: Double) -> String { String(format: "%.1f", v) }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
