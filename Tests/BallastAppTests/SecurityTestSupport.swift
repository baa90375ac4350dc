@testable import BallastApp
import BallastTestSupport
import BallastStore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Signing in through the real form, as a browser would, for the security tests.
struct FormSignIn {
    var status: HTTPStatus
    var location: String?
    var session: String?
    var body: String
}

extension Application {
    func signInThroughForm(_ username: String, _ password: String, address: String? = nil) async throws -> FormSignIn {
        var result = FormSignIn(status: .ok, body: "")
        try await testing().test(.POST, "/signin", beforeRequest: { req in
            req.headers.cookie = HTTPCookies(dictionaryLiteral: (AccountController.signInCookie, .init(string: "pair")))
            if let address { req.headers.replaceOrAdd(name: .xForwardedFor, value: address) }
            try req.content.encode(["_csrf": "pair", "username": username, "password": password, "next": "/projects"], as: .urlEncodedForm)
        }) { res in
            result = FormSignIn(status: res.status, location: res.headers.first(name: .location),
                                session: res.headers.setCookie?[SessionStore.cookieName]?.string, body: res.body.string)
        }
        return result
    }

    /// A request carrying a session cookie obtained some other way (a replay, for instance).
    func withSession(_ token: String, _ method: HTTPMethod, _ path: String, csrf: String? = nil,
                     afterResponse: (TestingHTTPResponse) async throws -> Void) async throws {
        try await testing().test(method, path, beforeRequest: { req in
            req.headers.cookie = HTTPCookies(dictionaryLiteral: (SessionStore.cookieName, .init(string: token)))
            if let csrf { req.headers.replaceOrAdd(name: AccessMiddleware.csrfHeader, value: csrf) }
        }, afterResponse: afterResponse)
    }

    func csrf(ofSession token: String) async throws -> String {
        try #require(try await SessionModel.query(on: db).filter(\.$tokenHash == SecretToken.hash(token)).first()).csrfToken
    }
}

func jsonObject(_ res: TestingHTTPResponse) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any]) ?? [:]
}

func jsonArray(_ res: TestingHTTPResponse) -> [[String: Any]] {
    (try? JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [[String: Any]]) ?? []
}

func errorCode(_ res: TestingHTTPResponse) -> String? {
    (jsonObject(res)["error"] as? [String: Any])?["code"] as? String
}

extension TestClient {
    /// A JSON request (or none), answered with its status and JSON object body.
    func send(_ method: HTTPMethod, _ path: String, _ body: [String: Any]? = nil) async throws -> (HTTPStatus, [String: Any]) {
        var out: (HTTPStatus, [String: Any]) = (.ok, [:])
        try await test(method, path, beforeRequest: { req in
            if let body {
                req.headers.contentType = .json
                req.body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: body))
            }
        }) { res in out = (res.status, jsonObject(res)) }
        return out
    }
}

extension TestClient {
    /// A file uploaded as a raw body with its name in `?filename=`, answered like `send`.
    func upload(_ path: String, fileName: String, _ content: String) async throws -> (HTTPStatus, [String: Any]) {
        var out: (HTTPStatus, [String: Any]) = (.ok, [:])
        try await test(.POST, path + (path.contains("?") ? "&" : "?") + "filename=\(fileName)", beforeRequest: { req in
            req.headers.contentType = .binary
            req.body = ByteBuffer(string: content)
        }) { res in out = (res.status, jsonObject(res)) }
        return out
    }
}
