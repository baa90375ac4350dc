import BallastCore
import BallastStore
import Vapor

/// `/reports`'s queue: `?status=` (all, submitted, missing, returned, draft, approved) and
/// `?unit=`; submitted reports first for whoever reviews them. The filters travel with every
/// action on the page, so after approving or returning one the reviewer stays in the same queue.
struct ReportsFilter: Equatable {
    enum Status: String, CaseIterable {
        case all, submitted, missing, returned, draft, approved

        func admits(_ r: MonthReportRow) -> Bool {
            switch self {
            case .all: true
            case .missing: r.status == nil
            case .submitted: r.status == .submitted
            case .returned: r.status == .returned
            case .draft: r.status == .draft
            case .approved: r.status == .approved
            }
        }
    }

    var status: Status = .all
    var unit: String?
    /// The colour a row's project would have with the month's figure approved (`?colour=`).
    var colour: WarningColour?

    init(status: Status = .all, unit: String? = nil, colour: WarningColour? = nil) {
        self.status = status; self.unit = unit; self.colour = colour
    }

    init(_ req: Request) throws {
        if let raw = req.param("status")?.trimmed, !raw.isEmpty {
            guard let s = Status(rawValue: raw) else {
                throw BallastError.badParameter("status", zh: "status 只能是 all、submitted、missing、returned、draft、approved",
                                                en: "status must be all, submitted, missing, returned, draft or approved")
            }
            status = s
        }
        unit = req.param("unit")?.trimmed.nilIfEmpty
        colour = try RequestParameters.colour(req)
    }

    /// The rows asked for; submitted first when `reviewing`, then by unit and code as listed.
    func apply(_ rows: [MonthReportRow], reviewing: Bool, colours: [UUID: WarningOutcome] = [:]) -> [MonthReportRow] {
        let kept = rows.filter { status.admits($0) && (unit == nil || $0.unit == unit)
            && (colour == nil || colours[$0.projectID]?.colour == colour) }
        guard reviewing else { return kept }
        return kept.filter { $0.status == .submitted } + kept.filter { $0.status != .submitted }
    }

    /// The query that keeps the filters (without `month`), for links and form actions.
    var query: String {
        var q = ""
        if status != .all { q += "&status=" + status.rawValue }
        if let unit { q += "&unit=" + PageQuery.encode(unit) }
        if let colour { q += "&colour=" + colour.rawValue }
        return q
    }
}
