import BallastCore
import Fluent
import Foundation

/// One step of a scheduled job for one district and day (`JobRuns`). Times are the database
/// clock's seconds since 1970 (`DatabaseClock`), stored as numbers so both databases compare
/// them alike.
public final class JobRunModel: Model, @unchecked Sendable {
    public static let schema = "job_runs"

    @ID(key: .id) public var id: UUID?
    @Field(key: "job") public var job: String
    @Field(key: "step") public var step: String
    @Field(key: "district_id") public var districtID: UUID
    @Field(key: "run_on") public var runOn: CalendarDate
    /// running, done or failed.
    @Field(key: "status") public var status: String
    @Field(key: "attempts") public var attempts: Int
    @Field(key: "started_at") public var startedAt: Double
    @OptionalField(key: "finished_at") public var finishedAt: Double?
    @OptionalField(key: "detail") public var detail: String?
    @OptionalField(key: "error") public var error: String?

    public init() {}
}
