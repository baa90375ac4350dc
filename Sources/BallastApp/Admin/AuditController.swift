import BallastCore
import BallastOffice
import BallastStore
import Vapor

/// The audit trail for the project office and the admin: a page to search it, the same search
/// as JSON, and as a CSV download (which is itself audited).
struct AuditController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let audit = routes.access(.requires(.readAudit))
        audit.get(Site.audit, use: page)
        audit.get(Site.auditExport, use: export)
        audit.get(Site.API.audit, use: api)
    }

    /// `entity`, `entityId`, `actor`, `action`, `from` and `to` (dates, inclusive, in the
    /// district's calendar), `page`, `perPage`.
    static func filter(_ req: Request, district: DistrictModel) throws -> AuditFilter {
        var f = AuditFilter()
        func text(_ key: String) -> String? { req.param(key)?.trimmed.nilIfEmpty }
        f.entity = text("entity")
        f.actor = text("actor")
        f.action = text("action")
        if let raw = text("entityId") {
            guard let id = UUID(uuidString: raw) else {
                throw BallastError.badParameter("entityId", zh: "参数 entityId 应为记录编号（UUID）", en: "Parameter entityId must be a record id (UUID)")
            }
            f.entityID = id
        }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: district.timeZone) ?? TimeZone.chinaStandard
        func day(_ key: String, plus: Int) throws -> Date? {
            guard let raw = text(key) else { return nil }
            guard let d = CalendarDate.parse(raw), raw.count >= 8,
                  let date = cal.date(from: DateComponents(year: d.year, month: d.month, day: d.day + plus)) else {
                throw BallastError.badParameter(key, zh: "参数 \(key) 应为 YYYY-MM-DD，实为“\(raw)”", en: "Parameter \(key) must be YYYY-MM-DD, not “\(raw)”")
            }
            return date
        }
        f.from = try day("from", plus: 0)
        f.until = try day("to", plus: 1)
        let paging = try RequestParameters.paging(req, perPage: f.perPage, maxPerPage: AuditFilter.maxPerPage)
        f.page = paging.page
        f.perPage = paging.perPage
        return f
    }

    func run(_ req: Request, all: Bool = false) async throws -> (DistrictModel, AuditFilter, AuditPage) {
        let d = try req.district()
        var f = try Self.filter(req, district: d)
        if all { f.page = 1; f.perPage = 100_000 }
        return (d, f, try await AuditQuery.run(districtID: try d.requireID(), filter: f, on: req.db))
    }

    func page(req: Request) async throws -> Response {
        let (d, f, result) = try await run(req)
        var view = AuditPageView(filter: f, query: req.url.query ?? "", result: result, timeZone: d.timeZone, lang: req.language)
        view.people = try await People.load(districtID: try d.requireID(), on: req.db)
        let html = view.render()
        return .html(html)
    }

    struct EntryDTO: Content {
        var id: UUID?
        var at: Date
        var actor: String
        var role: String?
        var address: String?
        var action: String
        var entity: String
        var entityId: UUID?
        var summary: String?
        var before: String?
        var after: String?

        init(_ e: AuditPage.Entry) {
            id = e.id; at = e.at; actor = e.actor; role = e.role; address = e.address; action = e.action
            entity = e.entity; entityId = e.entityID; summary = e.summary; before = e.before; after = e.after
        }
    }

    struct PageDTO: Content {
        var items: [EntryDTO]
        var total: Int
        var page: Int
        var perPage: Int
    }

    func api(req: Request) async throws -> PageDTO {
        let (_, f, result) = try await run(req)
        return PageDTO(items: result.entries.map(EntryDTO.init), total: result.total, page: f.page, perPage: f.perPage)
    }

    static let csvHeader = ["时间", "操作人", "角色", "地址", "操作", "对象", "对象编号", "摘要", "修改前", "修改后"]

    func export(req: Request) async throws -> Response {
        let (d, _, result) = try await run(req, all: true)
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: d.timeZone)
        let rows = result.entries.map { e in
            [f.string(from: e.at), e.actor, e.role ?? "", e.address ?? "", e.action, e.entity, e.entityID?.uuidString ?? "",
             e.summary ?? "", e.before ?? "", e.after ?? ""]
        }
        let data = CSVTable.write(header: Self.csvHeader, rows: rows)
        try await Audit.record(on: req.db, districtID: d.id, actor: try req.changeActor(), action: "export", entity: "audit",
                               entityID: nil, summary: "操作日志导出，\(rows.count)条", before: Nothing?.none,
                               after: ["rows": String(rows.count), "query": req.url.query ?? ""])
        return Response(status: .ok, headers: ["Content-Type": "text/csv; charset=utf-8",
                                               "Content-Disposition": "attachment; filename=\"ballast-\(d.code)-audit.csv\""],
                        body: .init(data: data))
    }
}
