import Foundation

/// 统一社会信用代码 (unified social credit code), GB 32100-2015.
///
/// 18 characters from a 31-character alphabet (digits and capitals without I, O, S, V, Z);
/// the last is a check character computed from the first 17 with fixed weights mod 31.
public enum CreditCode {
    public static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    public enum Problem: Error, Equatable, Sendable {
        case wrongLength(Int)
        case invalidCharacter(Character, position: Int)
        case wrongCheckCharacter(expected: Character, found: Character)
    }

    /// The check character for the first 17 characters, or nil if any is outside the alphabet.
    public static func checkCharacter(for body: String) -> Character? {
        let chars = Array(body.uppercased())
        guard chars.count == 17 else { return nil }
        var sum = 0
        for (i, c) in chars.enumerated() {
            guard let v = alphabet.firstIndex(of: c) else { return nil }
            sum += v * weights[i]
        }
        let check = (31 - sum % 31) % 31
        return alphabet[check]
    }

    public static func validate(_ raw: String) -> Result<String, Problem> {
        let code = raw.trimmed.uppercased()
        let chars = Array(code)
        guard chars.count == 18 else { return .failure(.wrongLength(chars.count)) }
        for (i, c) in chars.enumerated() where !alphabet.contains(c) {
            return .failure(.invalidCharacter(c, position: i + 1))
        }
        let expected = checkCharacter(for: String(chars[0..<17]))!
        guard expected == chars[17] else { return .failure(.wrongCheckCharacter(expected: expected, found: chars[17])) }
        return .success(code)
    }
}
