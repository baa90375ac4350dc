import BallastCore
import Fluent
import Foundation

/// A person who signs in. PasswordHashing are stored only as bcrypt hashes.
public final class UserModel: Model, @unchecked Sendable {
    public static let schema = "users"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "district_id") public var district: DistrictModel
    @Field(key: "username") public var username: String
    @Field(key: "display_name") public var displayName: String
    @Field(key: "password_hash") public var passwordHash: String
    /// Comma-separated `Role` raw values.
    @Field(key: "roles") public var roles: String
    /// For 责任单位 users: the unit whose projects they see and edit.
    @OptionalParent(key: "unit_id") public var unit: ReferenceEntryModel?
    @Field(key: "must_change_password") public var mustChangePassword: Bool
    @Field(key: "disabled") public var disabled: Bool
    @Field(key: "failed_attempts") public var failedAttempts: Int
    @OptionalField(key: "locked_until") public var lockedUntil: Date?
    @Field(key: "version") public var version: Int
    /// The project list's columns this user keeps (`ProjectListColumn` keys, comma-separated).
    @OptionalField(key: "list_columns") public var listColumns: String?
    /// For a 区领导: the 分包领导 name (on the leader list) whose projects are this person's own.
    @OptionalField(key: "leader_name") public var leaderName: String?
    /// A leader's visits to 我联系的项目, as district days: the last one, and the one before,
    /// which "what changed since your last visit" counts from (`LeaderDesk.visit`).
    @OptionalField(key: "visited_on") public var visitedOn: CalendarDate?
    @OptionalField(key: "previous_visit_on") public var previousVisitOn: CalendarDate?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    /// A new, enabled account with no failed sign-ins, at version 1.
    public init(districtID: UUID, username: String, displayName: String, passwordHash: String, roles: [Role],
                unitID: UUID?, mustChangePassword: Bool) {
        self.id = UUID()
        self.$district.id = districtID
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.roles = roles.map(\.rawValue).joined(separator: ",")
        self.$unit.id = unitID
        self.mustChangePassword = mustChangePassword
        self.disabled = false
        self.failedAttempts = 0
        self.version = 1
    }

    public var roleList: [Role] { roles.split(separator: ",").compactMap { Role(rawValue: String($0)) } }
}
