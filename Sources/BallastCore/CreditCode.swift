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

        public var message: Message {
            switch self {
            case .wrongLength(let n):
                Message(zh: "统一社会信用代码应为18位，实为\(n)位", en: "A credit code has 18 characters, not \(n)")
            case .invalidCharacter(let c, let p):
                Message(zh: "统一社会信用代码第\(p)位“\(c)”不是允许的字符", en: "Character \(p) of the credit code, “\(c)”, is not allowed")
            case .wrongCheckCharacter(let expected, let found):
                Message(zh: "统一社会信用代码校验位错误（应为“\(expected)”，实为“\(found)”）",
                        en: "Credit code check character is wrong (expected “\(expected)”, found “\(found)”)")
            }
        }
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
        // Every character is in the alphabet (checked above), so the check character exists.
        guard let expected = checkCharacter(for: String(chars[0..<17])) else { return .failure(.invalidCharacter(chars[0], position: 1)) }
        guard expected == chars[17] else { return .failure(.wrongCheckCharacter(expected: expected, found: chars[17])) }
        return .success(code)
    }
}
