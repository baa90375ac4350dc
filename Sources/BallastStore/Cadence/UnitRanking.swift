import BallastCore
import Fluent
import Foundation

/// 月排名: every unit's score for a month under the scheme then in force, the parts it is made
/// of, its rank (within its group when departments and towns/streets are ranked apart) and the
/// change from last month's ranking.
public struct UnitRanking: Codable, Sendable, Equatable {
    public struct Row: Codable, Sendable, Equatable {
        public var unitID: UUID
        public var unit: String
        public var group: UnitGroup
        public var facts: UnitFacts
        public var score: UnitScore
        public var rank: Int
        public var previousRank: Int?
        public var previousTotal: Double?
    }

    public var year: Int
    public var month: Int
    public var asOf: String
    public var schemeVersion: Int
    public var scheme: ScoringScheme
    public var tieRule: String
    /// Where last month's figures came from: the issued ranking's number, or "计算".
    public var previousSource: String?
    /// In rank order; with separate groups, departments first, then towns and streets.
    public var rows: [Row]

    public var groups: [UnitGroup] { scheme.separateGroups ? UnitGroup.allCases.filter { g in rows.contains { $0.group == g } } : [] }

    public static func period(year: Int, month: Int) -> String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

    /// Scores and ranks the month, with last month's rank beside each unit. `alongside` is a
    /// second connection to read from at the same time (see `UnitFactsQuery`).
    public static func build(districtID: UUID, year: Int, month: Int, asOf: CalendarDate, on db: any Database,
                             alongside: (any Database)? = nil) async throws -> UnitRanking {
        let current = try await ScoringSchemes.current(districtID: districtID, year: year, on: db)
        let issuedLast = month > 1
            ? try await DocumentDesk.issued(districtID: districtID, kind: .unitRanking, period: period(year: year, month: month - 1), on: db) : nil
        // Last month's facts come in the same pass unless last month's ranking was issued.
        let facts = try await UnitFactsQuery.run(districtID: districtID, year: year, months: issuedLast == nil ? [month - 1, month] : [month], on: db, alongside: alongside)
        let rows = rank(facts[month] ?? [], month: month, scheme: current.scheme)
        guard !rows.isEmpty else {
            throw ProjectItemContext.Failure.invalid(field: "month", Message(zh: "\(year)年没有列入年度计划的项目，\(month)月无单位可排名",
                                                                             en: "No project is in \(year)'s plan: there is no unit to rank for month \(month)"))
        }
        var ranking = UnitRanking(year: year, month: month, asOf: asOf.iso, schemeVersion: current.version, scheme: current.scheme,
                                  tieRule: RankingOrder.tieRule.zh, previousSource: nil, rows: rows)
        if month > 1 {
            var last: [UUID: Row] = [:]
            if let issued = issuedLast, let content = try? JSONDecoder().decode(UnitRanking.self, from: Data(issued.payload.utf8)) {
                ranking.previousSource = issued.number
                content.rows.forEach { last[$0.unitID] = $0 }
            } else {
                ranking.previousSource = "计算"
                rank(facts[month - 1] ?? [], month: month - 1, scheme: current.scheme).forEach { last[$0.unitID] = $0 }
            }
            for i in ranking.rows.indices {
                ranking.rows[i].previousRank = last[ranking.rows[i].unitID]?.rank
                ranking.rows[i].previousTotal = last[ranking.rows[i].unitID]?.score.total
            }
        }
        return ranking
    }

    /// The month's rows, ranked by `RankingOrder` (within each group when the scheme separates them).
    public static func rank(districtID: UUID, year: Int, month: Int, scheme: ScoringScheme, on db: any Database) async throws -> [Row] {
        rank(try await UnitFactsQuery.run(districtID: districtID, year: year, month: month, on: db), month: month, scheme: scheme)
    }

    /// Ranks units whose facts are known.
    public static func rank(_ units: [UnitFactsQuery.Unit], month: Int, scheme: ScoringScheme) -> [Row] {
        var out: [Row] = []
        let groups: [UnitGroup?] = scheme.separateGroups ? UnitGroup.allCases : [nil]
        for group in groups {
            let members = units.filter { group == nil || UnitGroup.of($0.name) == group }
            let scored = members.map { u in
                (u, RankingOrder.Entry(unit: u.name, score: UnitScore.score(u.facts, month: month, scheme: scheme), litProjects: u.facts.litProjects))
            }
            for (i, (u, e)) in scored.sorted(by: { RankingOrder.precedes($0.1, $1.1) }).enumerated() {
                out.append(Row(unitID: u.id, unit: u.name, group: UnitGroup.of(u.name), facts: u.facts, score: e.score, rank: i + 1))
            }
        }
        return out
    }
}
