import Foundation

/// What a 观摩 must be to be planned: a title, a day in a valid year (not in the past when
/// planned: a tour that happened is recorded by planning it the day it is held), a day's worth
/// of projects, and reviewers enough to score them.
public enum InspectionPlan {
    public static let maxStops = 40
    public static let maxReviewers = 30
    public static let maxTitle = 60

    /// Who may be a reviewer: those who work the district's projects — 区领导, 项目办, 督查室 and
    /// the units. A read-only account or the administrator's scores nothing.
    public static let reviewerRoles: Set<Role> = [.leader, .office, .supervision, .unit]

    public static func mayReview(_ roles: [Role]) -> Bool { roles.contains { reviewerRoles.contains($0) } }

    public static func check(title: String, heldOn: CalendarDate?, today: CalendarDate, stops: Int, reviewers: Int) -> [FieldProblem] {
        var out: [FieldProblem] = []
        let t = title.trimmed
        if !t.hasVisibleText { out.append(FieldProblem("title", Message(zh: "请填写观摩名称", en: "Give the tour a title"))) }
        if t.count > maxTitle {
            out.append(FieldProblem("title", Message(zh: "观摩名称最多 \(maxTitle) 个字", en: "The title is at most \(maxTitle) characters")))
        } else if t.hasControlCharacters || t.contains(where: \.isNewline) || t.contains("\t") {
            out.append(FieldProblem("title", Message(zh: "观摩名称只能写一行，不能含换行或控制字符", en: "The title is one line, without line breaks or control characters")))
        }
        if let day = heldOn {
            if day < today {
                out.append(FieldProblem("heldOn", Message(zh: "观摩日期 \(day.iso) 早于今天", en: "The tour's day \(day.iso) is before today")))
            } else if !PlanYear.isValid(day.year) || day.year > today.year + 1 {
                out.append(FieldProblem("heldOn", Message(zh: "观摩日期 \(day.iso) 应在今年或明年", en: "The tour's day \(day.iso) should be this year or next")))
            }
        } else {
            out.append(FieldProblem("heldOn", Message(zh: "请填写观摩日期", en: "Give the tour's day")))
        }
        if !(1...maxStops).contains(stops) {
            out.append(FieldProblem("projects", Message(zh: "观摩项目应为 1 至 \(maxStops) 个（实为 \(stops) 个）", en: "A tour visits 1 to \(maxStops) projects (\(stops) given)")))
        }
        if !(1...maxReviewers).contains(reviewers) {
            out.append(FieldProblem("reviewers", Message(zh: "评委应为 1 至 \(maxReviewers) 人（实为 \(reviewers) 人）", en: "A tour has 1 to \(maxReviewers) reviewers (\(reviewers) given)")))
        }
        return out
    }
}
