import BallastCore
import Foundation

/// One enterprise as its page shows it: the record, whether it was merged away, its version.
public struct EnterpriseSummary: Sendable, Hashable {
    public var id: UUID
    public var name: String
    public var creditCode: String?
    public var industry: String?
    public var address: String?
    public var aboveScale: Bool
    public var contactName: String?
    public var contactPhone: String?
    public var serviceOfficial: String?
    /// The record it was merged into; a merged record is kept, read-only.
    public var mergedInto: UUID?
    public var version: Int
    public var idString: String { id.uuidString }

    public init(_ m: EnterpriseModel) {
        id = m.id ?? UUID(); name = m.name; creditCode = m.creditCode; industry = m.industry; address = m.address
        aboveScale = m.aboveScale; contactName = m.contactName; contactPhone = m.contactPhone
        serviceOfficial = m.serviceOfficial; mergedInto = m.mergedInto; version = m.version
    }
}
