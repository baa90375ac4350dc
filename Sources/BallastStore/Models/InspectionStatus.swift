import Foundation

/// A tour's state: reviewers score while it is `planned`; once `closed` its scores are final.
public enum InspectionStatus: String, Sendable, Codable {
    case planned
    case closed
}
