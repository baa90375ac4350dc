import Foundation

/// One entry of a district list (a unit, a category, a zone…) as pages and the API show it.
public struct ReferenceEntry: Sendable, Hashable {
    public var id: UUID
    public var kind: String
    /// The plan year of a per-year list; nil for lists that hold across years (units, leaders).
    public var year: Int?
    public var name: String
    /// A second spelling the importer also accepts.
    public var variant: String?
    public var sort: Int
    public var version: Int
    public var idString: String { id.uuidString }

    public init(id: UUID, kind: String, year: Int?, name: String, variant: String?, sort: Int, version: Int) {
        self.id = id; self.kind = kind; self.year = year; self.name = name; self.variant = variant; self.sort = sort; self.version = version
    }

    public init(_ m: ReferenceEntryModel) {
        id = m.id ?? UUID(); kind = m.kind; year = m.year == ReferenceEntryModel.noYear ? nil : m.year
        name = m.name; variant = m.variant; sort = m.sort; version = m.version
    }
}
