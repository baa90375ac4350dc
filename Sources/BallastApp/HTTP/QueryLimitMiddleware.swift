import BallastCore
import Vapor

/// Refuses a query string past `QueryLimits` on every route, naming the parameter, so no list,
/// search or filter handles an unbounded text (each reads `req.param`, which cannot refuse).
struct QueryLimitMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let q = req.queryParameters
        if q.count > QueryLimits.maxParameters {
            throw BallastError.badParameter("query", zh: "查询参数过多（最多 \(QueryLimits.maxParameters) 个）",
                                            en: "Too many query parameters (at most \(QueryLimits.maxParameters))")
        }
        if let long = q.keys.sorted().first(where: { $0.count > QueryLimits.maxValueCharacters || (q[$0]?.count ?? 0) > QueryLimits.maxValueCharacters }) {
            let key = String(long.prefix(40))
            throw BallastError.badParameter(key, zh: "参数 \(key) 过长（最多 \(QueryLimits.maxValueCharacters) 个字）",
                                            en: "\(key) is too long (at most \(QueryLimits.maxValueCharacters) characters)")
        }
        return try await next.respond(to: req)
    }
}
