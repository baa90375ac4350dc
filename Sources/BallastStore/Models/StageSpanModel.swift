import BallastCore
import Fluent
import Foundation

/// How long a project stood in a stage: one row per step of `stage_changes`, from its day to the
/// next step's day. Derived (`StageHistory.relink`), never edited: rebuilt from the steps
/// whenever a project's steps change. The pools on any day are the spans holding at its end.
public final class StageSpanModel: Model, @unchecked Sendable {
    public static let schema = "stage_spans"
    /// `until_on` of the span that still holds: later than any real day, so "holds at the end of
    /// D" is `from_on <= D AND until_on > D`, one index range with no NULL case.
    public static let open = "9999-12-31"

    /// The step's own id.
    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Field(key: "project_id") public var projectID: UUID
    /// As the step recorded it.
    @OptionalField(key: "from_stage") public var fromStage: String?
    @Field(key: "stage") public var stage: String
    @Field(key: "from_on") public var fromOn: String
    @Field(key: "until_on") public var untilOn: String

    public init() {}
}

/// A project's first entry into a pool and what followed (`StagePath.Entry`): the row a cohort
/// reads instead of the project's whole history. Derived like `StageSpanModel`.
public final class PoolEntryModel: Model, @unchecked Sendable {
    public static let schema = "pool_entries"

    /// The stages an entry records a first day for: every stage `Cohort.followed(after:)` can
    /// name, in column order.
    public static let reachedStages: [LifecycleStage] = [.attracting, .signed, .landed, .underConstruction]

    /// The column holding the first day a project reached `stage` after entering the pool.
    public static func reachedColumn(_ stage: LifecycleStage) -> String? {
        switch stage {
        case .attracting: "reached_attracting"
        case .signed: "reached_signed"
        case .landed: "reached_landed"
        case .underConstruction: "reached_under_construction"
        default: nil
        }
    }

    /// The column holding the whole days from entry to the day in `dayColumn` (written with it,
    /// so a cohort's histograms group by integers instead of working out dates on every read).
    public static func daysColumn(_ dayColumn: String) -> String {
        dayColumn == "left_on" ? "left_days" : dayColumn + "_days"
    }

    @ID(key: .id) public var id: UUID?
    @Field(key: "district_id") public var districtID: UUID
    @Field(key: "project_id") public var projectID: UUID
    /// The project's responsible unit, copied so that a cohort counts by unit without a seek per
    /// project; `LedgerWriter` relinks a project whose unit changes.
    @Field(key: "unit_id") public var unitID: UUID
    @Field(key: "pool") public var pool: String
    /// The project's latest step and its day: its stage on any day from then on, so a cohort
    /// followed to a day after it needs no look into the spans.
    @Field(key: "latest_stage") public var latestStage: String
    @Field(key: "latest_on") public var latestOn: CalendarDate
    @Field(key: "entered_on") public var enteredOn: CalendarDate
    @OptionalField(key: "left_on") public var leftOn: CalendarDate?
    @OptionalField(key: "reached_attracting") public var reachedAttracting: CalendarDate?
    @OptionalField(key: "reached_signed") public var reachedSigned: CalendarDate?
    @OptionalField(key: "reached_landed") public var reachedLanded: CalendarDate?
    @OptionalField(key: "reached_under_construction") public var reachedUnderConstruction: CalendarDate?

    public init() {}
}
