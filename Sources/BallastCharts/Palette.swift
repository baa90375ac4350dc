/// Chart colours are CSS classes, not inline fills: the page's light theme and the big screen's
/// dark theme colour the same markup, and each theme's stylesheet keeps its text readable
/// against its background. `series(i)` cycles through eight.
public enum Palette {
    public static func series(_ i: Int) -> String { "s\(((i % 8) + 8) % 8)" }
}
