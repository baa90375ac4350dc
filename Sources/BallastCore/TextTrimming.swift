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
