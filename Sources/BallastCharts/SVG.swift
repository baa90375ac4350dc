import Foundation

/// Text and numbers as they go into SVG markup. Numbers are written with one decimal and never
/// as "-0.0", so the same chart always gives the same bytes (tests pin whole charts).
public enum SVG {
    public static func escape(_ s: String) -> String {
        // Byte by byte: the four are ASCII, and no byte of a multi-byte character is ASCII. Most
        // text has nothing to escape and is returned as it is; a link's "&" is the usual one.
        // (A map of 6 000 dots escapes 12 000 strings.)
        guard s.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") })
        else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// One decimal, trailing ".0" dropped: 12 → "12", 12.25 → "12.3" (rounded half away from zero).
    public static func num(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let tenths = (v * 10).rounded(.toNearestOrAwayFromZero)
        if tenths == 0 { return "0" }
        let whole = Int(tenths) / 10, frac = abs(Int(tenths) % 10)
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return frac == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(frac)"
    }

    /// The opening of a chart: size, role and the accessible name and description. `id` makes
    /// the title's and description's ids unique on a page of several charts.
    static func open(id: String, cssClass: String, width: Double, height: Double, title: String, description: String) -> String {
        let tid = "\(id)-title", did = "\(id)-desc"
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart \(escape(cssClass))\" id=\"\(escape(id))\" viewBox=\"0 0 \(num(width)) \(num(height))\""
            + " role=\"img\" aria-labelledby=\"\(escape(tid)) \(escape(did))\">"
            + "<title id=\"\(escape(tid))\">\(escape(title))</title><desc id=\"\(escape(did))\">\(escape(description))</desc>"
    }

    static let close = "</svg>"

    /// The drawing closed. One whose marks are links is a document holding them, not an image: a
    /// screen reader reaches the links, and `img` may hold nothing focusable (axe:
    /// nested-interactive). `document`, as the graphics document an SVG is; the HTML checker
    /// takes it on `svg` where it refuses `group` or `figure`.
    public static func finish(_ out: String) -> String {
        guard out.contains("<a href="), let r = out.range(of: " role=\"img\"") else { return out + close }
        return out.replacingCharacters(in: r, with: " role=\"document\"") + close
    }

    /// An element wrapped in a link when it has one: the drill-down from a chart's mark.
    static func linked(_ href: String?, _ body: String) -> String {
        guard let href else { return body }
        return "<a href=\"\(escape(href))\">\(body)</a>"
    }

    /// A mark's hover text: the `<title>` child browsers show as a tooltip, without script.
    static func tip(_ s: String) -> String { "<title>\(escape(s))</title>" }

    static func text(_ s: String, x: Double, y: Double, cssClass: String, anchor: String = "start") -> String {
        "<text class=\"\(cssClass)\" x=\"\(num(x))\" y=\"\(num(y))\"\(anchor == "start" ? "" : " text-anchor=\"\(anchor)\"")>\(escape(s))</text>"
    }

    /// Text over several lines (a wrapped label), the first at `y`.
    static func lines(_ lines: [String], x: Double, y: Double, lineHeight: Double, cssClass: String, anchor: String) -> String {
        guard lines.count > 1 else { return text(lines.first ?? "", x: x, y: y, cssClass: cssClass, anchor: anchor) }
        var out = "<text class=\"\(cssClass)\" x=\"\(num(x))\" y=\"\(num(y))\"\(anchor == "start" ? "" : " text-anchor=\"\(anchor)\"")>"
        for (i, l) in lines.enumerated() {
            out += "<tspan x=\"\(num(x))\"\(i == 0 ? "" : " dy=\"\(num(lineHeight))\"")>\(escape(l))</tspan>"
        }
        return out + "</text>"
    }

    static func rect(x: Double, y: Double, width: Double, height: Double, cssClass: String, tip: String? = nil) -> String {
        "<rect class=\"\(cssClass)\" x=\"\(num(x))\" y=\"\(num(y))\" width=\"\(num(max(0, width)))\" height=\"\(num(max(0, height)))\""
            + (tip.map { ">\(SVG.tip($0))</rect>" } ?? "/>")
    }

    static func line(x1: Double, y1: Double, x2: Double, y2: Double, cssClass: String) -> String {
        "<line class=\"\(cssClass)\" x1=\"\(num(x1))\" y1=\"\(num(y1))\" x2=\"\(num(x2))\" y2=\"\(num(y2))\"/>"
    }
}
