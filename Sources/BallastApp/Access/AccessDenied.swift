import BallastCore
import Vapor

/// Why a request was refused, each with a stable code for programs and a message for people.
enum AccessDenied: Error, Equatable {
    case signInRequired
    case sessionExpired
    case tokenInvalid
    case tokenExpired
    case tokenRevoked
    case forbidden
    case otherDistrict
    case csrf
    case passwordChangeRequired
    case reservedFields([LedgerColumn])

    var error: BallastError {
        switch self {
        case .signInRequired:
            BallastError(status: .unauthorized, code: "sign_in_required", message: Message(zh: "请先登录", en: "Please sign in"))
        case .sessionExpired:
            BallastError(status: .unauthorized, code: "session_expired", message: Message(
                zh: "登录已过期，请重新登录", en: "Your session has ended; please sign in again"))
        case .tokenInvalid:
            BallastError(status: .unauthorized, code: "token_invalid", message: Message(zh: "API 令牌无效", en: "Invalid API token"))
        case .tokenExpired:
            BallastError(status: .unauthorized, code: "token_expired", message: Message(zh: "API 令牌已过期", en: "The API token has expired"))
        case .tokenRevoked:
            BallastError(status: .unauthorized, code: "token_revoked", message: Message(zh: "API 令牌已被吊销", en: "The API token was revoked"))
        case .forbidden:
            BallastError(status: .forbidden, code: "forbidden", message: Message(
                zh: "您的角色无权进行此操作", en: "Your role does not allow this"))
        case .otherDistrict:
            BallastError(status: .forbidden, code: "other_district", message: Message(
                zh: "不能访问其他地区的数据", en: "You may not read another district's data"), field: "district")
        case .csrf:
            BallastError(status: .forbidden, code: "csrf", message: Message(
                zh: "表单已失效（安全校验未通过），请刷新页面后重试", en: "The form has expired (security check failed); reload and try again"))
        case .passwordChangeRequired:
            BallastError(status: .forbidden, code: "password_change_required", message: Message(
                zh: "请先修改密码", en: "Please change your password first"))
        case .reservedFields(let columns):
            BallastError(status: .forbidden, code: "reserved_field", message: Message(
                zh: "责任单位不能修改：" + columns.map(\.rawValue).joined(separator: "、") + "（请联系项目办）",
                en: "A unit may not change: " + columns.map(\.englishName).joined(separator: ", ") + " (ask the project office)"),
                field: columns.first.map(FormValidation.fieldName))
        }
    }
}
