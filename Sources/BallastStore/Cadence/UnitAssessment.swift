import BallastCore
import Fluent
import Foundation

/// 季考核 and 年评优: each unit's monthly scores over the period, added up by the scheme's rule,
/// plus the office's documented adjustments, ranked; the annual one proposes the 先进单位.
/// A month's score is the issued ranking's when that month's ranking was issued, otherwise it
/// is computed now; which it was is recorded for every month.
public struct UnitAssessment: Codable, Sendable, Equatable {
    public struct Adjustment: Codable, Sendable, Equatable {
        public var points: Double
        public var reason: String
        public var by: String
        public var on: String
    }

    public struct Row: Codable, Sendable, Equatable {
        public var unitID: UUID
        public var unit: String
        public var group: UnitGroup
        /// One per month of the period (nil: not scored, e.g. not yet reached).
        public var months: [Double?]
        public var base: Double
        public var adjustments: [Adjustment]
        public var final: Double
        public var rank: Int
        public var advanced: Bool
    }

    public struct MonthSource: Codable, Sendable, Equatable {
        public var month: Int
        /// The issued ranking's number, or nil when computed for this document.
        public var issued: String?
    }

    public var period: String
    public var title: String
    public var asOf: String
    public var rule: String
    public var schemeVersion: Int
    public var sources: [MonthSource]
    public var advancedRule: String?
    /// Departments and towns/streets ranked apart.
    public var separateGroups: Bool
    public var rows: [Row]

    public var isAnnual: Bool { !period.contains("Q") }

    public static func build(districtID: UUID, period: AssessmentPeriod, asOf: CalendarDate, on db: any Database,
                             alongside: (any Database)? = nil) async throws -> UnitAssessment {
        let current = try await ScoringSchemes.current(districtID: districtID, year: period.year, on: db)
        let scheme = current.scheme
        let months = period.months.filter { CalendarDate.clamped(year: period.year, month: $0, day: 1) <= asOf }
        guard !months.isEmpty else {
            throw ProjectItemContext.Failure.invalid(field: "period", Message(zh: "\(period.chineseName)尚未开始", en: "\(period) has not begun"))
        }
        var scores: [Int: [UUID: UnitRanking.Row]] = [:]
        var sources: [MonthSource] = []
        var units: [UUID: (name: String, group: UnitGroup)] = [:]
        var issued: [Int: (String?, UnitRanking)] = [:]
        for m in months {
            if let d = try await DocumentDesk.issued(districtID: districtID, kind: .unitRanking, period: UnitRanking.period(year: period.year, month: m), on: db),
               let content = try? JSONDecoder().decode(UnitRanking.self, from: Data(d.payload.utf8)) {
                issued[m] = (d.number, content)
            }
        }
        // The months not issued are scored now, all in one pass.
        let computed = try await UnitFactsQuery.run(districtID: districtID, year: period.year, months: months.filter { issued[$0] == nil }, on: db, alongside: alongside)
        for m in months {
            let rows = issued[m]?.1.rows ?? UnitRanking.rank(computed[m] ?? [], month: m, scheme: scheme)
            sources.append(MonthSource(month: m, issued: issued[m].map { $0.0 ?? "" }))
            for r in rows { scores[m, default: [:]][r.unitID] = r; units[r.unitID] = (r.unit, r.group) }
        }
        guard !units.isEmpty else {
            throw ProjectItemContext.Failure.invalid(field: "period", Message(zh: "\(period.chineseName)没有可考核的单位（无年度计划项目）",
                                                                              en: "No unit to assess in \(period): no project is in the plan"))
        }
        let adjustments = try await ScoreAdjustmentModel.query(on: db).filter(\.$districtID == districtID).filter(\.$period == period.description)
            .sort(\.$createdAt).all()
        let district = DateFormatter()
        district.locale = Locale(identifier: "en_US_POSIX"); district.timeZone = TimeZone(identifier: "Asia/Shanghai"); district.dateFormat = "yyyy-MM-dd"
        var rows: [Row] = units.map { id, u in
            let monthly = period.months.map { scores[$0]?[id]?.score.total }
            let base = UnitScore.round2(scheme.aggregation.aggregate(monthly) ?? 0)
            let adj = adjustments.filter { $0.unitID == id }.map { Adjustment(points: $0.points, reason: $0.reason, by: $0.createdBy, on: district.string(from: $0.createdAt)) }
            return Row(unitID: id, unit: u.name, group: u.group, months: monthly, base: base, adjustments: adj,
                       final: UnitScore.round2(base + adj.reduce(0) { $0 + $1.points }), rank: 0, advanced: false)
        }
        // Ranked by the final score, then by name; within groups when the scheme separates them.
        rows.sort { $0.final != $1.final ? $0.final > $1.final : $0.unit < $1.unit }
        let groups: [UnitGroup?] = scheme.separateGroups ? UnitGroup.allCases : [nil]
        var ranked: [Row] = []
        for g in groups {
            var members = rows.filter { g == nil || $0.group == g }
            for i in members.indices { members[i].rank = i + 1 }
            if period.quarter == nil {
                let picked = Set(AdvancedUnits.pick(members.map { ($0.unit, $0.final) }, count: scheme.advancedCount, threshold: scheme.advancedThreshold))
                for i in members.indices { members[i].advanced = picked.contains(members[i].unit) }
            }
            ranked += members
        }
        let t = ScoringScheme.format
        return UnitAssessment(
            period: period.description, title: period.quarter == nil ? "\(period.year)年度重点项目工作评优" : "\(period.chineseName)重点项目工作考核",
            asOf: asOf.iso, rule: scheme.aggregation.description.zh + "，加上加减分", schemeVersion: current.version, sources: sources,
            advancedRule: period.quarter == nil ? "\(scheme.separateGroups ? "每组" : "")前 \(scheme.advancedCount) 名且得分不低于 \(t(scheme.advancedThreshold)) 分的单位推荐为先进单位" : nil,
            separateGroups: scheme.separateGroups, rows: ranked)
    }
}
