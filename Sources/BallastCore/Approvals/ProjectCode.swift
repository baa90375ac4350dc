import Foundation

/// 项目代码: a project's identity on 全国投资项目在线审批监管平台 (GB/T 40058-2021), written
/// `####-######-##-##-######` — a 4-digit time code (the year it was given), the 6-digit
/// administrative division, the 2-digit central department, the 2-digit project type, then five
/// random characters and one check character.
///
/// The shape is checked, and that the division lies in the district's city (its first four
/// digits). The check character is not: its algorithm is not published in a form we could
/// verify, and refusing a real code for a wrong guess would be worse than accepting a typo.
public enum ProjectCode {
    /// The groups' lengths, in order, separated by "-".
    static let groups = [4, 6, 2, 2, 6]
    public static let length = 24
    public static let example = "2023-410103-47-03-012345"

    public enum Problem: Error, Equatable, Sendable {
        case wrongLength(Int)
        /// A full-width hyphen or dash where "-" belongs (typed with a Chinese input method).
        case fullWidthHyphen(position: Int, found: Character)
        case wrongCharacter(position: Int, found: Character, expected: Expected)
        case implausibleYear(String)
        case divisionOutsideCity(division: String, city: String)

        public enum Expected: Sendable, Equatable { case digit, hyphen, letterOrDigit }

        public var message: Message {
            switch self {
            case .wrongLength(let n):
                Message(zh: "项目代码应为24位（如 \(ProjectCode.example)），实为\(n)位",
                        en: "A project code has 24 characters (e.g. \(ProjectCode.example)), not \(n)")
            case .fullWidthHyphen(let p, let c):
                Message(zh: "项目代码第\(p)位“\(c)”是全角符号，应为半角连字符“-”",
                        en: "Character \(p) of the project code, “\(c)”, is a full-width dash: use the ASCII hyphen “-”")
            case .wrongCharacter(let p, let c, let expected):
                switch expected {
                case .digit: Message(zh: "项目代码第\(p)位“\(c)”应为数字", en: "Character \(p) of the project code, “\(c)”, must be a digit")
                case .hyphen: Message(zh: "项目代码第\(p)位“\(c)”应为连字符“-”", en: "Character \(p) of the project code, “\(c)”, must be a hyphen “-”")
                case .letterOrDigit: Message(zh: "项目代码第\(p)位“\(c)”应为数字或字母", en: "Character \(p) of the project code, “\(c)”, must be a letter or digit")
                }
            case .implausibleYear(let y):
                Message(zh: "项目代码的时间码“\(y)”不是1990～2099年之间的年份", en: "The project code's time code “\(y)” is not a year from 1990 to 2099")
            case .divisionOutsideCity(let d, let c):
                Message(zh: "项目代码的行政区划码“\(d)”不属于本市（应以 \(c) 开头）",
                        en: "The project code's division “\(d)” is not in the district's city (it must start with \(c))")
            }
        }
    }

    /// The code as stored (letters in capitals), or the first problem with it.
    /// `division`: the district's own 6-digit division code (410103 for 二七区); nil checks the shape only.
    public static func validate(_ raw: String, division: String?) -> Result<String, Problem> {
        let code = raw.trimmingCharacters(in: .whitespaces).uppercased()
        let chars = Array(code)
        for (i, c) in chars.enumerated() where "－—–‐﹣−".contains(c) { return .failure(.fullWidthHyphen(position: i + 1, found: c)) }
        guard chars.count == length else { return .failure(.wrongLength(chars.count)) }
        var position = 0
        for (g, size) in groups.enumerated() {
            if g > 0 {
                guard chars[position] == "-" else { return .failure(.wrongCharacter(position: position + 1, found: chars[position], expected: .hyphen)) }
                position += 1
            }
            for i in position..<(position + size) {
                let c = chars[i]
                // The last group is five random characters and a check character: letters allowed.
                let ok = g == groups.count - 1 ? (c.isASCII && (c.isNumber || c.isLetter)) : (c.isASCII && c.isNumber)
                if !ok { return .failure(.wrongCharacter(position: i + 1, found: c, expected: g == groups.count - 1 ? .letterOrDigit : .digit)) }
            }
            position += size
        }
        let year = String(chars[0..<4])
        guard let y = Int(year), (1990...2099).contains(y) else { return .failure(.implausibleYear(year)) }
        if let division, division.count == 6 {
            let city = String(division.prefix(4))
            let own = String(chars[5..<11])
            guard own.hasPrefix(city) else { return .failure(.divisionOutsideCity(division: own, city: city)) }
        }
        return .success(code)
    }

    /// The division a code names (characters 6–11), for a code already validated.
    public static func division(of code: String) -> String? {
        let chars = Array(code)
        return chars.count == length ? String(chars[5..<11]) : nil
    }

    /// A district's division code: six digits (the national standard GB/T 2260), or a message naming the field.
    public static func checkDivision(_ raw: String) -> Result<String, FieldProblem> {
        let d = raw.trimmingCharacters(in: .whitespaces)
        // Six digits naming a province (11–82) and a city or prefecture within it (not 00).
        guard d.count == 6, d.allSatisfy({ $0.isASCII && $0.isNumber }), let province = Int(d.prefix(2)), (11...82).contains(province),
              d.dropFirst(2).prefix(2) != "00" else {
            return .failure(FieldProblem("divisionCode", Message(zh: "行政区划代码应为6位数字（如二七区 410103），实为“\(d.prefix(20))”",
                                    en: "A division code is six digits (二七区: 410103), not “\(d.prefix(20))”")))
        }
        return .success(d)
    }
}
