import Plot

/// Form controls shared by the pages, so a field looks and behaves the same on every form.
enum FormField {
    /// A filter's choice: an "all" option first (value ""), then the values, the current one
    /// selected. Options are (value, label) so a page can show names and send codes.
    static func select(_ name: String, _ label: String, _ options: [(value: String, label: String)], selected: String?,
                       all: String) -> Node<HTML.FormContext> {
        .label(.text(label), .select(.attribute(named: "name", value: name),
            .choice("", all, selected: selected == nil || selected == ""),
            .forEach(options) { o in .choice(o.value, o.label, selected: o.value == selected) }))
    }

    /// A text input inside its label, as the compact (filter-style) forms write it: the pool
    /// move, the enterprise, lead and problem forms.
    static func inline(_ name: String, _ label: String, _ value: String? = nil, size: Int = 14,
                       type: HTMLInputType = .text) -> Node<HTML.FormContext> {
        // `size` belongs to text-like inputs only; HTML refuses it on a date or a number.
        .label(.text(label), .input(.type(type), .name(name), .value(attr(value ?? "")),
                                    .unwrap(type == .text || type == .search ? String(size) : nil) { .attribute(named: "size", value: $0) }))
    }
}
