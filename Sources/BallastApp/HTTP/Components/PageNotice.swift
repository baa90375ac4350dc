/// What a posted form did, or why it was refused, shown above the page it returns to.
struct PageNotice: Sendable, Equatable {
    var ok: Bool
    var text: String
    /// Shown once under the text, for copying: a temporary password, a new API token.
    var secret: String?

    init(ok: Bool, text: String, secret: String? = nil) { self.ok = ok; self.text = text; self.secret = secret }

    static func done(_ text: String) -> PageNotice { PageNotice(ok: true, text: text) }
    static func refused(_ text: String) -> PageNotice { PageNotice(ok: false, text: text) }
}
