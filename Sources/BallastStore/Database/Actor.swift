import Foundation

/// Who is making a change, as the audit trail records it.
public struct ChangeActor: Sendable, Equatable {
    public var name: String
    public var role: String?
    public var address: String?

    public init(name: String, role: String? = nil, address: String? = nil) {
        self.name = name; self.role = role; self.address = address
    }

    public static let system = ChangeActor(name: "system")
}
