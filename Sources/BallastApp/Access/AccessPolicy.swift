import BallastCore
import Vapor

/// Who may call a route. Every route is registered under one, through `access(_:)`; the route
/// table records it, and a test walks that table so a route without a policy fails the build.
package enum AccessPolicy: Sendable, Equatable, CustomStringConvertible {
    /// Anyone, signed in or not: health checks, the stylesheet, the sign-in page.
    case open
    /// Any signed-in user, even one who must change the password first: the password page
    /// and signing out.
    case account
    /// Any signed-in user whose password is in order.
    case signedIn
    /// A signed-in user one of whose roles grants this permission.
    case requires(Permission)

    static let userInfoKey = "ballast.policy"

    package var description: String {
        switch self {
        case .open: "open"
        case .account: "account"
        case .signedIn: "signedIn"
        case .requires(let p): p.rawValue
        }
    }

    /// Whether a principal with these permissions passes (nil: nobody signed in).
    func admits(_ permissions: Set<Permission>?) -> Bool {
        switch self {
        case .open: true
        case .account, .signedIn: permissions != nil
        case .requires(let p): permissions?.contains(p) ?? false
        }
    }
}

/// A routes builder that stamps its policy on every route added through it, and puts the
/// middleware that enforces it in front of each.
struct PolicyRoutes: RoutesBuilder {
    let base: any RoutesBuilder
    let policy: AccessPolicy

    func add(_ route: Route) {
        route.userInfo[.init(stringLiteral: AccessPolicy.userInfoKey)] = policy
        base.add(route)
    }
}

extension RoutesBuilder {
    /// Routes registered on the result carry `policy` and are refused to anyone it does not admit.
    func access(_ policy: AccessPolicy) -> any RoutesBuilder {
        PolicyRoutes(base: grouped(AccessMiddleware(policy: policy)), policy: policy)
    }
}

extension Route {
    static let bodyLimitKey = "ballast.bodyLimit"

    package var accessPolicy: AccessPolicy? { userInfo[.init(stringLiteral: AccessPolicy.userInfoKey)] as? AccessPolicy }

    /// Marks a route that takes files and records its body limit: only such routes accept a
    /// multipart body (`MultipartGate`), and the CSRF check, which reads form fields before the
    /// handler runs, collects the body up to the same size the handler allows.
    @discardableResult
    func uploads(_ limit: ByteCount) -> Route {
        userInfo[.init(stringLiteral: Self.bodyLimitKey)] = limit.value
        return self
    }

    /// The body limit of a route that takes files; nil for every other route.
    var uploadLimit: Int? { userInfo[.init(stringLiteral: Self.bodyLimitKey)] as? Int }
}
