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
            BallastError(status: .unauthorized, code: "sign_in_required", message: AccountText.signInRequired.message)
        case .sessionExpired:
            BallastError(status: .unauthorized, code: "session_expired", message: AccountText.sessionExpired.message)
        case .tokenInvalid:
            BallastError(status: .unauthorized, code: "token_invalid", message: AccountText.tokenInvalid.message)
        case .tokenExpired:
            BallastError(status: .unauthorized, code: "token_expired", message: AccountText.tokenExpired.message)
        case .tokenRevoked:
            BallastError(status: .unauthorized, code: "token_revoked", message: AccountText.tokenRevoked.message)
        case .forbidden:
            BallastError(status: .forbidden, code: "forbidden", message: AccountText.forbidden.message)
        case .otherDistrict:
            BallastError(status: .forbidden, code: "other_district", message: AccountText.otherDistrict.message, field: "district")
        case .csrf:
            BallastError(status: .forbidden, code: "csrf", message: AccountText.csrf.message)
        case .passwordChangeRequired:
            BallastError(status: .forbidden, code: "password_change_required", message: AccountText.passwordChangeRequired.message)
        case .reservedFields(let columns):
            BallastError(status: .forbidden, code: "reserved_field", message: AccountText.reservedFields(columns),
                field: columns.first.map(FormValidation.fieldName))
        }
    }
}
