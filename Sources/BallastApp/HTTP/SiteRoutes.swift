import BallastCore
import Vapor

/// Something routes can be registered under: any of the site's paths.
protocol SiteRoute: Sendable { var path: SitePath { get } }
extension SitePath0: SiteRoute {}
extension SitePath1: SiteRoute {}
extension SitePath2: SiteRoute {}

extension SitePath {
    /// What Vapor registers.
    var components: [PathComponent] {
        segments.map { $0.hasPrefix(":") ? .parameter(String($0.dropFirst())) : .constant($0) }
    }
}

extension RoutesBuilder {
    @discardableResult
    func get<R: AsyncResponseEncodable & VaporSendableMetatype>(_ route: some SiteRoute, use handler: @Sendable @escaping (Request) async throws -> R) -> Route {
        on(.GET, route.path.components, use: handler)
    }

    @discardableResult
    func post<R: AsyncResponseEncodable & VaporSendableMetatype>(_ route: some SiteRoute, use handler: @Sendable @escaping (Request) async throws -> R) -> Route {
        on(.POST, route.path.components, use: handler)
    }

    @discardableResult
    func put<R: AsyncResponseEncodable & VaporSendableMetatype>(_ route: some SiteRoute, use handler: @Sendable @escaping (Request) async throws -> R) -> Route {
        on(.PUT, route.path.components, use: handler)
    }

    @discardableResult
    func patch<R: AsyncResponseEncodable & VaporSendableMetatype>(_ route: some SiteRoute, use handler: @Sendable @escaping (Request) async throws -> R) -> Route {
        on(.PATCH, route.path.components, use: handler)
    }

    @discardableResult
    func delete<R: AsyncResponseEncodable & VaporSendableMetatype>(_ route: some SiteRoute, use handler: @Sendable @escaping (Request) async throws -> R) -> Route {
        on(.DELETE, route.path.components, use: handler)
    }

    @discardableResult
    func on<R: AsyncResponseEncodable & VaporSendableMetatype>(_ method: HTTPMethod, _ route: some SiteRoute, body: HTTPBodyStreamStrategy,
                                       use handler: @Sendable @escaping (Request) async throws -> R) -> Route {
        on(method, route.path.components, body: body, use: handler)
    }
}
