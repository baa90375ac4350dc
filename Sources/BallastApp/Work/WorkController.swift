import BallastCore
import BallastStore
import Vapor

/// `/work` and `GET /api/v1/todo`: what is due for the caller (`WorkQueue`), in their scope.
/// Any signed-in district user may call them; each sees only the kinds of work their roles do.
struct WorkController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let mine = routes.access(.requires(.readProjects))
        mine.get(Site.work, use: page)
        mine.get(Site.API.todo, use: api)
    }

    /// The caller's work today, in the district's current plan year.
    static func items(_ req: Request) async throws -> [WorkItem] {
        let p = try req.requirePrincipal()
        let d = try req.district()
        let today = DistrictContext.today(in: d)
        let year = try await PlanYears.current(districtID: try d.requireID(), today: today, on: req.db)
        return try await WorkQueue.items(for: .init(districtID: try d.requireID(), unitID: p.scopeUnitID, permissions: p.permissions,
                                                    username: p.name),
                                         year: year, today: today, on: req.db)
    }

    struct ItemDTO: Content {
        var kind: String
        var title: String
        var url: String
        var due: String?
        var overdue: Bool
        var count: Int
    }

    struct TodoDTO: Content {
        /// Records due by kind (a month's reports count each report), and `overdue`.
        var counts: [String: Int]
        var items: [ItemDTO]
    }

    func api(req: Request) async throws -> TodoDTO {
        let items = try await Self.items(req)
        var counts = Dictionary(uniqueKeysWithValues: WorkItem.Kind.allCases.map { ($0.rawValue, 0) })
        for (kind, n) in WorkQueue.counts(items) { counts[kind.rawValue] = n }
        counts["overdue"] = items.filter(\.overdue).map(\.count).reduce(0, +)
        return TodoDTO(counts: counts, items: items.map {
            ItemDTO(kind: $0.kind.rawValue, title: $0.title.text(req.language), url: $0.url, due: $0.due?.iso, overdue: $0.overdue, count: $0.count)
        })
    }

    func page(req: Request) async throws -> Response {
        .html(WorkPage(items: try await Self.items(req), today: DistrictContext.today(in: try req.district()), lang: req.language).render())
    }
}
