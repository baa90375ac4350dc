/// How wide a label is and how to break it, without a font at hand. Chinese characters (and
/// other wide characters) take a full em; Latin letters, digits and punctuation about half. The
/// estimate is generous, so a label measured to fit does fit in Noto Sans CJK.
public enum TextWidth {
    /// The label's width in ems.
    public static func ems(_ s: String) -> Double {
        s.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 1.0 : 0.6) }
    }

    static func isWide(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The label broken into at most `maxLines` lines of at most `maxEms` each; a label longer
    /// than that ends in "…" (the whole label stays in the mark's tooltip). Breaks fall between
    /// characters, as Chinese is set; a Latin word is kept whole where it fits on a line.
    public static func wrap(_ s: String, maxEms: Double, maxLines: Int) -> [String] {
        guard maxLines > 0, maxEms > 0 else { return [] }
        var lines: [String] = []
        var current = "", width = 0.0
        var tokens: [String] = []
        // Tokens: a run of Latin letters and digits stays together; anything else is one token.
        var word = ""
        for ch in s {
            if ch.isASCII && (ch.isLetter || ch.isNumber) { word.append(ch); continue }
            if !word.isEmpty { tokens.append(word); word = "" }
            tokens.append(String(ch))
        }
        if !word.isEmpty { tokens.append(word) }
        for token in tokens {
            let w = ems(token)
            if width + w > maxEms && !current.isEmpty {
                lines.append(current.trimmingSpaces)
                current = ""; width = 0
            }
            if w > maxEms {
                // A single token wider than a line is broken by character.
                for ch in token {
                    let cw = ems(String(ch))
                    if width + cw > maxEms && !current.isEmpty { lines.append(current); current = ""; width = 0 }
                    current.append(ch); width += cw
                }
            } else if !(current.isEmpty && token == " ") {
                current += token; width += w
            }
        }
        if !current.isEmpty { lines.append(current.trimmingSpaces) }
        guard lines.count > maxLines else { return lines }
        var kept = Array(lines.prefix(maxLines))
        var last = kept[maxLines - 1]
        while !last.isEmpty && ems(last) + 1 > maxEms { last.removeLast() }
        kept[maxLines - 1] = last + "…"
        return kept
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
