import BallastCore
import BallastOffice
import BallastStore
import Fluent
import Vapor

/// 督查通报: the monthly supervision bulletin, drafted from the data as of a day, issued (and
/// from then frozen) by the office or 督查室, read by everyone, printable and downloadable as .docx.
struct BulletinsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = routes.access(.requires(.readProjects))
        read.get(Site.bulletins, use: listPage)
        read.get(Site.bulletin, use: detailPage)
        read.get(Site.bulletinDocx, use: docx)
        read.get(Site.bulletinPdf, use: pdf)
        read.get(Site.API.bulletins, use: listAPI)
        read.get(Site.API.bulletin, use: detailAPI)
        let run = routes.access(.requires(.superviseProblems))
        run.post(Site.API.bulletins, use: draftAPI)
        run.post(Site.API.bulletinIssue, use: issueAPI)
        run.post(Site.bulletins, use: draftPage)
        run.post(Site.bulletinIssue, use: issuePage)
    }

    static let noDocument = Message(zh: "通报不存在", en: "No such bulletin")

    func desk(_ req: Request) throws -> DocumentDesk { DocumentDesk(context: try req.itemContext()) }

    struct DraftBody: Content { var month: String?; var asOf: String? }
    struct IssueBody: Content { var version: Int? }

    struct RowDTO: Content {
        var id: UUID, period: String, title: String, number: String?, asOf: String, status: String, issuedOn: String?, issuedBy: String?, version: Int
        init(_ d: DocumentModel) throws {
            id = try d.requireID(); period = d.period; title = d.title; number = d.number; asOf = d.asOf.iso; status = d.status.rawValue; issuedOn = d.issuedOn?.iso
            issuedBy = d.issuedBy; version = d.version
        }
    }

    struct DetailDTO: Content { var document: RowDTO; var content: SupervisionBulletin }

    func listAPI(req: Request) async throws -> [RowDTO] {
        try await visible(req).map(RowDTO.init)
    }

    /// The district's supervision bulletins the caller may see: drafts only for those who draft them.
    func visible(_ req: Request) async throws -> [DocumentModel] {
        let all = try await DocumentDesk.list(districtID: try req.district().requireID(), kind: .supervisionBulletin, on: req.db)
        return try req.requirePrincipal().may(.superviseProblems) ? all : all.filter { $0.status == .issued }
    }

    /// A supervision bulletin (any other kind is not found here); a draft only for those who
    /// draft them, as the office's drafts are the office's.
    func document(_ req: Request) async throws -> DocumentModel {
        let d = try await desk(req).document(try req.id("doc", orElse: Self.noDocument), on: req.db)
        let drafter = try req.requirePrincipal().may(.superviseProblems)
        guard d.kind == .supervisionBulletin, d.status == .issued || drafter else {
            throw BallastError.notFound(Self.noDocument)
        }
        return d
    }

    /// The bulletin as data, or with `?format=pdf|docx|xlsx` as the file it goes out as (the
    /// same files as its page's buttons, as the documents' API gives them).
    func detailAPI(req: Request) async throws -> Response {
        switch try DocumentFormat.asked(req) {
        case nil:
            let d = try await document(req)
            return try await DetailDTO(document: try RowDTO(d), content: try DocumentDesk.bulletin(d)).encodeResponse(for: req)
        case .pdf: return try await pdf(req: req)
        case .docx: return try await docx(req: req)
        case .xlsx: return try await xlsx(req: req)
        }
    }

    func layout(_ req: Request, _ d: DocumentModel) async throws -> OfficialDoc {
        BulletinDocument.layout(d, try DocumentDesk.bulletin(d), style: try await req.documentStyle(for: d))
    }

    func fileName(_ d: DocumentModel, ext: String) -> String {
        "督查通报-\(d.period)\(d.status == .issued ? "" : "-草稿").\(ext)"
    }

    func draft(_ req: Request, _ b: DraftBody) async throws -> DocumentModel {
        let raw = b.month?.trimmed ?? ""
        // The one month parser, within the years a request may name: "1900-01", "+2023-05" and
        // "2023-W-1" were once read as months here.
        guard let ym = ProgressValidator.parseMonth(raw) else {
            throw BallastError.badParameter("month", zh: "month 应为 YYYY-MM（2000～2100 年），实为“\(raw.prefix(20))”", en: "month must be YYYY-MM (2000 to 2100), not “\(raw.prefix(20))”")
        }
        return try await desk(req).draftSupervisionBulletin(year: ym.year, month: ym.month, asOf: try RequestParameters.date(b.asOf, field: "asOf"), on: req.db)
    }

    func draftAPI(req: Request) async throws -> Response {
        let d = try await draft(req, try req.content.decode(DraftBody.self))
        return try await DetailDTO(document: try RowDTO(d), content: try DocumentDesk.bulletin(d)).encodeResponse(status: .created, for: req)
    }

    func issue(_ req: Request, version: Int?) async throws -> DocumentModel {
        _ = try await document(req)
        return try await desk(req).issue(id: try req.id("doc", orElse: Self.noDocument), kinds: [.supervisionBulletin],
                                         version: try RequestParameters.version(version), on: req.db)
    }

    func issueAPI(req: Request) async throws -> DetailDTO {
        let d = try await issue(req, version: try req.content.decode(IssueBody.self).version)
        return DetailDTO(document: try RowDTO(d), content: try DocumentDesk.bulletin(d))
    }

    func docx(req: Request) async throws -> Response {
        let d = try await document(req)
        return .download(try DocxWriter.write(try await layout(req, d).docx()), contentType: DocxWriter.contentType, fileName: fileName(d, ext: "docx"), fallback: "bulletin.docx")
    }

    /// The PDF, made once for an issued bulletin and kept (`DocumentFiles`).
    func pdf(req: Request) async throws -> Response {
        let d = try await document(req)
        let blocks = try await layout(req, d).docx()
        let data = try await DocumentFiles.file(for: d, format: "pdf", on: req.db) { try await DocumentPDF.make(blocks, on: req) }
        return .download(data, contentType: DocumentPDF.contentType, fileName: fileName(d, ext: "pdf"), fallback: "bulletin.pdf")
    }

    /// Its tables as a workbook that prints.
    func xlsx(req: Request) async throws -> Response {
        let d = try await document(req)
        return .download(try XLSXWriter.write(try await layout(req, d).sheets()), contentType: LedgerFormat.xlsx.mimeType, fileName: fileName(d, ext: "xlsx"), fallback: "bulletin.xlsx")
    }

    // MARK: Pages

    func listPage(req: Request) async throws -> Response { try await renderList(req, notice: nil) }

    func renderList(_ req: Request, notice: PageNotice?, status: HTTPStatus = .ok) async throws -> Response {
        let docs = try await visible(req)
        return .html(BulletinsPage(documents: docs.map(DocumentSummary.init), today: DistrictContext.today(in: try req.district()), notice: notice, lang: req.language).render(), status: status)
    }

    func detailPage(req: Request) async throws -> Response { try await renderDetail(req, notice: nil) }

    func renderDetail(_ req: Request, notice: PageNotice?, status: HTTPStatus = .ok) async throws -> Response {
        let d = try await document(req)
        return .html(BulletinPage(document: DocumentSummary(d), layout: try await layout(req, d), notice: notice,
                                  lang: req.language).render(), status: status)
    }

    func draftPage(req: Request) async throws -> Response {
        let body = try req.content.decode(DraftBody.self)
        return try await PageOutcome.make(req, work: { Site.bulletin.link(try await draft(req, body).requireID()) }) { notice, status in
            try await renderList(req, notice: notice, status: status)
        }
    }

    func issuePage(req: Request) async throws -> Response {
        let version = try req.content.decode(IssueBody.self).version
        return try await PageOutcome.run(req, work: {
            let d = try await issue(req, version: version)
            return Message(zh: "已印发 \(d.number ?? "")", en: "Issued \(d.number ?? "")")
        }) { notice, status in try await renderDetail(req, notice: notice, status: status) }
    }
}
