import BallastCore
import Fluent
import Foundation
import SQLKit

/// 万人助万企 visits: an official records a visit to an enterprise for a unit (a unit's user
/// for their own unit), with the problems the enterprise raised, each a problem against the
/// enterprise worked like any other. All in one transaction: a visit is never half-recorded.
public struct VisitEditor: Sendable {
    public var context: ProjectItemContext
    public var supervisor: Bool

    public init(context: ProjectItemContext, supervisor: Bool) { self.context = context; self.supervisor = supervisor }

    public struct RaisedProblem: Sendable, Equatable {
        public var category: String
        public var title: String
        public var description: String
        public init(category: String, title: String, description: String) { self.category = category; self.title = title; self.description = description }
    }

    public func record(enterpriseID: UUID, unit: String, visitedOn: CalendarDate, visitors: String, discussed: String,
                       problems raised: [RaisedProblem], on db: any Database) async throws -> VisitModel {
        var problems: [FieldProblem] = []
        if visitedOn > context.today { problems.append(FieldProblem("visitedOn", Message(zh: "走访日期 \(visitedOn.iso) 晚于今天", en: "The visit date is after today"))) }
        if visitors.trimmed.isEmpty { problems.append(FieldProblem("visitors", Message(zh: "请填写走访人员", en: "Say who visited"))) }
        if discussed.trimmed.isEmpty { problems.append(FieldProblem("discussed", Message(zh: "请填写走访内容", en: "Say what was discussed"))) }
        let early = problems
        return try await db.writeTransaction { tx in
            var problems = early
            var unitID: UUID?
            do { unitID = try await context.unitID(named: unit, on: tx) } catch ProjectItemContext.Failure.invalid(let field, let message) {
                problems.append(FieldProblem(field, message))
            }
            if unitID == nil && unit.trimmed.isEmpty { problems.append(FieldProblem("unit", Message(zh: "请选择走访单位", en: "Choose the unit"))) }
            if let scope = context.scopeUnitID, let unitID, unitID != scope {
                problems.append(FieldProblem("unit", Message(zh: "只能记录本单位的走访", en: "A unit records its own visits only")))
            }
            guard let e = try await EnterpriseModel.query(on: tx).filter(\.$id == enterpriseID).filter(\.$districtID == context.districtID).first() else {
                throw ProjectItemContext.Failure.notFound(Message(zh: "企业不存在", en: "No such enterprise"))
            }
            guard problems.isEmpty, let unitID else { throw ProjectItemContext.Failure.refused(problems) }
            let v = VisitModel()
            v.id = UUID(); v.districtID = context.districtID; v.enterpriseID = enterpriseID; v.unitID = unitID; v.visitedOn = visitedOn
            v.visitors = visitors.trimmed; v.discussed = discussed.trimmed; v.recordedBy = context.actor.name
            try await v.create(on: tx)
            let editor = ProblemEditor(context: context, supervisor: supervisor)
            for (i, r) in raised.enumerated() {
                let p: ProblemModel
                do {
                    p = try await editor.raise(.init(enterpriseID: enterpriseID, category: r.category, title: r.title, description: r.description), on: tx)
                } catch ProjectItemContext.Failure.refused(let issues) {
                    // Name which of the visit's problems is wrong.
                    throw ProjectItemContext.Failure.refused(issues.map { FieldProblem("problems[\(i)].\($0.field)", $0.message) })
                }
                let link = VisitProblemModel()
                link.id = UUID(); link.visitID = try v.requireID(); link.problemID = try p.requireID()
                try await link.create(on: tx)
            }
            try await Audit.record(on: tx, districtID: context.districtID, actor: context.actor, action: "create", entity: "visit", entityID: v.id,
                                   summary: "走访 \(e.name) \(visitedOn.iso)", before: Nothing?.none,
                                   after: ["visitedOn": v.visitedOn.iso, "visitors": v.visitors, "discussed": v.discussed, "problems": String(raised.count)])
            return v
        }
    }
}

/// 万人助万企 figures by unit for a period, counted in SQL: enterprises visited, visits, the
/// problems those visits raised, how many of them were solved by the period's end, the rate.
public enum ServiceFigures {
    public struct Line: Sendable, Equatable {
        public var unit: String
        public var enterprises: Int
        public var visits: Int
        public var raised: Int
        public var solved: Int
        public var resolutionRate: Double? { Percent.of(solved, raised) }

        public static let empty = Line(unit: "", enterprises: 0, visits: 0, raised: 0, solved: 0)
    }

    public struct Visit: Sendable, Equatable {
        public var id: UUID
        public var enterpriseID: UUID
        public var enterprise: String
        public var unit: String
        public var visitedOn: CalendarDate
        public var visitors: String
        public var discussed: String
        public var problems: Int
    }

    /// One line per unit, and the district's total last (unit "").
    public static func run(districtID: UUID, from: CalendarDate, to: CalendarDate, scopeUnitID: UUID?, on db: any Database) async throws -> [Line] {
        let sql = try db.sql()
        var where_: SQLQueryString = "v.district_id = \(bind: districtID) AND v.visited_on >= \(bind: from.iso) AND v.visited_on <= \(bind: to.iso)"
        if let scopeUnitID { where_ += " AND v.unit_id = \(bind: scopeUnitID)" }
        let solvedAsOf: SQLQueryString = """
            (SELECT s.status FROM problem_steps s WHERE s.problem_id = vp.problem_id AND s.effective_on <= \(bind: to.iso) ORDER BY s.seq DESC LIMIT 1)
            """
        /// Per unit when grouped; the district's one line when not (PostgreSQL refuses a constant to group by).
        func lines(grouped: Bool) async throws -> [Line] {
            let group: SQLQueryString = grouped ? " GROUP BY u.name ORDER BY COUNT(DISTINCT v.id) DESC, u.name" : ""
            return try await sql.raw("SELECT " + (grouped ? "u.name" : "''") + """
                 AS unit, COUNT(DISTINCT v.enterprise_id) AS enterprises, COUNT(DISTINCT v.id) AS visits, COUNT(vp.problem_id) AS raised,
                       SUM(CASE WHEN
                """ + solvedAsOf + " IN (\(binds: ProblemQuery.solvedStatuses)) THEN 1 ELSE 0 END) AS solved"
                + " FROM enterprise_visits v JOIN reference_entries u ON u.id = v.unit_id LEFT JOIN visit_problems vp ON vp.visit_id = v.id WHERE "
                + where_ + group).all().map { r in
                Line(unit: try r.decode(column: "unit", as: String.self), enterprises: try r.decode(column: "enterprises", as: Int.self),
                     visits: try r.decode(column: "visits", as: Int.self), raised: try r.decode(column: "raised", as: Int.self),
                     solved: try r.decode(column: "solved", as: Int?.self) ?? 0)
            }
        }
        return try await lines(grouped: true) + (try await lines(grouped: false).first.map { [$0] } ?? [.empty])
    }

    /// An enterprise's visits (or the district's in a period), newest first.
    public static func visits(districtID: UUID, enterpriseID: UUID?, scopeUnitID: UUID?, limit: Int = 200, on db: any Database) async throws -> [Visit] {
        let sql = try db.sql()
        var q: SQLQueryString = """
            SELECT v.id, v.enterprise_id, e.name AS enterprise, u.name AS unit, v.visited_on, v.visitors, v.discussed,
                   (SELECT COUNT(*) FROM visit_problems vp WHERE vp.visit_id = v.id) AS problems
            FROM enterprise_visits v JOIN enterprises e ON e.id = v.enterprise_id JOIN reference_entries u ON u.id = v.unit_id
            WHERE v.district_id = \(bind: districtID)
            """
        if let enterpriseID { q += " AND v.enterprise_id = \(bind: enterpriseID)" }
        if let scopeUnitID { q += " AND v.unit_id = \(bind: scopeUnitID)" }
        q += " ORDER BY v.visited_on DESC, v.created_at DESC LIMIT \(literal: limit)"
        return try await sql.raw(q).all().map { r in
            Visit(id: try r.decode(column: "id", as: UUID.self), enterpriseID: try r.decode(column: "enterprise_id", as: UUID.self),
                  enterprise: try r.decode(column: "enterprise", as: String.self), unit: try r.decode(column: "unit", as: String.self),
                  visitedOn: try r.decode(column: "visited_on", as: CalendarDate.self), visitors: try r.decode(column: "visitors", as: String.self),
                  discussed: try r.decode(column: "discussed", as: String.self), problems: try r.decode(column: "problems", as: Int.self))
        }
    }
}
