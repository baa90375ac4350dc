import Foundation

/// The lines of a 动态调整 batch as the office types or pastes them, one project a line:
/// `项目编号 调入|调出|调整 金额（万元）`, the parts separated by spaces, tabs, commas or 、
/// (a column pasted from Excel comes tab-separated). 调出 takes no amount.
public enum PlanChangeLines {
    public struct Line: Sendable, Equatable {
        public var row: Int
        public var code: String
        public var kind: PlanChangeKind
        public var amount: Money?
    }

    public static let maxText = 100_000

    public static func parse(_ text: String) -> (lines: [Line], problems: [FieldProblem]) {
        guard text.count <= maxText else {
            return ([], [FieldProblem("lines", Message(zh: "内容超过 \(maxText) 个字", en: "The lines are over \(maxText) characters"))])
        }
        var lines: [Line] = [], problems: [FieldProblem] = []
        let separators: Set<Character> = [" ", "\t", ",", "，", "、", "\u{3000}"]
        for (i, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let row = i + 1
            // Pasted from Excel the cells are tab-separated and an amount may carry its thousands
            // comma (“1,234”): such a line splits at tabs only.
            let parts = (raw.contains("\t") ? raw.split(separator: "\t").map { String($0).trimmed }
                         : raw.split(whereSeparator: { separators.contains($0) }).map(String.init)).filter { !$0.isEmpty }
            if parts.isEmpty { continue }
            func refuse(_ zh: String, _ en: String) {
                problems.append(FieldProblem("lines", Message(zh: "第 \(row) 行：\(zh)", en: "Line \(row): \(en)")))
            }
            guard parts.count >= 2, let kind = PlanChangeKind.parse(parts[1]) else {
                refuse("应为“项目编号 调入/调出/调整 金额（万元）”", "should read “code in|out|adjust amount (10k yuan)”")
                continue
            }
            var amount: Money?
            if parts.count >= 3 {
                guard case .success(let m) = Money.parse(parts[2], unit: .wan) else {
                    refuse("金额“\(parts[2])”不是数字（万元）", "the amount “\(parts[2])” is not a number (10k yuan)")
                    continue
                }
                amount = m
            }
            if parts.count > 3 { refuse("多余的内容“\(parts[3...].joined(separator: " "))”", "extra text “\(parts[3...].joined(separator: " "))”"); continue }
            if kind == .leave && amount != nil { refuse("调出不填金额", "a move out takes no amount"); continue }
            lines.append(Line(row: row, code: parts[0], kind: kind, amount: amount))
        }
        return (lines, problems)
    }
}
