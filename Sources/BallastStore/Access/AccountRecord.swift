import BallastCore
import Foundation

/// Who a session or an API token stands for, as the store reads it in one query: the account
/// (a user, or a token's name), its district, roles and unit. The app turns it into its
/// `Principal`; the store knows nothing of requests.
public struct AccountRecord: Sendable {
    public var userID: UUID?
    public var username: String
    public var displayName: String
    public var district: DistrictModel
    public var roles: [Role]
    public var unitID: UUID?
    public var unitName: String?
    public var mustChangePassword: Bool
    public var disabled: Bool
    /// The 分包领导 this account answers for, if any (`UserModel.leaderName`).
    public var leaderName: String? = nil
}
