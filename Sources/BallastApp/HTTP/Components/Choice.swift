import Plot

extension Node where Context: HTMLOptionListContext {
    /// An `<option>` with its text as content and a closing tag. Plot writes an option made of
    /// attributes alone as `<option value… label…/>`, which HTML does not allow on a non-void
    /// element (the Nu checker's error on every select, issue 24), and some readers ignore the
    /// `label` attribute.
    static func choice(_ value: String, _ label: String? = nil, selected: Bool = false) -> Node {
        .element(named: "option", nodes: [
            Node<HTML.OptionContext>.attribute(named: "value", value: attr(value), ignoreIfValueIsEmpty: false),
            selected ? .attribute(named: "selected", value: "selected") : .empty,
            .text(label ?? value),
        ])
    }
}
