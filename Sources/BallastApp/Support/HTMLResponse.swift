import Vapor

extension Response {
    /// A rendered page. Pages that show a secret (a new password or token) or a form with a
    /// password say `noStore`, so no browser or proxy cache keeps them.
    static func html(_ page: String, status: HTTPResponseStatus = .ok, noStore: Bool = false) -> Response {
        var headers: HTTPHeaders = ["Content-Type": "text/html; charset=utf-8"]
        if noStore { headers.add(name: .cacheControl, value: "no-store") }
        return Response(status: status, headers: headers, body: .init(string: page))
    }
}
