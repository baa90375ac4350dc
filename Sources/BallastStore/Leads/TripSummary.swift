import BallastCore
import Foundation

/// A 外出招商 trip as pages and the API show it.
public struct TripSummary: Sendable, Hashable {
    public var id: UUID
    public var kind: String
    public var startedOn: CalendarDate
    public var endedOn: CalendarDate?
    public var ledBy: String
    public var destinations: String
    public var note: String?
    public var version: Int
    public var idString: String { id.uuidString }

    public init(_ m: TripModel) {
        id = m.id ?? UUID(); kind = m.kind; startedOn = m.startedOn; endedOn = m.endedOn; ledBy = m.ledBy
        destinations = m.destinations; note = m.note; version = m.version
    }
}
