import Vapor

extension Response {
    /// A rendered page. Pages that show a secret (a new password or token) or a form with a
    /// password say `noStore`, so no browser or proxy cache keeps them.
    static func html(_ page: String, status: HTTPResponseStatus = .ok, noStore: Bool = false) -> Response {
        var headers: HTTPHeaders = ["Content-Type": "text/html; charset=utf-8"]
        if noStore { headers.add(name: .cacheControl, value: "no-store") }
        return Response(status: status, headers: headers, body: .init(string: page))
    }

    /// A file to save, never shown inline: the name in UTF-8 (RFC 5987) for Chinese names, and a
    /// plain ASCII `fallback` for clients that cannot read it.
    static func download(_ data: Data, contentType: String, fileName: String, fallback: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: contentType)
        let encoded = fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? fallback
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}

extension DateFormatter {
    /// Times as the district reads them (Zhengzhou's clock), in the given pattern.
    static func district(_ pattern: String, timeZone: String = "Asia/Shanghai") -> DateFormatter {
        let f = DateFormatter()
        f.timeZone = TimeZone(identifier: timeZone)
        f.dateFormat = pattern
        return f
    }
}
