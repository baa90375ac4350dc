import BallastCore
import BallastOffice
import BallastStore
import Fluent
import Vapor

/// `/api/v1`: the ledger for machines (the city's and province's systems) and scripts.
struct ProjectsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = routes.access(.requires(.readProjects))
        read.get(Site.API.projects, use: list)
        read.get(Site.API.project, use: detail)
        read.get(Site.API.ledgerExport, use: export)
        let manage = routes.access(.requires(.manageProjects))
        manage.post(Site.API.projects, use: create)
        manage.delete(Site.API.project, use: delete)
        routes.access(.requires(.editProjects)).put(Site.API.project, use: update)
        routes.access(.requires(.readSummary)).get(Site.API.summary, use: summary)
        routes.access(.requires(.importLedger)).on(.POST, Site.API.ledgerImport, body: .collect(maxSize: LedgerUpload.maxSize), use: importLedger)
            .uploads(LedgerUpload.maxSize)
        // The API's description is public, like any published interface; it holds no data.
        routes.access(.open).get(Site.API.openAPI, use: openAPI)
    }

    func district(_ req: Request) async throws -> DistrictModel { try req.district() }

    func actor(_ req: Request) throws -> ChangeActor { try req.changeActor() }

    func list(req: Request) async throws -> ProjectPageDTO {
        let d = try await district(req)
        var filter = try RequestParameters.filter(req, year: try RequestParameters.year(req))
        filter.scopeUnitID = try req.requirePrincipal().scopeUnitID
        let page = try await ProjectListQuery.run(districtID: try d.requireID(), filter: filter, on: req.db)
        return ProjectPageDTO(items: page.items.map(ProjectListItemDTO.init), total: page.total, page: page.page, perPage: page.perPage)
    }

    func detail(req: Request) async throws -> ProjectDetailDTO {
        // A `?district=` other than the caller's own is refused here, as on every route.
        _ = try await district(req)
        return ProjectDetailDTO(try await req.scopedProject(try RequestParameters.uuid(req, "id")))
    }

    func editor(_ req: Request, district d: DistrictModel, year: Int) throws -> ProjectEditor {
        ProjectEditor(writer: LedgerWriter(districtID: try d.requireID(), year: year, actor: try actor(req),
                                           today: DistrictContext.today(in: d)))
    }

    func create(req: Request) async throws -> Response {
        let d = try await district(req)
        let body = try req.content.decode(ProjectDTO.self)
        let year = try await RequestParameters.yearOrDefault(body.year, req, district: d)
        let record = try body.validated(knownLevels: try await LedgerWriter.knownLevels(districtID: d.requireID(), year: year, on: req.db),
                                        division: d.divisionCode)
        let id = try await editor(req, district: d, year: year).create(record, on: req.db)
        let detail = try await Self.detail(d, id, req)
        let response = Response(status: .created)
        try response.content.encode(ProjectDetailDTO(detail))
        response.headers.replaceOrAdd(name: .location, value: Site.API.project.link(id))
        return response
    }

    /// A project just written, read back; gone meanwhile (deleted by another request) is a 404.
    static func detail(_ d: DistrictModel, _ id: UUID, _ req: Request) async throws -> ProjectDetail {
        guard let detail = try await ProjectDetailQuery.run(districtID: try d.requireID(), id: id, on: req.db) else {
            throw BallastError.notFound(Message(zh: "项目不存在", en: "No such project"))
        }
        return detail
    }

    func update(req: Request) async throws -> ProjectDetailDTO {
        let d = try await district(req)
        let id = try RequestParameters.uuid(req, "id")
        let body = try req.content.decode(ProjectDTO.self)
        let version = try RequestParameters.version(body.version)
        let year = try await RequestParameters.yearOrDefault(body.year, req, district: d)
        let before = try await req.scopedProject(id)
        let record = try body.validated(knownLevels: try await LedgerWriter.knownLevels(districtID: d.requireID(), year: year, on: req.db),
                                        division: d.divisionCode)
        try UnitEditCheck.check(req, before: before.record, after: record)
        try await editor(req, district: d, year: year).update(id: id, version: version, with: record, on: req.db)
        return ProjectDetailDTO(try await Self.detail(d, id, req))
    }

    func delete(req: Request) async throws -> HTTPStatus {
        let d = try await district(req)
        guard let raw = req.param("version"), let version = Int(raw) else {
            throw BallastError.badParameter("version", zh: "删除时必须提供 version 参数", en: "A delete must carry ?version=")
        }
        let year = try await RequestParameters.defaultYear(district: d, on: req.db)
        try await editor(req, district: d, year: year).delete(id: try RequestParameters.uuid(req, "id"), version: version, on: req.db)
        return .noContent
    }

    func summary(req: Request) async throws -> SummaryDTO {
        let d = try await district(req)
        let year = try RequestParameters.present(RequestParameters.year(req, required: true), "year")
        let asOf = try RequestParameters.asOf(req, district: d, year: year)
        return SummaryDTO(try await SummaryQuery.run(districtID: try d.requireID(), year: year, asOf: asOf,
                                                     scopeUnitID: try req.requirePrincipal().scopeUnitID, on: req.db, alongside: req.dbAlongside))
    }

    func export(req: Request) async throws -> Response {
        let d = try await district(req)
        let year = try RequestParameters.present(RequestParameters.year(req, required: true), "year")
        return try await LedgerUpload.exportResponse(req, district: d, year: year)
    }

    func importLedger(req: Request) async throws -> Response {
        let d = try await district(req)
        let year = try RequestParameters.present(RequestParameters.year(req, required: true), "year")
        let strict = req.param("strict").map { $0 == "true" || $0 == "1" } ?? false
        let dryRun = try RequestParameters.flag(req, "dryRun")
        let (data, fileName) = try LedgerUpload.file(from: req)
        let report = try await LedgerImportService(district: d, year: year, strict: strict, actor: try actor(req))
            .run(data: data, fileName: fileName, dryRun: dryRun, on: req.db)
        let response = Response(status: report.applied ? .ok : .unprocessableEntity)
        try response.content.encode(ImportReportDTO(report, req.language, dryRun: dryRun))
        return response
    }

    func openAPI(req: Request) async throws -> Response {
        Response(status: .ok, headers: ["Content-Type": "application/json"], body: .init(string: OpenAPIDocument.json))
    }
}
