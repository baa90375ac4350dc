/// A page of a list, bounded so that the offset it asks for can always be computed: a page
/// number from a link (`page=92233720368547758`) once overflowed the multiplication and
/// stopped the server (issue 19).
public struct Paging: Sendable, Equatable {
    /// No list in a district or a province has more pages than this at any page size.
    public static let maxPage = 100_000
    /// No list shows more rows than this on one page (an export of the audit trail reads one
    /// page of this size).
    public static let maxPerPage = 100_000

    public let page: Int
    public let perPage: Int

    /// Holds both within their bounds (1…maxPage, 1…maxPerPage).
    public init(page: Int, perPage: Int) {
        self.page = min(max(page, 1), Self.maxPage)
        self.perPage = min(max(perPage, 1), Self.maxPerPage)
    }

    /// Rows before this page: at most 10¹⁰, well inside any Int.
    public var offset: Int { (page - 1) * perPage }
}
