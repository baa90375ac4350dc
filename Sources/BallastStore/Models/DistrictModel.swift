import BallastCore
import Fluent
import Foundation

/// A district government: the tenant every other row belongs to.
public final class DistrictModel: Model, @unchecked Sendable {
    public static let schema = "districts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String
    @Field(key: "time_zone") public var timeZone: String
    /// A date the district's clock stands still at (the demo's 2023-06-30), or nil for real time.
    @OptionalField(key: "frozen_on") public var frozenOn: CalendarDate?
    /// The district's 6-digit administrative division code (GB/T 2260; 410103 for 二七区): a
    /// 项目代码 must name a division of the same city.
    @OptionalField(key: "division_code") public var divisionCode: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    /// The district's data version (`DataVersion`) as read with the caller at the start of a
    /// request; nil when the row came another way. Not a Fluent field on purpose: a district
    /// saved through Fluent (its frozen day, its division code) must never write back a version
    /// it read earlier. Only `DataVersion` and `writeTransaction` move it.
    public var dataVersion: Int64?

    public init() {}

    public init(id: UUID? = nil, code: String, name: String, timeZone: String = "Asia/Shanghai", frozenOn: CalendarDate? = nil) {
        self.id = id; self.code = code; self.name = name; self.timeZone = timeZone; self.frozenOn = frozenOn
    }
}
