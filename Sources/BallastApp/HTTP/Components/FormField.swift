import Plot

/// Form controls shared by the pages, so a field looks and behaves the same on every form.
enum FormField {
    /// A text input inside its label, as the compact (filter-style) forms write it: the pool
    /// move, the enterprise, lead and problem forms.
    static func inline(_ name: String, _ label: String, _ value: String? = nil, size: Int = 14,
                       type: HTMLInputType = .text) -> Node<HTML.FormContext> {
        .label(.text(label), .input(.type(type), .name(name), .value(attr(value ?? "")), .attribute(named: "size", value: String(size))))
    }
}
