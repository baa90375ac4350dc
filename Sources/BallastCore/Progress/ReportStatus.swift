/// Where a unit's monthly report stands: a draft the unit keeps, submitted for review,
/// approved (its figures count) or returned with the office's reasons.
public enum ReportStatus: String, Sendable, CaseIterable, Codable {
    case draft, submitted, approved, returned
}

/// Where a month's report stands for every figure that counts reports: the notices, both
/// bulletins, the ranking and `/reports` all judge by this (issue 21: a report submitted on time
/// and then returned was on time for the ranking, not late for the bulletins, missing for the
/// notices and not reported on `/reports`).
/// - *In* (已报): submitted or approved; a draft or a returned report is not in.
/// - *On time* (按时报送): in, and submitted by the reporting day.
/// A project that owes the report (`ReportsOwed`) and has none is neither.
public enum ReportStanding {
    public static let inStatuses: [ReportStatus] = [.submitted, .approved]

    public static func isIn(_ status: ReportStatus?) -> Bool { status.map(inStatuses.contains) ?? false }

    public static func isOnTime(_ status: ReportStatus?, late: Bool) -> Bool { isIn(status) && !late }
}

