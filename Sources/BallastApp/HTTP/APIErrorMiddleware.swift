import BallastCore
import BallastStore
import Vapor

/// Turns every error into `{error: {code, message, field}}` for the API, and into a page for
/// people, in the request's language. Internal details never reach the client.
struct APIErrorMiddleware: AsyncMiddleware {
    let environment: Environment

    struct Body: Content {
        struct Detail: Content {
            var code: String
            var message: String
            var field: String?
            var issues: [IssueDTO]?
        }
        var error: Detail
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            var e = Self.describe(error)
            // Too large for the route it was sent to: say that route's limit.
            if e.status == .payloadTooLarge, let limit = request.route?.uploadLimit { e = .tooLarge(limit: limit) }
            if e.status == .internalServerError {
                request.logger.report(error: error)
            }
            let lang = request.language
            if request.url.path.hasPrefix(Site.API.prefix) || request.headers.accept.mediaTypes.contains(.json)
                && !request.headers.accept.mediaTypes.contains(.html) {
                let body = Body(error: .init(code: e.code, message: e.message.text(lang), field: e.field,
                                             issues: e.details.isEmpty ? nil : e.details.map { IssueDTO($0, lang) }))
                let response = Response(status: e.status)
                try response.content.encode(body)
                return response
            }
            // The signed-in user keeps their navigation on the error page: the page context is
            // set inside the access middleware, which this one wraps, so it is rebuilt here
            // (and is there to rebuild also when access itself refused the request).
            let context = request.principal.map(PageContext.init) ?? PageContext.current
            let html = PageContext.$current.withValue(context) {
                ErrorPage.render(status: e.status, message: e.message.text(lang), lang: lang, path: request.url.path)
            }
            return .html(html, status: e.status)
        }
    }

    static func describe(_ error: any Error) -> BallastError {
        switch error {
        case let e as BallastError:
            return e
        case let e as AccessDenied:
            return e.error
        case let e as any DomainFailure:
            return BallastError(e)
        case let e as DecodingError:
            let field = Self.path(of: e)
            return BallastError(status: .badRequest, code: "invalid_body", message: Message(
                zh: "请求内容无法解析\(field.map { "（字段 \($0)）" } ?? "")",
                en: "The request body could not be read\(field.map { " (field \($0))" } ?? "")"), field: field)
        case let e as any AbortError:
            // Vapor's own refusals carry the bare status phrase ("Unprocessable Entity" for an
            // empty body): said here in the user's language. A reason of its own is kept.
            let bare = e.reason == e.status.reasonPhrase
            let code = e.status == .payloadTooLarge ? "too_large" : e.status.code == 404 ? "not_found"
                : bare && e.status == .unprocessableEntity ? "invalid_body" : "http_\(e.status.code)"
            let message = e.status == .payloadTooLarge
                ? Message(zh: "上传内容超过大小上限", en: "The upload exceeds the size limit")
                : e.status == .notFound ? Message(zh: "页面不存在", en: "Not found")
                : bare ? Self.bareMessage(e.status)
                : Message(zh: e.reason, en: e.reason)
            return BallastError(status: e.status, code: code, message: message)
        default:
            return BallastError(status: .internalServerError, code: "internal", message: Message(
                zh: "服务器内部错误，已记录", en: "Internal server error; it has been logged"))
        }
    }

    /// A status Vapor raised with no reason of its own, in words.
    static func bareMessage(_ status: HTTPResponseStatus) -> Message {
        switch status {
        case .unprocessableEntity: Message(zh: "请求内容为空或无法解析", en: "The request body is empty or could not be read")
        case .unsupportedMediaType: Message(zh: "请求内容的类型不受支持（请用 JSON 或表单）", en: "The request's content type is not supported (use JSON or a form)")
        case .badRequest: Message(zh: "请求有误，无法处理", en: "The request is malformed")
        case .methodNotAllowed: Message(zh: "该地址不支持此请求方法", en: "This address does not take this method")
        case .requestTimeout: Message(zh: "请求超时，请重试", en: "The request timed out; try again")
        default: Message(zh: "请求无法处理（HTTP \(status.code)）", en: "The request could not be handled (HTTP \(status.code))")
        }
    }

    static func path(of error: DecodingError) -> String? {
        let context: DecodingError.Context
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): context = c
        case .keyNotFound(let key, let c): return (c.codingPath + [key]).map(\.stringValue).joined(separator: ".")
        @unknown default: return nil
        }
        let p = context.codingPath.map(\.stringValue).joined(separator: ".")
        return p.isEmpty ? nil : p
    }
}

extension HTTPResponseStatus: HTTPStatusLike {}
