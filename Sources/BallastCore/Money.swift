import Foundation

/// An exact amount of money in whole yuan.
///
/// Ledgers are kept in 万元 and reported in 亿元, but those are display units only:
/// storing integer yuan keeps sums exact in SQL on SQLite and PostgreSQL alike and
/// never lets a binary floating point near a government's figures.
public struct Money: Hashable, Comparable, Sendable, Codable {
    public var yuan: Int64

    public init(yuan: Int64) { self.yuan = yuan }

    public static let zero = Money(yuan: 0)

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.yuan < rhs.yuan }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(yuan: lhs.yuan + rhs.yuan) }

    /// The largest amount any input may state: 10 万亿元 (10¹³ yuan), far above any project,
    /// so that sums over a province's 100 000 projects, and the warning rule's products, stay
    /// within 64-bit integers.
    public static let maxYuan: Int64 = 10_000_000_000_000
    public static func - (lhs: Money, rhs: Money) -> Money { Money(yuan: lhs.yuan - rhs.yuan) }

    public static func wan(_ wan: Int64) -> Money { Money(yuan: wan * MoneyUnit.wan.yuanPerUnit) }
    public static func yi(_ yi: Int64) -> Money { Money(yuan: yi * MoneyUnit.yi.yuanPerUnit) }

    /// Parses a decimal written in `unit`, allowing thousands separators and a sign.
    /// Anything finer than one yuan is refused rather than rounded: a figure that does not
    /// survive the trip exactly is a data error the user must see.
    public static func parse(_ text: String, unit: MoneyUnit) -> Result<Money, MoneyParseError> {
        var s = text.trimmed
        s.removeAll { $0 == "," || $0 == "，" || $0 == " " }
        guard !s.isEmpty else { return .failure(.notANumber) }
        var negative = false
        if s.hasPrefix("-") { negative = true; s.removeFirst() } else if s.hasPrefix("+") { s.removeFirst() }
        // Excel may store 1.2E+5 in a cell's raw value.
        var exponent = 0
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let exp = Int(s[s.index(after: e)...]) else { return .failure(.notANumber) }
            // 1E+999999999 would pad a billion zeros before being found too large.
            guard (-40...40).contains(exp) else { return .failure(.tooLarge) }
            exponent = exp
            s = String(s[..<e])
        }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let intPart = parts.first else { return .failure(.notANumber) }
        var fracPart = parts.count == 2 ? String(parts[1]) : ""
        guard !(intPart.isEmpty && fracPart.isEmpty),
              intPart.allSatisfy(\.isASCIIDigit), fracPart.allSatisfy(\.isASCIIDigit)
        else { return .failure(.notANumber) }
        var digits = String(intPart) + fracPart
        var scale = fracPart.count - exponent  // value = digits × 10^-scale
        fracPart = ""
        // Convert to yuan: multiply by 10^unitDigits.
        scale -= unit.decimalDigits
        while scale < 0 { digits += "0"; scale += 1 }
        // Remaining `scale` digits must be zeros, or the value is finer than a yuan.
        if scale > 0 {
            let cut = digits.index(digits.endIndex, offsetBy: -min(scale, digits.count))
            if digits[cut...].contains(where: { $0 != "0" }) { return .failure(.finerThanYuan) }
            digits = String(digits[..<cut])
        }
        let trimmed = digits.drop(while: { $0 == "0" })
        if trimmed.isEmpty { return .success(.zero) }
        guard trimmed.count <= 18, let value = Int64(trimmed), value <= Money.maxYuan else { return .failure(.tooLarge) }
        return .success(Money(yuan: negative ? -value : value))
    }

    /// The amount in `unit` as an exact decimal string without trailing zeros ("12345.67").
    public func formatted(in unit: MoneyUnit) -> String {
        let divisor = unit.yuanPerUnit
        let magnitude = yuan.magnitude
        let whole = magnitude / UInt64(divisor)
        let rest = magnitude % UInt64(divisor)
        var text = String(whole)
        if rest != 0 {
            var frac = String(rest)
            frac = String(repeating: "0", count: unit.decimalDigits - frac.count) + frac
            while frac.hasSuffix("0") { frac.removeLast() }
            text += "." + frac
        }
        return yuan < 0 ? "-" + text : text
    }

    /// The amount in `unit`, rounded half away from zero to `places` decimals, as a Double for JSON.
    /// A Double of at most two decimals prints as exactly those digits, so clients see e.g. 3500000.5.
    public func rounded(in unit: MoneyUnit, places: Int = 2) -> Double {
        // Finer than a yuan there is nothing to round: the amount is exact.
        if pow10(places) >= unit.yuanPerUnit { return Double(yuan) / Double(unit.yuanPerUnit) }
        let step = unit.yuanPerUnit / Int64(pow10(places))
        let half = step / 2
        let units = (yuan.magnitude + UInt64(half)) / UInt64(step)
        let value = Double(units) / Double(pow10(places))
        return yuan < 0 ? -value : value
    }

    private func pow10(_ n: Int) -> Int64 { (0..<n).reduce(1) { acc, _ in acc * 10 } }
}

public enum MoneyUnit: String, Sendable, Codable, CaseIterable {
    case yuan = "元"
    case wan = "万元"
    case yi = "亿元"

    public var decimalDigits: Int {
        switch self {
        case .yuan: 0
        case .wan: 4
        case .yi: 8
        }
    }

    public var yuanPerUnit: Int64 {
        switch self {
        case .yuan: 1
        case .wan: 10_000
        case .yi: 100_000_000
        }
    }
}

public enum MoneyParseError: Error, Equatable, Sendable {
    case notANumber
    case finerThanYuan
    case tooLarge
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
