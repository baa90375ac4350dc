import Vapor

/// The deployment's security switches, read once at start-up from the environment.
package struct SecuritySettings: Sendable {
    /// Cookies carry `Secure` (sent only over HTTPS). On by default in production; a
    /// development server on plain http://127.0.0.1 would otherwise never get its cookie back.
    var secureCookies: Bool
    /// Take the client's address from the last `X-Forwarded-For` hop. Only behind a reverse
    /// proxy that sets it; otherwise any client could claim any address and dodge the throttle.
    var trustForwardedFor: Bool
    /// bcrypt's cost for new hashes: 2^12 rounds, about a quarter second here, on purpose.
    package var bcryptCost: Int

    static func fromEnvironment(_ environment: Environment) -> SecuritySettings {
        func flag(_ name: String) -> Bool? {
            Environment.get(name).map { ["1", "true", "yes"].contains($0.lowercased()) }
        }
        return SecuritySettings(secureCookies: flag("BALLAST_SECURE_COOKIES") ?? (environment == .production),
                                trustForwardedFor: flag("BALLAST_TRUST_FORWARDED_FOR") ?? false,
                                // Tests create many users; a lower cost keeps them fast and changes nothing they check.
                                bcryptCost: environment == .testing ? 4 : 12)
    }
}

extension Application {
    private struct SecuritySettingsKey: StorageKey { typealias Value = SecuritySettings }

    package var security: SecuritySettings {
        get { storage[SecuritySettingsKey.self] ?? .fromEnvironment(environment) }
        set { storage[SecuritySettingsKey.self] = newValue }
    }
}

extension Request {
    /// The client's address as the throttle and the audit trail record it.
    var clientAddress: String? {
        if application.security.trustForwardedFor,
           let hop = headers.first(name: .xForwardedFor)?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces),
           !hop.isEmpty {
            return hop
        }
        return remoteAddress?.ipAddress
    }
}
