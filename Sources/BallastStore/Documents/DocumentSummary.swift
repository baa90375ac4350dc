import BallastCore
import Foundation

/// A document as lists and pages show it: everything but its content. Pages take this, never
/// the row itself, so a view cannot lazy-load or change what it shows.
public struct DocumentSummary: Sendable, Hashable {
    public var id: UUID
    public var kind: DocumentKind
    /// `2023-06`, `2023-W23`, `2023-Q2` or `2023`.
    public var period: String
    public var title: String
    /// 第6期, once issued.
    public var number: String?
    public var asOf: CalendarDate
    public var status: DocumentStatus
    public var issuedOn: CalendarDate?
    public var issuedBy: String?
    public var version: Int

    public var idString: String { id.uuidString }

    public init(id: UUID, kind: DocumentKind, period: String, title: String, number: String?, asOf: CalendarDate,
                status: DocumentStatus, issuedOn: CalendarDate?, issuedBy: String?, version: Int) {
        self.id = id; self.kind = kind; self.period = period; self.title = title; self.number = number
        self.asOf = asOf; self.status = status; self.issuedOn = issuedOn; self.issuedBy = issuedBy; self.version = version
    }

    public init(_ m: DocumentModel) {
        self.init(id: m.id ?? UUID(), kind: m.kind, period: m.period, title: m.title, number: m.number, asOf: m.asOf,
                  status: m.status, issuedOn: m.issuedOn, issuedBy: m.issuedBy, version: m.version)
    }
}
