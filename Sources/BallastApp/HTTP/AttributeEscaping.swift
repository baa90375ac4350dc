/// Plot escapes text nodes but writes attribute values as given, so a name with a `"` in it
/// would end the attribute and could start a new one (`" onfocus="…`). Every attribute value
/// that may hold data goes through this first; `PageTests` feeds markup and quotes through
/// every field to prove it.
func attr(_ value: String) -> String {
    var out = ""
    out.reserveCapacity(value.utf8.count)
    for ch in value.unicodeScalars {
        switch ch {
        case "&": out += "&amp;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        default: out.unicodeScalars.append(ch)
        }
    }
    return out
}
