import BallastCore
import BallastStore
import Vapor

/// One project's colour as the CLI and `GET /api/v1/warnings` give it.
struct WarningDTO: Content, Equatable {
    var code: String
    var name: String
    /// red | yellow | blue | green
    var colour: String
    var reasons: [String]
    /// Percentage points behind 时序进度, one decimal; null when not judged on investment.
    var lag: Double?
    /// The date the project has had this colour since.
    var since: String

    init(_ w: ProjectWarning, _ lang: UILanguage) {
        code = w.code; name = w.name; colour = w.outcome.colour.rawValue
        reasons = w.outcome.reasons.map { $0.text(lang) }
        lag = w.outcome.lagPoints.map { ($0 * 10).rounded() / 10 }
        since = w.since.iso
    }

    /// Worst first, then the longest-standing, then by code: the weekly meeting's order.
    static func sorted(_ ws: [ProjectWarning]) -> [ProjectWarning] {
        ws.sorted { a, b in
            if a.outcome.colour != b.outcome.colour { return a.outcome.colour > b.outcome.colour }
            if a.since != b.since { return a.since < b.since }
            return a.code < b.code
        }
    }
}
