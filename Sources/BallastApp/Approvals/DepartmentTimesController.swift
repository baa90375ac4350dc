import BallastCore
import BallastStore
import Vapor

/// 部门审批时效: `GET /api/v1/approvals/departments?from=&to=&asOf=` and its page, for anyone
/// who reads projects. The steps applied for from `from` to `to` (the year of `asOf` to it by
/// default), judged as of `asOf` (the district's day by default), in working days.
struct DepartmentTimesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = routes.access(.requires(.readProjects))
        read.get(Site.API.approvalDepartments, use: api)
        read.get(Site.approvalDepartments, use: page)
    }

    struct Window { var from: CalendarDate, to: CalendarDate, asOf: CalendarDate }

    /// The parameters, each bounded and named when wrong.
    static func window(_ req: Request) throws -> Window {
        let d = try req.district()
        let asOf = try RequestParameters.asOfParameter(req) ?? DistrictContext.today(in: d)
        let day = { (name: String) throws -> CalendarDate? in
            guard let raw = req.param(name), !raw.isEmpty else { return nil }
            guard let v = PlanYear.asOfDay(raw) else {
                throw BallastError.badParameter(name, zh: "参数 \(name) 应为 2000–2100 年间的日期 YYYY-MM-DD，实为“\(raw.prefix(20))”",
                                                en: "Parameter \(name) must be a date YYYY-MM-DD in 2000–2100, not “\(raw.prefix(20))”")
            }
            return v
        }
        let from = try day("from") ?? CalendarDate(year: asOf.year, month: 1, day: 1) ?? asOf
        let to = try day("to") ?? asOf
        guard from <= to else {
            throw BallastError.badParameter("to", zh: "参数 to（\(to.iso)）早于 from（\(from.iso)）", en: "Parameter to (\(to.iso)) is before from (\(from.iso))")
        }
        return Window(from: from, to: to, asOf: asOf)
    }

    struct RowDTO: Content {
        var department: String, received: Int, done: Int, onTime: Int, overdue: Int, averageDays: Double?, p80Days: Int?
        init(_ r: DepartmentTimes.Row) {
            department = r.department; received = r.received; done = r.done; onTime = r.onTime; overdue = r.overdue
            averageDays = r.averageDays; p80Days = r.p80Days
        }
    }

    func api(req: Request) async throws -> [RowDTO] {
        let w = try Self.window(req)
        return try await DepartmentTimesQuery.run(districtID: try req.district().requireID(), from: w.from, to: w.to, asOf: w.asOf, on: req.db)
            .map(RowDTO.init)
    }

    func page(req: Request) async throws -> Response {
        let w = try Self.window(req)
        let rows = try await DepartmentTimesQuery.run(districtID: try req.district().requireID(), from: w.from, to: w.to, asOf: w.asOf, on: req.db)
        return .html(DepartmentTimesPage(window: w, rows: rows, lang: req.language).render())
    }
}
