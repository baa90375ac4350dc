import BallastCore

/// Signing in and access's interface text (why a request was refused, why a sign-in failed),
/// both languages side by side. Each case must have its text (the switch is exhaustive), and
/// `CatalogueTests` checks every case's English has no Chinese left in it and neither side is
/// empty.
enum AccountText: CaseIterable, UIText.Catalogue {
    // Why a request was refused (`AccessDenied`)
    case signInRequired, sessionExpired, tokenInvalid, tokenExpired, tokenRevoked, forbidden, otherDistrict
    case csrf, passwordChangeRequired
    // Why a sign-in failed (`SignInService`)
    case wrongCredentials, throttled

    var message: Message {
        switch self {
        case .signInRequired: Message(zh: "请先登录", en: "Please sign in")
        case .sessionExpired: Message(zh: "登录已过期，请重新登录", en: "Your session has ended; please sign in again")
        case .tokenInvalid: Message(zh: "API 令牌无效", en: "Invalid API token")
        case .tokenExpired: Message(zh: "API 令牌已过期", en: "The API token has expired")
        case .tokenRevoked: Message(zh: "API 令牌已被吊销", en: "The API token was revoked")
        case .forbidden: Message(zh: "您的角色无权进行此操作", en: "Your role does not allow this")
        case .otherDistrict: Message(zh: "不能访问其他地区的数据", en: "You may not read another district's data")
        case .csrf: Message(zh: "表单已失效（安全校验未通过），请刷新页面后重试", en: "The form has expired (security check failed); reload and try again")
        case .passwordChangeRequired: Message(zh: "请先修改密码", en: "Please change your password first")

        case .wrongCredentials: Message(zh: "用户名或密码错误", en: "Wrong user name or password")
        case .throttled: Message(zh: "登录失败次数过多，请15分钟后再试", en: "Too many failed sign-ins; try again in 15 minutes")
        }
    }

    // Text with values in it.

    /// Fields a unit's user may not change.
    static func reservedFields(_ columns: [LedgerColumn]) -> Message {
        Message(zh: "责任单位不能修改：" + columns.map(\.rawValue).joined(separator: "、") + "（请联系项目办）",
                en: "A unit may not change: " + columns.map(\.englishName).joined(separator: ", ") + " (ask the project office)")
    }
}
