import BallastCore
import BallastStore
import Fluent
import Vapor

/// 万人助万企: visits to enterprises and the problems they raise, and the figures the district
/// reports by unit. Read by whoever reads projects (a unit: its own visits); recorded by whoever
/// works problems (a unit for itself).
struct ServiceController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = routes.access(.requires(.readProjects))
        read.get(Site.service, use: page)
        read.get(Site.API.service, use: figuresAPI)
        read.get(Site.API.enterpriseVisits, use: visitsAPI)
        let work = routes.access(.requires(.workProblems))
        work.post(Site.API.enterpriseVisits, use: recordAPI)
        work.post(Site.enterpriseVisits, use: recordPage)
    }

    static let noEnterprise = Message(zh: "企业不存在", en: "No such enterprise")

    struct VisitBody: Content {
        struct Raised: Content { var category: String?; var title: String?; var description: String? }
        var unit: String?
        var visitedOn: String?
        var visitors: String?
        var discussed: String?
        var problems: [Raised]?
    }

    /// The page's form: one optional problem in flat fields.
    struct VisitForm: Content {
        var unit: String?, visitedOn: String?, visitors: String?, discussed: String?
        var problemCategory: String?, problemTitle: String?, problemDescription: String?

        var body: VisitBody {
            let raised = (problemTitle?.trimmed.isEmpty ?? true) ? [] : [VisitBody.Raised(category: problemCategory, title: problemTitle,
                                                                                          description: problemDescription?.trimmed.nilIfEmpty ?? problemTitle)]
            return VisitBody(unit: unit, visitedOn: visitedOn, visitors: visitors, discussed: discussed, problems: raised)
        }
    }

    struct LineDTO: Content {
        var unit: String, enterprises: Int, visits: Int, raised: Int, solved: Int, resolutionRate: Double?
        init(_ l: ServiceFigures.Line) {
            unit = l.unit; enterprises = l.enterprises; visits = l.visits; raised = l.raised; solved = l.solved; resolutionRate = l.resolutionRate
        }
    }

    struct FiguresDTO: Content { var from: String; var to: String; var units: [LineDTO]; var total: LineDTO }

    struct VisitDTO: Content {
        var id: UUID, enterpriseID: UUID, enterprise: String, unit: String, visitedOn: String, visitors: String, discussed: String, problems: Int
        init(_ v: ServiceFigures.Visit) {
            id = v.id; enterpriseID = v.enterpriseID; enterprise = v.enterprise; unit = v.unit; visitedOn = v.visitedOn.iso; visitors = v.visitors
            discussed = v.discussed; problems = v.problems
        }
    }

    func period(_ req: Request) throws -> (CalendarDate, CalendarDate) { try RequestParameters.period(req) }

    func figures(_ req: Request) async throws -> (CalendarDate, CalendarDate, [ServiceFigures.Line]) {
        let (from, to) = try period(req)
        return (from, to, try await ServiceFigures.run(districtID: try req.district().requireID(), from: from, to: to,
                                                       scopeUnitID: try req.requirePrincipal().scopeUnitID, on: req.db))
    }

    func figuresAPI(req: Request) async throws -> FiguresDTO {
        let (from, to, lines) = try await figures(req)
        // The figures end with the district's line, always present (one ungrouped row).
        guard let total = lines.last else { throw BallastError.notFound(Message(zh: "没有数据", en: "No figures")) }
        return FiguresDTO(from: from.iso, to: to.iso, units: lines.dropLast().map(LineDTO.init), total: LineDTO(total))
    }

    func visitsAPI(req: Request) async throws -> [VisitDTO] {
        try await ServiceFigures.visits(districtID: try req.district().requireID(), enterpriseID: try req.id("enterprise", orElse: Self.noEnterprise),
                                        scopeUnitID: try req.requirePrincipal().scopeUnitID, on: req.db).map(VisitDTO.init)
    }

    func record(_ req: Request, _ b: VisitBody) async throws -> VisitModel {
        guard let day = try RequestParameters.date(b.visitedOn, field: "visitedOn", required: true) else { throw Abort(.badRequest) }
        let raised = (b.problems ?? []).map { VisitEditor.RaisedProblem(category: $0.category ?? "", title: $0.title ?? "", description: $0.description ?? "") }
        return try await VisitEditor(context: try req.itemContext(), supervisor: try req.requirePrincipal().may(.superviseProblems))
            .record(enterpriseID: try req.id("enterprise", orElse: Self.noEnterprise), unit: b.unit ?? "", visitedOn: day, visitors: b.visitors ?? "",
                    discussed: b.discussed ?? "", problems: raised, on: req.db)
    }

    func recordAPI(req: Request) async throws -> Response {
        let v = try await record(req, try req.content.decode(VisitBody.self))
        guard let listed = try await ServiceFigures.visits(districtID: v.districtID, enterpriseID: v.enterpriseID, scopeUnitID: nil, on: req.db)
            .first(where: { $0.id == v.id }) else { throw BallastError.notFound(Message(zh: "走访记录不存在", en: "No such visit")) }
        return try await VisitDTO(listed).encodeResponse(status: .created, for: req)
    }

    func recordPage(req: Request) async throws -> Response {
        let body = try req.content.decode(VisitForm.self).body
        let id = try req.id("enterprise", orElse: Self.noEnterprise)
        do {
            _ = try await record(req, body)
            return req.redirect(to: Layout.link(Site.enterprise.link(id), req.language))
        } catch {
            // The enterprise page, with what was wrong.
            return try await PageOutcome.run(req, work: { throw error }) { notice, status in
                try await EnterprisesController().renderDetail(req, notice: notice, status: status)
            }
        }
    }

    func page(req: Request) async throws -> Response {
        let (from, to, lines) = try await figures(req)
        let visits = try await ServiceFigures.visits(districtID: try req.district().requireID(), enterpriseID: nil,
                                                     scopeUnitID: try req.requirePrincipal().scopeUnitID, limit: 50, on: req.db)
        return .html(ServicePage(from: from, to: to, lines: lines, visits: visits, lang: req.language).render())
    }
}
