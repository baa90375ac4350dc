import BallastCore
import Plot

/// Create and edit form. Errors are shown at the field they concern, with what was typed kept.
struct ProjectFormPage {
    var title: String
    var action: String
    var year: Int
    var version: Int?
    var values: [String: String]
    var errors: [String: String]
    var options: [ReferenceKind: [String]]
    var lang: UILanguage

    func render() -> String {
        let t = { (m: Message) in m.text(lang) }
        return Layout.page(title: title, lang: lang, section: .ledger, path: action,
            .h1(.text(title)),
            .if(!errors.isEmpty, .div(.class("alert bad"), .text(alertText))),
            .form(.method(.post), .action(attr(action + (lang == .en ? "?lang=en" : ""))), .class("card"), .csrf(),
                .input(.type(.hidden), .name("year"), .value(attr(String(year)))),
                .unwrap(version) { .input(.type(.hidden), .name("version"), .value(attr(String($0)))) },
                .div(.class("form-grid"), .forEach(LedgerColumn.allCases) { field($0) }),
                .div(.class("toolbar"), .button(.type(.submit), .text(t(UIText.save))))
            )
        )
    }

    /// Errors about a visible field are shown at the field; others (a stale version) can only
    /// be shown here, or the user would see "correct the marked fields" with nothing marked.
    var alertText: String {
        let visible = Set(LedgerColumn.allCases.map(FormValidation.fieldName))
        let elsewhere = errors.filter { !visible.contains($0.key) }.map(\.value).sorted()
        return elsewhere.isEmpty ? UIText.fixErrors.text(lang) : elsewhere.joined(separator: " ")
    }

    func field(_ column: LedgerColumn) -> Node<HTML.FormContext> {
        let name = FormValidation.fieldName(column)
        let error = errors[name]
        let required = LedgerColumn.required.contains(column)
        // In English the ledger's own header follows, since that is what the Excel sheets say.
        let chinese = column.isMoney ? column.exportHeader : column.rawValue
        let label = LedgerText.fieldLabel(english: column.englishName, chinese: chinese).text(lang) + (required ? " *" : "")
        let value = values[name] ?? ""
        let control: Node<HTML.BodyContext>
        switch column {
        case .level, .category, .zone, .unit, .stage, .nature:
            let choices: [String] = switch column {
            case .stage: LifecycleStage.allCases.map(\.rawValue)
            case .nature: ProjectNature.allCases.map(\.rawValue)
            case .level: options[.level] ?? ReferenceKind.defaultLevels
            case .category: options[.category] ?? []
            case .zone: options[.zone] ?? []
            default: options[.unit] ?? []
            }
            if column == .category || column == .zone || column == .unit {
                // Free text with suggestions: a new unit or zone may be typed, as in an import.
                control = .group(
                    .input(.type(.text), Attribute<HTML.InputContext>.name(name), .attribute(named: "id", value: name), .value(attr(value)),
                           .attribute(named: "list", value: name + "-list")),
                    .element(named: "datalist", nodes: [.id(name + "-list")] + choices.map { c in
                        Node<HTML.BodyContext>.element(named: "option", attributes: [Attribute<HTML.BodyContext>.attribute(named: "value", value: attr(c))])
                    }))
            } else {
                control = .select(.attribute(named: "name", value: name), .attribute(named: "id", value: name),
                    .choice("", "—"),
                    .forEach(choices) { c in .choice(c, c, selected: c == value) })
            }
        case .content:
            control = .textarea(.name(name), .id(name), .rows(3), .text(value))
        case .plannedStart, .plannedEnd:
            control = .input(.type(.date), .name(name), .attribute(named: "id", value: name), .value(attr(value)))
        default:
            control = .input(.type(.text), .name(name), .attribute(named: "id", value: name), .value(attr(value)))
        }
        return .div(.class(error == nil ? "field" : "field invalid"),
                    .label(.for(name), .text(label)),
                    .component(control),
                    .unwrap(error) { .div(.class("error"), .text($0)) })
    }
}
