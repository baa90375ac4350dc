/// Where a unit's monthly report stands: a draft the unit keeps, submitted for review,
/// approved (its figures count) or returned with the office's reasons.
public enum ReportStatus: String, Sendable, CaseIterable, Codable {
    case draft, submitted, approved, returned
}
