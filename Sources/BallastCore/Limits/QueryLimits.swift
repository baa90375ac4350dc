/// How much a URL's query may carry. Every filter and search text looks for a name or a word,
/// so none needs to be longer than the longest name a ledger may hold; a form sends a few dozen
/// parameters at most. Past these bounds the request is refused with the parameter named,
/// before any route reads it.
public enum QueryLimits {
    public static let maxParameters = 64
    public static let maxValueCharacters = TableLimits.maxNameCharacters
}
