import BallastCore
import BallastOffice
import BallastStore
import Fluent
import Foundation

/// The four kinds of the district's rhythm and 观摩's 讲评通报, drafted from a period as people write it
/// ("2023-W23", "2023-05", "2023-Q2", "2023"), and read back into their layout.
package enum CadenceDrafts {
    static let kinds: [DocumentKind] = [.weeklyBulletin, .unitRanking, .quarterlyAssessment, .annualEvaluation, .inspectionReview]

    static func kind(_ raw: String?) throws -> DocumentKind {
        guard let raw, let k = DocumentKind(rawValue: raw.trimmed), kinds.contains(k) else {
            let names = kinds.map(\.rawValue).joined(separator: "、")
            throw BallastError.badParameter("kind", zh: "kind 应为 \(names) 之一，实为“\(raw ?? "")”", en: "kind must be one of \(names), not “\(raw ?? "")”")
        }
        return k
    }

    static func week(_ raw: String) throws -> ISOWeek {
        if let c = ISOWeek.components(raw), c.week > 0, ISOWeek.parse(raw) == nil {
            let n = ISOWeek.weeks(in: c.year)
            throw BallastError.badParameter("week", zh: "\(c.year)年只有 \(n) 周，没有“\(raw)”", en: "\(c.year) has \(n) weeks; there is no “\(raw)”")
        }
        guard let w = ISOWeek.parse(raw) else {
            throw BallastError.badParameter("week", zh: "周次应为 YYYY-Www（如 2023-W23），实为“\(raw)”", en: "week must be YYYY-Www (e.g. 2023-W23), not “\(raw)”")
        }
        return w
    }

    static func month(_ raw: String) throws -> (year: Int, month: Int) {
        guard let ym = YearMonth.parse(raw) else {
            throw BallastError.badParameter("month", zh: "月份应为 YYYY-MM（如 2023-05），实为“\(raw.prefix(20))”", en: "month must be YYYY-MM (e.g. 2023-05), not “\(raw.prefix(20))”")
        }
        return (ym.year, ym.month)
    }

    static func assessment(_ raw: String, annual: Bool) throws -> AssessmentPeriod {
        guard let p = AssessmentPeriod.parse(raw), (p.quarter == nil) == annual else {
            throw annual
                ? BallastError.badParameter("year", zh: "年度应为 YYYY（如 2023），实为“\(raw)”", en: "year must be YYYY, not “\(raw)”")
                : BallastError.badParameter("quarter", zh: "季度应为 YYYY-Qn（如 2023-Q2），实为“\(raw)”", en: "quarter must be YYYY-Qn (e.g. 2023-Q2), not “\(raw)”")
        }
        return p
    }

    /// What drafting `kind` for `period` (as people write it) takes; refused naming the field.
    static func plan(_ desk: DocumentDesk, kind: DocumentKind, period: String, asOf: CalendarDate?) throws -> DocumentDesk.Plan {
        switch kind {
        case .weeklyBulletin: return try desk.weeklyBulletin(week: week(period), asOf: asOf)
        case .unitRanking:
            let m = try month(period)
            return try desk.ranking(year: m.year, month: m.month, asOf: asOf)
        case .quarterlyAssessment: return try desk.assessment(period: assessment(period, annual: false), asOf: asOf)
        case .annualEvaluation: return try desk.assessment(period: assessment(period, annual: true), asOf: asOf)
        case .inspectionReview:
            guard let day = CalendarDate(iso: period.trimmed), PlanYear.isValid(day.year) else {
                throw BallastError.badParameter("period", zh: "观摩讲评的期次是观摩日期 YYYY-MM-DD，实为“\(period.prefix(20))”",
                                                en: "An inspection review's period is the tour's day, YYYY-MM-DD, not “\(period.prefix(20))”")
            }
            return try desk.inspectionReview(day: day)
        case .supervisionBulletin:
            throw BallastError.badParameter("kind", zh: "督查通报请在督办 › 督查通报中生成", en: "Supervision bulletins are drafted under /bulletins")
        }
    }

    /// Drafts (or redrafts) and stores the document of `kind` for `period`.
    static func draft(_ desk: DocumentDesk, kind: DocumentKind, period: String, asOf: CalendarDate?, on db: any Database) async throws -> DocumentModel {
        try await desk.draft(plan(desk, kind: kind, period: period, asOf: asOf), on: db)
    }

    /// The layout of a stored document of one of the four kinds.
    package static func layout(_ d: DocumentModel, style: DocumentStyle) throws -> OfficialDoc {
        let data = Data(d.payload.utf8)
        let decoder = JSONDecoder()
        switch Optional(d.kind) {
        case .weeklyBulletin: return WeeklyBulletinDoc.doc(d, try decoder.decode(WeeklyBulletin.self, from: data), style: style)
        case .unitRanking: return RankingDoc.doc(d, try decoder.decode(UnitRanking.self, from: data), style: style)
        case .quarterlyAssessment, .annualEvaluation: return AssessmentDoc.doc(d, try decoder.decode(UnitAssessment.self, from: data), style: style)
        case .inspectionReview: return InspectionReviewDoc.doc(d, try decoder.decode(InspectionResults.self, from: data), style: style)
        case .supervisionBulletin, nil: throw BallastError.notFound(Message(zh: "文件不存在", en: "No such document"))
        }
    }

    /// A file name people recognise: 周通报-2023-W23.docx, with -草稿 on a draft.
    static func fileName(_ d: DocumentModel, ext: String) -> String {
        "\(Optional(d.kind)?.chineseName ?? "文件")-\(d.period)\(d.status == .issued ? "" : "-草稿").\(ext)"
    }
}
