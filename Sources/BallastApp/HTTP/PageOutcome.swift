import BallastCore
import Vapor

/// A form posted from a page: do the work, then show the page again with what happened, or,
/// when the work is refused for the user's input, with why (and the refusal's status). Server
/// faults and access refusals are not turned into notices: they go to the error middleware.
enum PageOutcome {
    static func run(_ req: Request, work: () async throws -> Message,
                    render: (PageNotice, HTTPStatus) async throws -> Response) async throws -> Response {
        let done: Message
        do {
            done = try await work()
        } catch {
            let e = APIErrorMiddleware.describe(error)
            guard e.status.code < 500, e.status != .forbidden else { throw error }
            return try await render(.refused(e.message.text(req.language)), e.status)
        }
        return try await render(.done(done.text(req.language)), .ok)
    }

    /// A form on a project's page (its nodes, steps, statistics, funding): the project page again,
    /// with what happened or why not.
    static func onProjectPage(_ req: Request, work: () async throws -> Message) async throws -> Response {
        try await run(req, work: work) { notice, status in
            try await PagesController().detailPage(req, notice: notice, status: status)
        }
    }

    /// A form that makes something with a page of its own (a drafted document): on success the
    /// browser goes to that page; when refused, the form's page shows why.
    static func make(_ req: Request, work: () async throws -> String,
                     render: (PageNotice, HTTPStatus) async throws -> Response) async throws -> Response {
        var made: String?
        let response = try await run(req, work: {
            made = try await work()
            return Message(zh: "已生成", en: "Done")
        }, render: render)
        if let made { return req.redirect(to: Layout.link(made, req.language)) }
        return response
    }
}
