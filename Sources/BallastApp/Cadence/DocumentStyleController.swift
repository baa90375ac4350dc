import BallastCore
import BallastStore
import Vapor

/// `/documents/style`: the office sets how its documents are headed and closed (`DocumentStyle`).
struct DocumentStyleController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let issue = routes.access(.requires(.issueDocuments))
        issue.get(Site.documentStyle, use: page)
        issue.post(Site.documentStyle, use: save)
    }

    struct Form: Content {
        var version: Int?
        var office: String?
        var printer: String?
        var copyTo: String?
    }

    func page(req: Request) async throws -> Response { try await render(req, notice: nil) }

    /// The style in force, or (after a refusal) what was typed, so nothing is lost.
    func render(_ req: Request, notice: PageNotice?, status: HTTPStatus = .ok, typed: DocumentStyle? = nil) async throws -> Response {
        let d = try req.district()
        let (style, version) = try await DocumentStyles.load(districtID: try d.requireID(), districtName: d.name, on: req.db)
        return .html(DocumentStylePage(style: typed ?? style, version: version, notice: notice, lang: req.language).render(), status: status)
    }

    func save(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        var codes: [String: String] = [:]
        for kind in DocumentStyles.fileKinds {
            // A field the form did not send (a page from before the kind) keeps the default 代字.
            if let code = try? req.content.get(String.self, at: "code_\(kind.rawValue)") { codes[kind.rawValue] = code }
        }
        let typed = DocumentStyle(office: form.office ?? "", codes: codes, copyTo: form.copyTo ?? "", printer: form.printer ?? "")
        let d = try req.district()
        return try await PageOutcome.run(req, work: {
            let v = try await DocumentStyles.save(typed, version: try RequestParameters.version(form.version), districtName: d.name,
                                                  context: try req.itemContext(), on: req.db)
            return Message(zh: "已保存公文格式（第 \(v) 版）", en: "Saved the document style (version \(v))")
        }) { notice, status in try await render(req, notice: notice, status: status, typed: notice.ok ? nil : typed) }
    }
}
