import Plot

/// The navigation's icons, drawn for Ballast as 24-unit line drawings in the text's colour:
/// served inline with the page, so nothing is fetched.
enum NavIcon {
    case work, dashboard, map, table, ledger, report, light, pipeline, flag, lead, enterprise, problem, document, inbox
    case upload, list, users, audit, rollup, key, robot, stamp, statistics, elements

    var path: String {
        switch self {
        case .work: "M4 5h16v14H4z M8 9h8 M8 13h5 M4 9h0"
        case .dashboard: "M4 13a8 8 0 0 1 16 0 M12 13l4-4 M4 17h16"
        case .map: "M3 6l6-2 6 2 6-2v14l-6 2-6-2-6 2z M9 4v14 M15 6v14"
        case .table: "M4 5h16v14H4z M4 10h16 M4 15h16 M10 5v14"
        case .ledger: "M6 3h9l4 4v14H6z M14 3v5h5 M9 12h7 M9 16h7"
        case .report: "M5 20V10 M10 20V5 M15 20v-7 M20 20V8"
        case .light: "M12 3a6 6 0 0 1 4 10.5V17H8v-3.5A6 6 0 0 1 12 3z M9 20h6"
        case .pipeline: "M3 4h18l-6 8v6l-6 2v-8z"
        case .flag: "M5 21V4 M5 4h11l-2 4 2 4H5"
        case .lead: "M12 21s-7-6-7-11a7 7 0 0 1 14 0c0 5-7 11-7 11z M12 10h0"
        case .enterprise: "M4 21V8l6-4v17 M10 21V10l10 3v8 M3 21h18"
        case .problem: "M12 3l9 16H3z M12 10v4 M12 17h0"
        case .document: "M6 3h12v18H6z M9 8h6 M9 12h6 M9 16h4"
        case .inbox: "M4 6h16v12H4z M4 6l8 7 8-7"
        case .upload: "M12 16V4 M7 9l5-5 5 5 M4 20h16"
        case .list: "M8 6h12 M8 12h12 M8 18h12 M4 6h0 M4 12h0 M4 18h0"
        case .users: "M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6z M3 20c0-3 3-5 6-5s6 2 6 5 M16 5a3 3 0 0 1 0 6 M18 15c2 1 3 3 3 5"
        case .audit: "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z M12 7v5l3 3"
        case .rollup: "M12 3l9 5-9 5-9-5z M3 13l9 5 9-5"
        case .stamp: "M9 4h6v6l3 3v3H6v-3l3-3z M5 20h14"
        case .statistics: "M4 20h16 M5 16l4-5 3 3 6-8 M15 6h3v3"
        case .elements: "M12 3v18 M8 7h6a3 3 0 0 1 0 6H9a3 3 0 0 0 0 6h7"
        case .key: "M8 15a4 4 0 1 0 0-8 4 4 0 0 0 0 8z M12 11h9 M18 11v3 M21 11v2"
        case .robot: "M5 9h14v10H5z M12 9V5 M12 5h0 M9 14h0 M15 14h0 M3 13v3 M21 13v3"
        }
    }

    /// The icon as inline SVG, for any element that holds phrasing content.
    var svg: String {
        ("<svg class=\"icon\" viewBox=\"0 0 24 24\" width=\"16\" height=\"16\" aria-hidden=\"true\" focusable=\"false\">"
             + "<path d=\"\(path)\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.8\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/></svg>")
    }
}
