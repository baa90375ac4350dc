import BallastCore
import BallastOffice
import BallastStore
import Fluent
import Vapor

/// 催办单: the notices issued to late units — generated from the data (also each night) or by
/// hand — printable, downloadable as .docx, and acknowledged by the unit. Read by whoever
/// reads projects (a unit: its own notices); acknowledged by the unit's users; issued by the
/// office and 督查室.
struct NoticesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = routes.access(.requires(.readProjects))
        read.get(Site.notices, use: listPage)
        read.get(Site.notice, use: detailPage)
        read.get(Site.noticeDocx, use: docx)
        read.get(Site.noticePdf, use: pdf)
        read.get(Site.API.notices, use: listAPI)
        read.get(Site.API.notice, use: detailAPI)
        let work = routes.access(.requires(.workProblems))
        work.post(Site.API.noticeAcknowledge, use: acknowledgeAPI)
        work.post(Site.noticeAcknowledge, use: acknowledgePage)
        let run = routes.access(.requires(.superviseProblems))
        run.post(Site.API.notices, use: issueAPI)
        run.post(Site.API.noticesGenerate, use: generateAPI)
        run.post(Site.notices, use: issuePage)
        run.post(Site.noticesGenerate, use: generatePage)
    }

    static let noNotice = Message(zh: "催办单不存在", en: "No such notice")

    func editor(_ req: Request) throws -> NoticeEditor { NoticeEditor(context: try req.itemContext()) }

    struct IssueBody: Content {
        /// A problem or decision the notice is about (its lead unit is notified), or a unit and an item.
        var problemID: String?
        var unit: String?
        var item: String?
        var newDeadline: String?
    }

    struct AckBody: Content { var version: Int? }

    struct NoticeDTO: Content {
        var id: UUID, number: String, unit: String, subject: String, problemID: UUID?, item: String, originalDeadline: String?, newDeadline: String
        var issuedOn: String, issuedBy: String, automatic: Bool, acknowledgedOn: String?, acknowledgedBy: String?, escalatedOn: String?, version: Int
        init(_ r: NoticeQuery.Row) {
            id = r.id; number = r.number; unit = r.unit; subject = r.subject; problemID = r.problemID; item = r.item
            originalDeadline = r.originalDeadline?.iso; newDeadline = r.newDeadline.iso; issuedOn = r.issuedOn.iso; issuedBy = r.issuedBy
            automatic = r.automatic; acknowledgedOn = r.acknowledgedOn?.iso; acknowledgedBy = r.acknowledgedBy; escalatedOn = r.escalatedOn?.iso; version = r.version
        }
    }

    struct GeneratedDTO: Content { var issued: [String]; var escalated: [String] }

    /// `?year=`, when given.
    func year(_ req: Request) throws -> Int? {
        try req.param("year").map { raw in
            guard let y = Int(raw), (2000...2100).contains(y) else { throw BallastError.badParameter("year", zh: "year 应为年份，实为“\(raw)”", en: "year must be a year, not “\(raw)”") }
            return y
        }
    }

    func rows(_ req: Request, id: UUID? = nil) async throws -> [NoticeQuery.Row] {
        let year = try year(req)
        return try await NoticeQuery.list(districtID: try req.district().requireID(), year: id == nil ? year : nil, pending: req.param("pending") == "true",
                                          scopeUnitID: try req.requirePrincipal().scopeUnitID, id: id, on: req.db)
    }

    func row(_ req: Request) async throws -> NoticeQuery.Row {
        let id = try req.id("notice", orElse: Self.noNotice)
        guard let r = try await rows(req, id: id).first else { throw BallastError.notFound(Self.noNotice) }
        return r
    }

    func listAPI(req: Request) async throws -> [NoticeDTO] { try await rows(req).map(NoticeDTO.init) }
    func detailAPI(req: Request) async throws -> NoticeDTO { NoticeDTO(try await row(req)) }

    func issue(_ req: Request, _ b: IssueBody) async throws -> NoticeModel {
        let editor = try editor(req)
        let deadline = try RequestParameters.date(b.newDeadline, field: "newDeadline")
        if let raw = b.problemID?.trimmed, !raw.isEmpty {
            guard let id = UUID(uuidString: raw) else { throw BallastError.badParameter("problemID", zh: "problemID 无效", en: "problemID is not an id") }
            let p = try await ProblemEditor(context: editor.context, supervisor: true).problem(id, on: req.db)
            guard let unit = p.leadUnitID else {
                throw BallastError.badParameter("problemID", zh: "问题尚未交办，没有牵头单位可催办", en: "The problem has no lead unit yet")
            }
            let decision = p.kind == ProblemKind.decision.rawValue
            return try await editor.issue(.init(unitID: unit, subject: decision ? .decision : .problem, problemID: id,
                                                item: b.item?.trimmed.nilIfEmpty ?? "你单位牵头办理的\(decision ? "会议议定事项" : "问题")“\(p.title)”请抓紧办理并按期反馈。",
                                                originalDeadline: p.deadline, newDeadline: deadline), on: req.db)
        }
        guard let name = b.unit?.trimmed, !name.isEmpty,
              let unit = try await ReferenceLists.entry(.unit, named: name, districtID: editor.context.districtID, on: req.db)?.id else {
            throw BallastError.badParameter("unit", zh: "请选择本区名单中的被催办单位", en: "Choose a unit on the district's list")
        }
        return try await editor.issue(.init(unitID: unit, subject: .other, item: b.item ?? "", newDeadline: deadline), on: req.db)
    }

    func issueAPI(req: Request) async throws -> Response {
        let n = try await issue(req, try req.content.decode(IssueBody.self))
        req.parameters.set("notice", to: try n.requireID().uuidString)
        return try await NoticeDTO(try await row(req)).encodeResponse(status: .created, for: req)
    }

    func generate(_ req: Request) async throws -> NoticeGenerator.Outcome {
        let d = try req.district()
        return try await NoticeGenerator.run(districtID: try d.requireID(), today: DistrictContext.today(in: d), actor: try req.changeActor(), on: req.db)
    }

    func generateAPI(req: Request) async throws -> GeneratedDTO {
        let o = try await generate(req)
        return GeneratedDTO(issued: o.issued, escalated: o.escalated)
    }

    func acknowledge(_ req: Request, version: Int?) async throws -> NoticeModel {
        try await editor(req).acknowledge(id: try req.id("notice", orElse: Self.noNotice), version: try RequestParameters.version(version), on: req.db)
    }

    func acknowledgeAPI(req: Request) async throws -> NoticeDTO {
        _ = try await acknowledge(req, version: try req.content.decode(AckBody.self).version)
        return NoticeDTO(try await row(req))
    }

    /// The notice as an official .docx, named by its number.
    func docx(req: Request) async throws -> Response {
        let r = try await row(req)
        return .download(try DocxWriter.write(NoticeDocument.blocks(r, style: try await req.documentStyle(forNotice: r.id))), contentType: DocxWriter.contentType,
                         fileName: "催办单-\(r.number).docx", fallback: "notice.docx")
    }

    /// The notice as a PDF: it goes out when raised, so it is made once and kept (`DocumentFiles`).
    func pdf(req: Request) async throws -> Response {
        let r = try await row(req)
        let blocks = NoticeDocument.blocks(r, style: try await req.documentStyle(forNotice: r.id))
        let data = try await DocumentFiles.file(for: r.id, format: "pdf", on: req.db) { try await DocumentPDF.make(blocks, on: req) }
        return .download(data, contentType: DocumentPDF.contentType, fileName: "催办单-\(r.number).pdf", fallback: "notice.pdf")
    }

    // MARK: Pages

    func listPage(req: Request) async throws -> Response { try await renderList(req, notice: nil) }

    func renderList(_ req: Request, notice: PageNotice?, status: HTTPStatus = .ok) async throws -> Response {
        let rows = try await rows(req)
        let districtID = try req.district().requireID()
        let units = try await ReferenceLists.names(districtID: districtID, kind: .unit, on: req.db)
        let figures = try await NoticeQuery.figures(districtID: districtID, year: try year(req), scopeUnitID: try req.requirePrincipal().scopeUnitID, on: req.db)
        return .html(NoticesPage(rows: rows, figures: figures, units: units, pending: req.param("pending") == "true", notice: notice,
                                 lang: req.language).render(), status: status)
    }

    func detailPage(req: Request) async throws -> Response { try await renderDetail(req, notice: nil) }

    func renderDetail(_ req: Request, notice: PageNotice?, status: HTTPStatus = .ok) async throws -> Response {
        let r = try await row(req)
        let p = try req.requirePrincipal()
        return .html(NoticePage(row: r, office: try await req.documentStyle(forNotice: r.id).office, mayAcknowledge: p.scopeUnitID != nil && p.may(.workProblems),
                                notice: notice, lang: req.language,
                                people: try await People.load(districtID: try req.district().requireID(), on: req.db)).render(), status: status)
    }

    func issuePage(req: Request) async throws -> Response {
        let body = try req.content.decode(IssueBody.self)
        var created: NoticeModel?
        let response = try await PageOutcome.run(req, work: {
            created = try await issue(req, body)
            return Message(zh: "已发出 \(created?.number ?? "")", en: "Issued \(created?.number ?? "")")
        }) { notice, status in try await renderList(req, notice: notice, status: status) }
        if let id = created?.id { return req.redirect(to: Layout.link(Site.notice.link(id), req.language)) }
        return response
    }

    func generatePage(req: Request) async throws -> Response {
        try await PageOutcome.run(req, work: {
            let o = try await generate(req)
            return Message(zh: "生成催办单 \(o.issued.count) 份，升级至分管领导 \(o.escalated.count) 份",
                           en: "\(o.issued.count) notices issued, \(o.escalated.count) escalated to the leader")
        }) { notice, status in try await renderList(req, notice: notice, status: status) }
    }

    func acknowledgePage(req: Request) async throws -> Response {
        let version = try req.content.decode(AckBody.self).version
        return try await PageOutcome.run(req, work: {
            _ = try await acknowledge(req, version: version)
            return Message(zh: "已签收", en: "Acknowledged")
        }) { notice, status in try await renderDetail(req, notice: notice, status: status) }
    }
}
