import Foundation

/// 加减分: an adjustment moves a unit's period score by at most ±20 points, never by nothing,
/// and always says why (the reason is what the unit will read).
public enum ScoreAdjustmentRule {
    public static let limit = 20.0

    public static func problem(points: Double, reason: String) -> (field: String, message: Message)? {
        if !points.isFinite || points == 0 || abs(points) > limit {
            return ("points", Message(zh: "加减分应在 −20 到 20 之间且不为 0", en: "Points must be between −20 and 20 and not 0"))
        }
        if reason.trimmingCharacters(in: .whitespacesAndNewlines).count < 4 {
            return ("reason", Message(zh: "请写明加减分的理由（至少 4 个字）", en: "Give the reason (at least 4 characters)"))
        }
        return nil
    }
}
