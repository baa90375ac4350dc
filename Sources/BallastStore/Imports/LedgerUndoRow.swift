import Foundation

/// One row an applied ledger import touched, as undoing it needs it: the project, what it was
/// before (nil when the import created it), and the versions the import left, so an undo can
/// tell that nothing changed the row since.
public struct LedgerUndoRow: Codable, Sendable, Equatable {
    public var projectID: UUID
    public var code: String
    /// The project and its year plan before the import; nil for a project the import created.
    public var before: ProjectSnapshot?
    /// True when the import gave an existing project its plan for the year.
    public var planCreated: Bool
    public var projectVersion: Int
    public var planVersion: Int?

    public init(projectID: UUID, code: String, before: ProjectSnapshot?, planCreated: Bool, projectVersion: Int, planVersion: Int?) {
        self.projectID = projectID; self.code = code; self.before = before; self.planCreated = planCreated
        self.projectVersion = projectVersion; self.planVersion = planVersion
    }
}
