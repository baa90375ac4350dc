import Vapor

/// Refuses a request whose declared body is over the largest any route accepts (a ledger
/// file), before a byte of it is read: 413 at once, instead of reading 20 MB to find out.
/// Routes keep their own, smaller limits (`.collect(maxSize:)`), which also catch bodies sent
/// without a Content-Length.
struct BodyLimitMiddleware: AsyncMiddleware {
    let max: Int

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let declared = request.headers.first(name: .contentLength).flatMap(Int.init) ?? request.body.data?.readableBytes ?? 0
        if declared > max { throw Abort(.payloadTooLarge) }
        return try await next.respond(to: request)
    }
}
