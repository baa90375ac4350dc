extension String {
    /// Whitespace and line breaks cut from both ends. Foundation's `trimmingCharacters(in:)`
    /// goes through NSString on Linux and cost a tenth of a 10 000-row import; most cells have
    /// nothing to trim, and this returns those untouched.
    public var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return "" }
        if !first.properties.isWhitespace && !last.properties.isWhitespace { return self }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end && scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start && scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }

    /// nil for an empty string: an empty form field means "not given".
    public var nilIfEmpty: String? { isEmpty ? nil : self }
}

extension String {
    /// The text with each run of ASCII word characters (`isWordCharacter`) passed through
    /// `replace`: how a stored sentence gets people's names for accounts ("登录 office") and
    /// words for codes ("submitted → approved") without touching the Chinese around them.
    public func replacingASCIIWords(where isWordCharacter: (Character) -> Bool = { $0.isASCII && $0.isLetter },
                                    _ replace: (String) -> String) -> String {
        guard contains(where: { $0.isASCII && $0.isLetter }) else { return self }
        var out = "", word = ""
        for ch in self {
            if isWordCharacter(ch) { word.append(ch); continue }
            if !word.isEmpty { out += replace(word); word = "" }
            out.append(ch)
        }
        if !word.isEmpty { out += replace(word) }
        return out
    }
}

extension String {
    /// Whether anything would show: a character that is neither white space nor one of the marks
    /// that draw nothing (zero-width space and joiners, word joiner, byte order mark, the
    /// bidirectional marks). A field of only those is empty to its reader.
    public var hasVisibleText: Bool {
        unicodeScalars.contains { !$0.properties.isWhitespace && !Self.drawsNothing($0) }
    }

    /// Whether it holds a control character other than a line break or a tab (a NUL cuts a
    /// stored text short; none belongs in what people write).
    public var hasControlCharacters: Bool {
        unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" && $0 != "\r" }
    }

    static func drawsNothing(_ s: Unicode.Scalar) -> Bool {
        s.properties.generalCategory == .format || (0x200B...0x200F).contains(s.value) || (0x2060...0x206F).contains(s.value) || s.value == 0xFEFF
    }
}
