import BallastCore
import BallastStore
import Fluent
import Vapor

/// 企业 records: read by whoever reads projects, created and edited by the office and units,
/// merged by the office. The same editor behind `/api/v1/enterprises…` and `/enterprises`.
struct EnterprisesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = routes.access(.requires(.readProjects))
        read.get(Site.enterprises, use: listPage)
        read.get(Site.enterprise, use: detailPage)
        read.get(Site.API.enterprises, use: listAPI)
        read.get(Site.API.enterprisesDuplicates, use: duplicatesAPI)
        read.get(Site.API.enterprise, use: detailAPI)
        let edit = routes.access(.requires(.editProjects))
        edit.post(Site.API.enterprises, use: createAPI)
        edit.put(Site.API.enterprise, use: updateAPI)
        edit.post(Site.enterprises, use: createPage)
        edit.post(Site.enterprise, use: updatePage)
        let manage = routes.access(.requires(.manageProjects))
        manage.post(Site.API.enterpriseMerge, use: mergeAPI)
        manage.post(Site.enterpriseMerge, use: mergePage)
    }

    func editor(_ req: Request) throws -> EnterpriseEditor {
        EnterpriseEditor(districtID: try req.district().requireID(), actor: try req.changeActor(),
                         scopeUnitID: try req.requirePrincipal().scopeUnitID)
    }

    static func id(_ req: Request, _ name: String = "enterprise") throws -> UUID {
        guard let id = req.parameters.get(name).flatMap(UUID.init(uuidString:)) else {
            throw BallastError.notFound(Message(zh: "企业不存在", en: "No such enterprise"))
        }
        return id
    }

    /// The fields as the API and the form send them.
    struct Body: Content {
        var name: String?
        var creditCode: String?
        var industry: String?
        var address: String?
        var aboveScale: Bool?
        var contactName: String?
        var contactPhone: String?
        var serviceOfficial: String?
        /// True when the caller has seen the same-name record and says this is another enterprise.
        var confirmDuplicateName: Bool?
        var version: Int?

        func record() throws -> EnterpriseRecord {
            switch EnterpriseRecord.validate(name: name, creditCode: creditCode, industry: industry, address: address,
                                             aboveScale: aboveScale ?? false, contactName: contactName, contactPhone: contactPhone,
                                             serviceOfficial: serviceOfficial) {
            case .success(let r): return r
            case .failure(let invalid): throw EnterpriseEditor.Failure.invalid(invalid.issues)
            }
        }
    }

    /// Form checkboxes arrive as "on" (or not at all), not as JSON booleans.
    static func formBody(_ req: Request) throws -> Body {
        let raw = try req.content.decode([String: String].self)
        return Body(name: raw["name"], creditCode: raw["creditCode"], industry: raw["industry"], address: raw["address"],
                    aboveScale: raw["aboveScale"] != nil, contactName: raw["contactName"], contactPhone: raw["contactPhone"],
                    serviceOfficial: raw["serviceOfficial"], confirmDuplicateName: raw["confirmDuplicateName"] != nil,
                    version: raw["version"].flatMap(Int.init))
    }

    struct EnterpriseDTO: Content {
        var id: UUID
        var name: String
        var creditCode: String?
        var industry: String?
        var address: String?
        var aboveScale: Bool
        var contactName: String?
        var contactPhone: String?
        var serviceOfficial: String?
        var mergedInto: UUID?
        var version: Int
        /// The projects naming it (a unit sees its own only): code and name.
        var projects: [ProjectRef]?

        struct ProjectRef: Content { var id: UUID; var code: String; var name: String; var stage: String }

        init(_ e: EnterpriseModel, projects: [ProjectModel]? = nil) throws {
            id = try e.requireID(); name = e.name; creditCode = e.creditCode; industry = e.industry; address = e.address
            aboveScale = e.aboveScale; contactName = e.contactName; contactPhone = e.contactPhone
            serviceOfficial = e.serviceOfficial; mergedInto = e.mergedInto; version = e.version
            self.projects = try projects?.map { ProjectRef(id: try $0.requireID(), code: $0.code, name: $0.name, stage: $0.stage) }
        }
    }

    struct RowDTO: Content {
        var id: UUID, name: String, creditCode: String?, industry: String?, aboveScale: Bool, serviceOfficial: String?, projects: Int, version: Int
        init(_ r: EnterpriseRow) {
            id = r.id; name = r.name; creditCode = r.creditCode; industry = r.industry; aboveScale = r.aboveScale
            serviceOfficial = r.serviceOfficial; projects = r.projects; version = r.version
        }
    }

    struct ListDTO: Content { var total: Int; var items: [RowDTO] }

    /// The enterprise the path names, in the request's district; not found otherwise.
    func record(_ req: Request) async throws -> EnterpriseModel {
        guard let e = try await EnterpriseQuery.find(try Self.id(req), districtID: req.district().requireID(), on: req.db) else {
            throw BallastError.notFound(Message(zh: "企业不存在", en: "No such enterprise"))
        }
        return e
    }

    func find(_ req: Request) async throws -> (EnterpriseModel, [ProjectModel]) {
        let e = try await record(req)
        let projects = try await EnterpriseQuery.projects(enterpriseID: try e.requireID(), scopeUnitID: try req.requirePrincipal().scopeUnitID, on: req.db)
        return (e, projects)
    }

    // MARK: API

    func listAPI(req: Request) async throws -> ListDTO {
        let paging = try RequestParameters.paging(req, perPage: 200, maxPerPage: 200)
        let (total, rows) = try await EnterpriseQuery.list(districtID: try req.district().requireID(), q: req.param("q"),
                                                           limit: paging.perPage, offset: paging.offset, on: req.db)
        return ListDTO(total: total, items: rows.map(RowDTO.init))
    }

    func duplicatesAPI(req: Request) async throws -> [[RowDTO]] {
        try await EnterpriseQuery.duplicatesByName(districtID: try req.district().requireID(), on: req.db).map { $0.map(RowDTO.init) }
    }

    func detailAPI(req: Request) async throws -> EnterpriseDTO {
        let (e, projects) = try await find(req)
        return try EnterpriseDTO(e, projects: projects)
    }

    func createAPI(req: Request) async throws -> Response {
        let body = try req.content.decode(Body.self)
        let e = try await editor(req).create(try body.record(), confirmName: body.confirmDuplicateName ?? false, on: req.db)
        return try await EnterpriseDTO(e).encodeResponse(status: .created, for: req)
    }

    func updateAPI(req: Request) async throws -> EnterpriseDTO {
        let body = try req.content.decode(Body.self)
        return try EnterpriseDTO(try await editor(req).update(id: try Self.id(req), version: try RequestParameters.version(body.version), try body.record(),
                                                              confirmName: body.confirmDuplicateName ?? false, on: req.db))
    }

    struct MergeBody: Content {
        var into: UUID?
        var version: Int?
    }

    struct MergeDTO: Content { var mergedInto: UUID; var projectsMoved: Int }

    func merge(_ req: Request, _ body: MergeBody) async throws -> MergeDTO {
        guard let into = body.into else { throw BallastError.badParameter("into", zh: "须指明合并到哪家企业（into）", en: "Say which enterprise to merge into (into)") }
        let moved = try await editor(req).merge(try Self.id(req), into: into, sourceVersion: try RequestParameters.version(body.version), on: req.db)
        return MergeDTO(mergedInto: into, projectsMoved: moved)
    }

    func mergeAPI(req: Request) async throws -> MergeDTO {
        try await merge(req, try req.content.decode(MergeBody.self))
    }

    // MARK: Pages

    func listPage(req: Request) async throws -> Response {
        try await renderList(req, notice: nil, form: nil)
    }

    func renderList(_ req: Request, notice: PageNotice?, form: Body?, status: HTTPStatus = .ok) async throws -> Response {
        let d = try req.district()
        let (total, rows) = try await EnterpriseQuery.list(districtID: try d.requireID(), q: req.param("q"), on: req.db)
        let dups = try await EnterpriseQuery.duplicatesByName(districtID: try d.requireID(), on: req.db)
        return .html(EnterprisesPage(query: req.param("q") ?? "", total: total, rows: rows, duplicates: dups, notice: notice,
                                     form: form, lang: req.language).render(), status: status)
    }

    func renderDetail(_ req: Request, notice: PageNotice?, status: HTTPStatus = .ok) async throws -> Response {
        let e = try await record(req)
        let p = try req.requirePrincipal()
        let page = try await EnterprisePageModel.load(e, scopeUnitID: p.scopeUnitID, unitName: p.unitName,
                                                      today: DistrictContext.today(in: try req.district()), on: req.db)
        return .html(EnterprisePage(model: page, notice: notice, lang: req.language).render(), status: status)
    }

    func detailPage(req: Request) async throws -> Response {
        try await renderDetail(req, notice: nil)
    }

    func createPage(req: Request) async throws -> Response {
        let body = try Self.formBody(req)
        var created: EnterpriseModel?
        let response = try await PageOutcome.run(req, work: {
            created = try await editor(req).create(try body.record(), confirmName: body.confirmDuplicateName ?? false, on: req.db)
            return Message(zh: "已登记", en: "Registered")
        }) { notice, status in try await renderList(req, notice: notice, form: notice.ok ? nil : body, status: status) }
        if let id = created?.id { return req.redirect(to: Site.enterprise.link(id)) }
        return response
    }

    func updatePage(req: Request) async throws -> Response {
        let body = try Self.formBody(req)
        return try await PageOutcome.run(req, work: {
            _ = try await editor(req).update(id: try Self.id(req), version: body.version ?? -1, try body.record(),
                                             confirmName: body.confirmDuplicateName ?? false, on: req.db)
            return UIText.saved
        }) { notice, status in try await renderDetail(req, notice: notice, status: status) }
    }

    func mergePage(req: Request) async throws -> Response {
        let raw = try req.content.decode([String: String].self)
        let body = MergeBody(into: raw["into"].flatMap { UUID(uuidString: $0.trimmed) }, version: raw["version"].flatMap(Int.init))
        return try await PageOutcome.run(req, work: {
            let done = try await merge(req, body)
            return Message(zh: "已合并，\(done.projectsMoved) 个项目改指向保留的企业", en: "Merged; \(done.projectsMoved) projects now point at the kept record")
        }) { notice, status in try await renderDetail(req, notice: notice, status: status) }
    }
}
