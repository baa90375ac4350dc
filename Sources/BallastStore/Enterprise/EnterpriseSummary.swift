import BallastCore
import Foundation

/// One enterprise as its page shows it: the record (read through as `summary.name`), whether it
/// was merged away, its version.
@dynamicMemberLookup
public struct EnterpriseSummary: Sendable, Hashable {
    public var id: UUID
    public var record: EnterpriseRecord
    /// The record it was merged into; a merged record is kept, read-only.
    public var mergedInto: UUID?
    public var version: Int
    public var idString: String { id.uuidString }

    public subscript<T>(dynamicMember field: KeyPath<EnterpriseRecord, T>) -> T { record[keyPath: field] }

    public init(_ m: EnterpriseModel) {
        id = m.id ?? UUID(); mergedInto = m.mergedInto; version = m.version
        record = EnterpriseRecord(name: m.name, creditCode: m.creditCode, industry: m.industry, address: m.address,
                                  aboveScale: m.aboveScale, contactName: m.contactName, contactPhone: m.contactPhone,
                                  serviceOfficial: m.serviceOfficial)
    }
}
