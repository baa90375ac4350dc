@testable import BallastApp
import BallastCore
import BallastStore
import Fluent
import Foundation
import Vapor
import VaporTesting

/// A signed-in caller for tests: a user with the given roles and a session of their own,
/// created directly in the database (no bcrypt, no sign-in form), so every request a test
/// makes carries real credentials through the real `AccessMiddleware`.
public struct TestClient: Sendable {
    public let app: Application
    public let username: String
    public let sessionToken: String
    public let csrfToken: String
    /// Send the CSRF token as a header (as scripts do). Off, a form must carry `_csrf` itself.
    public var csrfInHeader = true

    public func test(_ method: HTTPMethod, _ path: String,
                     afterResponse: (TestingHTTPResponse) async throws -> Void = { _ in }) async throws {
        try await test(method, path, beforeRequest: { _ in }, afterResponse: afterResponse)
    }

    public func test(_ method: HTTPMethod, _ path: String,
                     beforeRequest: (inout TestingHTTPRequest) async throws -> Void,
                     afterResponse: (TestingHTTPResponse) async throws -> Void) async throws {
        try await app.testing().test(method, path, beforeRequest: { req in
            authorize(&req.headers)
            try await beforeRequest(&req)
        }, afterResponse: afterResponse)
    }

    /// Adds the session cookie (and the CSRF header) to a request's headers.
    public func authorize(_ headers: inout HTTPHeaders) {
        headers.cookie = HTTPCookies(dictionaryLiteral: (SessionStore.cookieName, HTTPCookies.Value(string: sessionToken)))
        if csrfInHeader { headers.replaceOrAdd(name: AccessMiddleware.csrfHeader, value: csrfToken) }
    }

    /// The same session on another instance sharing the database.
    public func on(_ other: Application) -> TestClient {
        TestClient(app: other, username: username, sessionToken: sessionToken, csrfToken: csrfToken, csrfInHeader: csrfInHeader)
    }

    public func withoutCSRFHeader() -> TestClient {
        var copy = self
        copy.csrfInHeader = false
        return copy
    }
}

public extension Application {
    /// A caller holding `roles` in the first district (created if the database has none),
    /// attached to `unit` when given (created in the district's list if missing).
    func signedIn(as roles: [Role], unit: String? = nil, username: String? = nil) async throws -> TestClient {
        let district = try await DistrictContext.findOrCreate(code: nil, name: nil, on: db)
        let districtID = try district.requireID()
        var unitID: UUID?
        if let unit {
            if let existing = try await ReferenceEntryModel.query(on: db).filter(\.$district.$id == districtID)
                .filter(\.$kind == ReferenceKind.unit.rawValue).filter(\.$name == unit).first() {
                unitID = existing.id
            } else {
                let entry = ReferenceEntryModel()
                entry.id = UUID()
                entry.$district.id = districtID
                entry.kind = ReferenceKind.unit.rawValue
                entry.year = ReferenceEntryModel.noYear
                entry.name = unit
                entry.sort = 0
                entry.version = 1
                try await entry.create(on: db)
                unitID = entry.id
            }
        }
        let name = username ?? "t-" + roles.map(\.rawValue).joined(separator: "-") + "-" + UUID().uuidString.prefix(8).lowercased()
        let user = UserModel(districtID: districtID, username: name, displayName: name, passwordHash: "-", roles: roles,
                             unitID: unitID, mustChangePassword: false)
        try await user.create(on: db)
        let token = try await SessionStore.open(for: user, address: nil, userAgent: "tests", on: db)
        let session = try await SessionModel.query(on: db).filter(\.$tokenHash == SecretToken.hash(token)).first()!
        return TestClient(app: self, username: user.username, sessionToken: token, csrfToken: session.csrfToken)
    }

    /// Shorthand for a one-role caller.
    func `as`(_ role: Role, unit: String? = nil) async throws -> TestClient {
        try await signedIn(as: [role], unit: unit)
    }
}
