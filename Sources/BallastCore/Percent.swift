import Foundation

/// A share as the district reports it: a percentage with one decimal, rounded half up; nil when
/// there is nothing to divide by, so an empty period is not reported as 0% or 100%.
public enum Percent {
    public static func of(_ part: Int, _ whole: Int) -> Double? {
        guard whole > 0 else { return nil }
        return (Double(part * 1000) / Double(whole)).rounded() / 10
    }
}

extension Percent {
    /// A share of 1 as every page, document and export writes it: one decimal and the sign
    /// ("29.4%", "50.0%"), so one screen never shows 5% beside 5.0%.
    public static func text(_ fraction: Double) -> String { text(points: fraction * 100) }

    /// A percentage already in points (a rate the store counted as 56.0).
    public static func text(points: Double) -> String { String(format: "%.1f%%", (points * 10).rounded() / 10) }
}
