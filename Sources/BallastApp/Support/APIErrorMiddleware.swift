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
            let e = Self.describe(error)
            if e.status == .internalServerError {
                request.logger.report(error: error)
            }
            let lang = request.language
            if request.url.path.hasPrefix("/api/") || request.headers.accept.mediaTypes.contains(.json)
                && !request.headers.accept.mediaTypes.contains(.html) {
                let body = Body(error: .init(code: e.code, message: e.message.text(lang), field: e.field,
                                             issues: e.details.isEmpty ? nil : e.details.map { IssueDTO($0, lang) }))
                let response = Response(status: e.status)
                try response.content.encode(body)
                return response
            }
            let html = ErrorPage.render(status: e.status, message: e.message.text(lang), lang: lang)
            return .html(html, status: e.status)
        }
    }

    static func describe(_ error: any Error) -> BallastError {
        switch error {
        case let e as BallastError:
            return e
        case let e as AccessDenied:
            return e.error
        case let e as ProjectEditor.Failure:
            switch e {
            case .notFound:
                return .notFound(Message(zh: "项目不存在", en: "No such project"))
            case .codeTaken(let code):
                return BallastError(status: .conflict, code: "code_taken", message: Message(
                    zh: "项目编号“\(code)”已被使用", en: "Project code “\(code)” is already in use"), field: "code")
            case .versionConflict(let current):
                return .conflict(current: current)
            case .invalid(let issues):
                return BallastError(status: .unprocessableEntity, code: "invalid", message: issues.first?.message
                    ?? Message(zh: "数据无效", en: "Invalid data"), field: issues.first?.column, details: issues)
            case .hasRecords(let held):
                return BallastError(status: .conflict, code: "has_records", message: Message(
                    zh: "该项目已有\(held.map(\.zh).joined(separator: "、"))，不能删除；项目终止请在“四库流转”中退出",
                    en: "The project has \(held.map(\.en).joined(separator: ", ")) and cannot be deleted; a project that ends exits through a pool move"))
            }
        case let e as ReferenceListEditor.Failure:
            switch e {
            case .notFound:
                return .notFound(Message(zh: "名录条目不存在", en: "No such list entry"))
            case .nameTaken(let name):
                return BallastError(status: .conflict, code: "name_taken", message: Message(
                    zh: "名称“\(name)”已存在", en: "The name “\(name)” already exists"), field: "name")
            case .emptyName:
                return BallastError(status: .unprocessableEntity, code: "invalid", message: Message(
                    zh: "名称不能为空", en: "The name must not be empty"), field: "name")
            case .inUse(let n):
                return BallastError(status: .conflict, code: "in_use", message: Message(
                    zh: "仍有\(n)处项目或年度计划使用该条目，不能删除", en: "\(n) project(s) or year plan(s) still use this entry"))
            case .versionConflict(let current):
                return .conflict(current: current)
            }
        case let e as MonthlyReportWorkflow.Failure:
            return ReportFailureText.error(e)
        case let e as ReportPhotos.Failure:
            switch e {
            case .photo(let p):
                let status: HTTPStatus = if case .tooLarge = p { .payloadTooLarge } else { .unprocessableEntity }
                return BallastError(status: status, code: "invalid_photo", message: p.message, field: "photo")
            case .locked(let s):
                return BallastError(status: .conflict, code: "wrong_status", message: Message(
                    zh: "月报当前为“\(ReportFailureText.statusName(s))”，照片不能再增删", en: "The report is \(s.rawValue); its photos are locked"),
                    field: "status")
            }
        case let e as PipelineMover.Failure:
            switch e {
            case .refused(let problems):
                // A skip or a move back is the office's; the rest is missing or wrong evidence.
                let officeOnly = problems.allSatisfy(\.officeMay)
                return BallastError(status: .unprocessableEntity, code: officeOnly ? "office_only" : "invalid",
                                    message: problems.isEmpty ? Message(zh: "不能这样流转", en: "This move is not allowed")
                                        : Message(zh: problems.map(\.message.zh).joined(separator: "；"), en: problems.map(\.message.en).joined(separator: "; ")),
                                    field: problems.first?.field,
                                    details: problems.map { LedgerIssue(row: 0, column: $0.field, message: $0.message) })
            }
        case let e as EnterpriseEditor.Failure:
            return EnterpriseFailureText.error(e)
        case let e as ProjectItemContext.Failure:
            switch e {
            case .projectNotFound: return .notFound(Message(zh: "项目不存在", en: "No such project"))
            case .itemNotFound: return .notFound(Message(zh: "该节点或事项不存在", en: "No such milestone or item"))
            case .versionConflict(let current): return .conflict(current: current)
            case .invalid(let field, let message):
                return BallastError(status: .unprocessableEntity, code: "invalid", message: message, field: field)
            case .refused(let problems):
                return BallastError(status: .unprocessableEntity, code: "invalid",
                                    message: Message(zh: problems.map(\.message.zh).joined(separator: "；"), en: problems.map(\.message.en).joined(separator: "; ")),
                                    field: problems.first?.field, details: problems.map { LedgerIssue(row: 0, column: $0.field, message: $0.message) })
            case .notFound(let what):
                return .notFound(what)
            }
        case let e as DecodingError:
            let field = Self.path(of: e)
            return BallastError(status: .badRequest, code: "invalid_body", message: Message(
                zh: "请求内容无法解析\(field.map { "（字段 \($0)）" } ?? "")",
                en: "The request body could not be read\(field.map { " (field \($0))" } ?? "")"), field: field)
        case let e as any AbortError:
            let code = e.status == .payloadTooLarge ? "too_large" : e.status.code == 404 ? "not_found" : "http_\(e.status.code)"
            let message = e.status == .payloadTooLarge
                ? Message(zh: "上传内容超过大小上限", en: "The upload exceeds the size limit")
                : e.status == .notFound ? Message(zh: "页面不存在", en: "Not found")
                : Message(zh: e.reason, en: e.reason)
            return BallastError(status: e.status, code: code, message: message)
        default:
            return BallastError(status: .internalServerError, code: "internal", message: Message(
                zh: "服务器内部错误，已记录", en: "Internal server error; it has been logged"))
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

struct IssueDTO: Content {
    /// The spreadsheet row of an imported file; absent for a form's or request's field.
    var row: Int?
    var column: String?
    var message: String

    init(_ issue: LedgerIssue, _ lang: UILanguage) {
        row = issue.row > 0 ? issue.row : nil; column = issue.column; message = issue.message.text(lang)
    }
}
extension HTTPResponseStatus: HTTPStatusLike {}
