import BallastCore
import BallastStore
import Fluent
import Vapor

/// `/lists/:kind`: the list page and its three form posts.
struct ListsPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let lists = routes.access(.requires(.manageLists))
        lists.get(Site.lists) { req in req.redirect(to: Layout.link(Site.list.link("unit"), req.language)) }
        lists.get(Site.list, use: show)
        lists.post(Site.listEntryNew, use: add)
        lists.post(Site.listEntryEdit, use: edit)
        lists.post(Site.listEntryDelete, use: remove)
    }

    struct EntryForm: Content {
        var name: String?
        var variant: String?
        var sort: Int?
        var version: Int?
    }

    func show(req: Request) async throws -> Response {
        try await page(req, message: nil)
    }

    func page(_ req: Request, message: PageNotice?, status: HTTPResponseStatus = .ok) async throws -> Response {
        try await page(req, kind: try ListsAPIController.kind(req), message: message, status: status)
    }

    /// `division`: the code just saved (the request's district was read before the change).
    func page(_ req: Request, kind: ReferenceKind, message: PageNotice?, status: HTTPResponseStatus = .ok, division: String? = nil) async throws -> Response {
        let (editor, d) = try await ListsAPIController.editor(req)
        let year = try await RequestParameters.yearOrDefault(nil, req, district: d)
        let entries = try await editor.list(kind: kind, year: year, on: req.db)
        var page = ListsPage(kind: kind, year: year, entries: entries, message: message, lang: req.language)
        page.divisionCode = division ?? d.divisionCode
        return .html(page.render(), status: status)
    }

    /// Runs a change, then shows the list again with what happened, in the user's language.
    func change(_ req: Request, _ work: (ReferenceListEditor, EntryForm, Int) async throws -> Void) async throws -> Response {
        let (editor, d) = try await ListsAPIController.editor(req)
        let year = try await RequestParameters.yearOrDefault(nil, req, district: d)
        let form = try req.content.decode(EntryForm.self)
        do {
            try await work(editor, form, year)
            return try await page(req, message: .done(UIText.saved.text(req.language)))
        } catch let e as ReferenceListEditor.Failure {
            let described = APIErrorMiddleware.describe(e)
            return try await page(req, message: .refused(described.message.text(req.language)), status: described.status)
        }
    }

    func add(req: Request) async throws -> Response {
        let kind = try ListsAPIController.kind(req)
        return try await change(req) { editor, form, year in
            let variant = form.variant.flatMap { $0.isEmpty ? nil : $0 }
            _ = try await editor.create(kind: kind, year: year, name: form.name ?? "", variant: variant, sort: form.sort, on: req.db)
        }
    }

    func edit(req: Request) async throws -> Response {
        _ = try ListsAPIController.kind(req)
        let id = try RequestParameters.uuid(req, "id")
        return try await change(req) { editor, form, _ in
            let variant = form.variant.flatMap { $0.isEmpty ? nil : $0 }
            try await editor.update(id: id, version: form.version ?? -1, name: form.name ?? "", variant: variant, sort: form.sort, on: req.db)
        }
    }

    func remove(req: Request) async throws -> Response {
        _ = try ListsAPIController.kind(req)
        let id = try RequestParameters.uuid(req, "id")
        return try await change(req) { editor, form, _ in
            try await editor.delete(id: id, version: form.version ?? -1, on: req.db)
        }
    }
}
