import Crypto
import Foundation

/// Random secrets for cookies, CSRF and API tokens, and the one-way hash they are stored as.
enum SecretToken {
    /// 32 bytes from the system's CSPRNG, hex-encoded: 256 bits, unguessable.
    static func make(prefix: String = "") -> String {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &rng) }
        return prefix + bytes.map { String(format: "%02x", $0) }.joined()
    }

    /// SHA-256, hex: what the database keeps instead of the secret itself. A plain hash is
    /// enough here, unlike for passwords, because the secret has 256 bits of entropy.
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares secrets without stopping at the first difference, so response timing says
    /// nothing about how much of a forged token was right.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}
