import BallastCore
import BallastStore
import Fluent

/// The district's lists as choices for a form or a filter: each kind's names in the list's
/// order, a per-year list (zones, levels) for `year` only. Shared by every page with filters.
enum ReferenceOptions {
    static func load(_ d: DistrictModel, year: Int?, on db: any Database) async throws -> [ReferenceKind: [String]] {
        let entries = try await ReferenceLists.entries(districtID: d.requireID(), on: db)
        var out: [ReferenceKind: [String]] = [:]
        for e in entries {
            guard let kind = e.referenceKind else { continue }
            if kind.isPerYear, let year, e.year != year { continue }
            if !(out[kind]?.contains(e.name) ?? false) { out[kind, default: []].append(e.name) }
        }
        return out
    }
}
