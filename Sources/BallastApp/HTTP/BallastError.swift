import BallastCore
import Vapor

/// An error a person is meant to read: a status, a stable code for programs, a message in
/// both languages and, where one is to blame, the field or parameter.
struct BallastError: AbortError {
    var status: HTTPResponseStatus
    var code: String
    var message: Message
    var field: String?
    var details: [LedgerIssue] = []

    var reason: String { message.zh }

    init(status: HTTPResponseStatus, code: String, message: Message, field: String? = nil, details: [LedgerIssue] = []) {
        self.status = status; self.code = code; self.message = message; self.field = field; self.details = details
    }

    /// Any domain failure, from whichever module, as the error the API and the pages render.
    init(_ f: any DomainFailure) {
        self.init(status: HTTPResponseStatus(statusCode: f.status), code: f.code, message: f.message, field: f.field, details: f.details)
    }

    /// A body over the limit of the route it was sent to, saying that limit.
    static func tooLarge(limit: Int) -> BallastError {
        let mb = String(format: "%.0f", Double(limit) / 1_048_576)
        return BallastError(status: .payloadTooLarge, code: "too_large", message: Message(
            zh: "上传内容超过本项上限 \(mb) MB：请换一个较小的文件（照片可在相机设置中降低分辨率）；按浏览器的“返回”可回到已填写的表单",
            en: "The upload is over this form's \(mb) MB limit: choose a smaller file (a photo at a lower resolution); the browser's Back returns to what you typed"))
    }

    static func badParameter(_ name: String, zh: String, en: String) -> BallastError {
        BallastError(status: .badRequest, code: "invalid_parameter", message: Message(zh: zh, en: en), field: name)
    }

    static func notFound(_ what: Message) -> BallastError {
        BallastError(status: .notFound, code: "not_found", message: what)
    }

    static func conflict(current: Int?) -> BallastError {
        BallastError(status: .conflict, code: "version_conflict", message: Refusal.versionConflict(current: current), field: "version")
    }
}

extension Request {
    /// `?lang=` first, then the language chosen earlier (cookie), then the browser's.
    var language: UILanguage {
        UILanguage.negotiate(query: query[String.self, at: "lang"] ?? cookies["lang"]?.string,
                             acceptLanguage: headers.first(name: .acceptLanguage))
    }
}
