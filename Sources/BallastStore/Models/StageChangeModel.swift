import BallastCore
import Fluent
import Foundation

/// One dated step of a project's lifecycle. Kept forever: "when did it start" and "how long
/// did it sit in 招引" are read from here.
public final class StageChangeModel: Model, @unchecked Sendable {
    public static let schema = "stage_changes"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "project_id") public var project: ProjectModel
    @OptionalField(key: "from_stage") public var fromStage: String?
    @Field(key: "to_stage") public var toStage: String
    /// The calendar day the change took effect (YYYY-MM-DD).
    @Field(key: "effective_on") public var effectiveOn: CalendarDate
    @Field(key: "actor") public var actor: String
    @OptionalField(key: "note") public var note: String?
    /// For a pool step: what it showed (`PoolMove.Evidence` as JSON).
    @OptionalField(key: "evidence") public var evidence: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(id: UUID? = UUID(), projectID: UUID, from: String?, to: String, effectiveOn: CalendarDate, actor: String,
                note: String? = nil) {
        self.id = id; self.$project.id = projectID; self.fromStage = from; self.toStage = to
        self.effectiveOn = effectiveOn; self.actor = actor; self.note = note
    }
}
