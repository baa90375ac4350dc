import BallastCore
import BallastOffice
import BallastStore
import Fluent
import Vapor

/// 通报考核: the weekly bulletin, monthly rankings, quarterly assessments and annual evaluations.
/// Everyone in the district reads, searches and downloads the issued ones, for years; the
/// project office drafts, redrafts and issues them, and alone sees drafts (a draft ranking is
/// not a result a unit should act on). An issued one is frozen: every format is
/// rendered from its stored content alone.
struct DocumentsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = routes.access(.requires(.readProjects))
        read.get(Site.documents, use: listPage)
        read.get(Site.document, use: detailPage)
        read.get(Site.documentDocx, use: docx)
        read.get(Site.documentXlsx, use: xlsx)
        read.get(Site.documentPdf, use: pdf)
        read.get(Site.API.documents, use: listAPI)
        read.get(Site.API.document, use: detailAPI)
        let issue = routes.access(.requires(.issueDocuments))
        issue.post(Site.documents, use: draftPage)
        issue.post(Site.documentIssue, use: issuePage)
        issue.post(Site.API.documents, use: draftAPI)
        issue.post(Site.API.documentIssue, use: issueAPI)
    }

    static let noDocument = Message(zh: "文件不存在", en: "No such document")

    struct DraftBody: Content { var kind: String?; var period: String?; var asOf: String? }
    struct IssueBody: Content { var version: Int? }

    struct RowDTO: Content {
        var id: UUID, kind: String, period: String, title: String, number: String?, asOf: String, status: String
        var issuedOn: String?, issuedBy: String?, version: Int
        init(_ d: DocumentModel) throws {
            id = try d.requireID(); kind = d.kind.rawValue; period = d.period; title = d.title; number = d.number; asOf = d.asOf.iso; status = d.status.rawValue
            issuedOn = d.issuedOn?.iso; issuedBy = d.issuedBy; version = d.version
        }
    }

    /// The search: kind, year of the period, and words in the title, number or content.
    struct Search {
        var kind: DocumentKind?
        var year: Int?
        var q: String?
        var draftsToo: Bool

        init(kind: DocumentKind? = nil, year: Int? = nil, q: String? = nil, draftsToo: Bool) {
            self.kind = kind; self.year = year; self.q = q; self.draftsToo = draftsToo
        }

        init(_ req: Request) throws {
            draftsToo = try req.requirePrincipal().may(.issueDocuments)
            kind = try req.param("kind").map { raw in
                guard let k = DocumentKind(rawValue: raw) else {
                    throw BallastError.badParameter("kind", zh: "没有“\(raw)”这类文件", en: "No kind of document “\(raw)”")
                }
                return k
            }
            year = try RequestParameters.year(req)
            q = req.param("q")
        }

        func run(districtID: UUID, on db: any Database) async throws -> [DocumentModel] {
            try await DocumentDesk.search(districtID: districtID, kind: kind, year: year, text: q, draftsToo: draftsToo, on: db)
        }
    }

    func document(_ req: Request) async throws -> DocumentModel {
        let d = try await DocumentDesk(context: try req.itemContext(), alongside: req.dbAlongside).document(try req.id("doc", orElse: Self.noDocument), on: req.db)
        let office = try req.requirePrincipal().may(.issueDocuments)
        guard CadenceDrafts.kinds.contains(d.kind), d.status == .issued || office else {
            throw BallastError.notFound(Self.noDocument)
        }
        return d
    }

    func listAPI(req: Request) async throws -> [RowDTO] {
        try await Search(req).run(districtID: try req.district().requireID(), on: req.db).map(RowDTO.init)
    }

    /// The document and its content as stored (the frozen figures for an issued one).
    /// The document as data, or with `?format=pdf|docx|xlsx` as the file it goes out as.
    func detailAPI(req: Request) async throws -> Response {
        switch try DocumentFormat.asked(req) {
        case nil: return try Self.detail(try await document(req))
        case .pdf: return try await pdf(req: req)
        case .docx: return try await docx(req: req)
        case .xlsx: return try await xlsx(req: req)
        }
    }

    /// The PDF: an issued document's is made once and kept (`DocumentFiles`).
    func pdf(req: Request) async throws -> Response {
        let d = try await document(req)
        let blocks = try CadenceDrafts.layout(d, style: try await req.documentStyle(for: d)).docx()
        let data = try await DocumentFiles.file(for: d, format: "pdf", on: req.db) { try await DocumentPDF.make(blocks, on: req) }
        return .download(data, contentType: DocumentPDF.contentType, fileName: CadenceDrafts.fileName(d, ext: "pdf"), fallback: "document.pdf")
    }

    static func detail(_ d: DocumentModel, status: HTTPStatus = .ok) throws -> Response {
        let row = String(decoding: try JSONEncoder.sorted.encode(RowDTO(d)), as: UTF8.self)
        let body = "{\"document\":\(row),\"content\":\(d.payload)}"
        return Response(status: status, headers: ["Content-Type": "application/json; charset=utf-8"], body: .init(string: body))
    }

    func draft(_ req: Request, _ b: DraftBody) async throws -> DocumentModel {
        let kind = try CadenceDrafts.kind(b.kind)
        guard let period = b.period?.trimmed, !period.isEmpty else {
            throw BallastError.badParameter("period", zh: "请填写期次（周、月、季度或年度）", en: "period is required")
        }
        return try await CadenceDrafts.draft(DocumentDesk(context: try req.itemContext(), alongside: req.dbAlongside), kind: kind, period: period,
                                             asOf: try RequestParameters.date(b.asOf, field: "asOf"), on: req.db)
    }

    func draftAPI(req: Request) async throws -> Response {
        try Self.detail(try await draft(req, try req.content.decode(DraftBody.self)), status: .created)
    }

    func issue(_ req: Request, version: Int?) async throws -> DocumentModel {
        _ = try await document(req)
        return try await DocumentDesk(context: try req.itemContext(), alongside: req.dbAlongside)
            .issue(id: try req.id("doc", orElse: Self.noDocument), kinds: CadenceDrafts.kinds, version: try RequestParameters.version(version), on: req.db)
    }

    func issueAPI(req: Request) async throws -> Response {
        try Self.detail(try await issue(req, version: try req.content.decode(IssueBody.self).version))
    }

    func docx(req: Request) async throws -> Response {
        let d = try await document(req)
        let doc = try CadenceDrafts.layout(d, style: try await req.documentStyle(for: d))
        return .download(try DocxWriter.write(doc.docx()), contentType: DocxWriter.contentType,
                         fileName: CadenceDrafts.fileName(d, ext: "docx"), fallback: "document.docx")
    }

    func xlsx(req: Request) async throws -> Response {
        let d = try await document(req)
        let doc = try CadenceDrafts.layout(d, style: try await req.documentStyle(for: d))
        return .download(try XLSXWriter.write(doc.sheets()), contentType: LedgerFormat.xlsx.mimeType,
                         fileName: CadenceDrafts.fileName(d, ext: "xlsx"), fallback: "document.xlsx")
    }

    // MARK: Pages

    func listPage(req: Request) async throws -> Response { try await renderList(req, notice: nil) }

    func renderList(_ req: Request, notice: PageNotice?, status: HTTPStatus = .ok) async throws -> Response {
        let district = try req.district()
        let search = try Search(req)
        let docs = try await search.run(districtID: try district.requireID(), on: req.db)
        return .html(DocumentsPage(documents: docs.map(DocumentSummary.init), search: search, today: DistrictContext.today(in: district), notice: notice, lang: req.language).render(),
                     status: status)
    }

    func detailPage(req: Request) async throws -> Response { try await renderDetail(req, notice: nil) }

    func renderDetail(_ req: Request, notice: PageNotice?, status: HTTPStatus = .ok) async throws -> Response {
        let d = try await document(req)
        return .html(DocumentPage(document: DocumentSummary(d), layout: try CadenceDrafts.layout(d, style: try await req.documentStyle(for: d)), notice: notice, lang: req.language).render(),
                     status: status)
    }

    func draftPage(req: Request) async throws -> Response {
        let body = try req.content.decode(DraftBody.self)
        return try await PageOutcome.make(req, work: { Site.document.link(try await draft(req, body).requireID()) }) { notice, status in
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
