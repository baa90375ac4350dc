import Plot

/// Form controls shared by the pages, so a field looks and behaves the same on every form.
enum FormField {
    /// A filter's choice: an "all" option first (value ""), then the values, the current one
    /// selected. Options are (value, label) so a page can show names and send codes.
    static func select(_ name: String, _ label: String, _ options: [(value: String, label: String)], selected: String?,
                       all: String) -> Node<HTML.FormContext> {
        .label(.text(label), .select(.attribute(named: "name", value: name),
            .option(.value(""), .label(attr(all)), .isSelected(selected == nil || selected == "")),
            .forEach(options) { o in .option(.value(attr(o.value)), .label(attr(o.label)), .isSelected(o.value == selected)) }))
    }

    /// A text input inside its label, as the compact (filter-style) forms write it: the pool
    /// move, the enterprise, lead and problem forms.
    static func inline(_ name: String, _ label: String, _ value: String? = nil, size: Int = 14,
                       type: HTMLInputType = .text) -> Node<HTML.FormContext> {
        .label(.text(label), .input(.type(type), .name(name), .value(attr(value ?? "")), .attribute(named: "size", value: String(size))))
    }
}
