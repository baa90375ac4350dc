import BallastApp
import BallastCore
import Foundation

/// The day the demo district's clock stands at. Mid-2023 is the default: every published
/// half-year figure holds on it. The year end carries the second half on top of the same
/// first half (reports to December, the 四库 converting to 185 projects / 1026亿, milestones
/// reached), so the half-year figures still hold as of 2023-06-30 in it.
public enum DemoSnapshot: String, CaseIterable, Sendable {
    case midYear = "2023-06-30"
    case yearEnd = "2023-12-31"

    public var day: CalendarDate { CalendarDate.parse(rawValue)! }

    /// `ballast demo --as-of`: one of the two days (mid-year when absent), or an error naming the flag.
    static func parse(flag text: String?) throws -> DemoSnapshot {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return .midYear }
        if let s = DemoSnapshot(rawValue: text) { return s }
        let days = allCases.map(\.rawValue)
        throw CommandFailure("--as-of “\(text)”：演示数据只记录到 \(days.joined(separator: " 或 ")) / "
            + "the demo is recorded to \(days.joined(separator: " or ")) only")
    }
}
