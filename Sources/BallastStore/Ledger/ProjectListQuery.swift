import BallastCore
import Fluent
import Foundation
import SQLKit

/// What a project list may be filtered and sorted by. Names, not ids, so a link or a bookmark
/// reads as what it shows and stays valid across years.
public struct ProjectFilter: Sendable, Equatable {
    public enum Sort: String, Sendable, CaseIterable {
        case code, name, totalInvestment, annualPlan, stage, unit
    }

    public var year: Int?
    public var category: String?
    public var level: String?
    public var zone: String?
    public var unit: String?
    /// Only the projects this 分包领导 answers for: a leader's own list.
    public var leader: String?
    public var stage: LifecycleStage?
    public var text: String?
    /// Only projects of a warning colour on a day (needs a year): the list behind a dashboard's
    /// colour figures.
    public var colour: ColourFilter?
    /// Only the year's portfolio: projects with an annual plan in force on `day` (needs a year).
    public var portfolioOnly = false
    /// The day the year's list and plans are read on (`Portfolio`): the dashboard's day, so the
    /// list behind a figure counts what the figure counted; nil is the plan as it now stands.
    /// A change decided for a later day (动态调整) shows from that day.
    public var day: CalendarDate?
    /// Set for a responsible unit's users: the query itself keeps other units' rows out.
    public var scopeUnitID: UUID?
    public var sort: Sort = .code
    /// Whether anything narrows the list beyond the year (a category, a colour, a text…).
    public var isNarrowed: Bool {
        category != nil || level != nil || zone != nil || unit != nil || leader != nil || stage != nil || text != nil
            || colour != nil || portfolioOnly
    }
    public var descending = false
    public var page = 1
    public var perPage = 50

    public init() {}

    public static let maxPerPage = 200
}

public struct ProjectRow: Sendable, Equatable {
    public var id: UUID
    public var code: String
    public var name: String
    public var category: String
    public var unit: String
    public var stage: LifecycleStage
    public var totalInvestment: Money
    public var level: String?
    public var nature: ProjectNature?
    public var zone: String?
    public var annualPlan: Money?
    public var version: Int
}

public struct ProjectPage: Sendable, Equatable {
    public var items: [ProjectRow]
    public var total: Int
    public var page: Int
    public var perPage: Int
}

public enum ProjectListQuery {
    public static func run(districtID: UUID, filter: ProjectFilter, on db: any Database) async throws -> ProjectPage {
        let sql = try db.sql()
        var colours: ColourAsOf?
        if let year = filter.year, let c = filter.colour {
            colours = try await ColourAsOf.resolve(districtID: districtID, year: year, on: c.day, db: db)
        }
        let from = fromClause(filter, colours: colours) + whereClause(districtID: districtID, filter: filter)
        let perPage = max(1, min(filter.perPage, ProjectFilter.maxPerPage))
        let page = Paging(page: filter.page, perPage: perPage).page
        let planColumns: SQLQueryString = filter.year == nil
            ? ", NULL AS level, NULL AS nature, NULL AS zone, NULL AS annual_plan"
            : ", lvl.name AS level, yp.nature AS nature, zn.name AS zone, " + annualPlan(filter) + " AS annual_plan"
        let select: SQLQueryString = """
            SELECT p.id AS id, p.code AS code, p.name AS name, cat.name AS category, un.name AS unit,
                   p.stage AS stage, p.total_investment AS total, p.version AS version,
                   COUNT(*) OVER () AS total_count
            """
        let query = select + planColumns + " " + from + orderClause(filter)
            + " LIMIT \(unsafeRaw: String(perPage)) OFFSET \(unsafeRaw: String(Paging(page: page, perPage: perPage).offset))"
        let rows = try await sql.raw(query).all()
        // The window count rides along with the page: one query instead of two. Past the last
        // page there is no row to carry it, and only then is it counted on its own.
        var total = try rows.first?.decode(column: "total_count", as: Int.self) ?? 0
        if rows.isEmpty && page > 1 {
            total = try await sql.raw("SELECT COUNT(*) AS n " + from).first()?.decode(column: "n", as: Int.self) ?? 0
        }
        return ProjectPage(items: try rows.map(decodeRow), total: total, page: page, perPage: perPage)
    }

    static func fromClause(_ filter: ProjectFilter, colours: ColourAsOf?) -> SQLQueryString {
        var from: SQLQueryString = """
            FROM projects p
            JOIN reference_entries cat ON cat.id = p.category_id
            JOIN reference_entries un ON un.id = p.unit_id
            """
        if let year = filter.year {
            from += """
                 JOIN year_plans yp ON yp.project_id = p.id AND yp.year = \(bind: year)
                 JOIN reference_entries lvl ON lvl.id = yp.level_id
                 LEFT JOIN reference_entries zn ON zn.id = yp.zone_id
                """
            if let c = filter.colour, let colours {
                from += " JOIN " + colours.subquery
                    + " col ON col.project_id = p.id AND col.colour = \(bind: c.colour.rawValue)"
            }
        }
        return from
    }

    static func whereClause(districtID: UUID, filter: ProjectFilter) -> SQLQueryString {
        var conditions: [SQLQueryString] = ["p.district_id = \(bind: districtID)"]
        if let scope = filter.scopeUnitID { conditions.append("p.unit_id = \(bind: scope)") }
        if let v = filter.category { conditions.append("cat.name = \(bind: v)") }
        if let v = filter.unit { conditions.append("un.name = \(bind: v)") }
        if let v = filter.leader {
            conditions.append("EXISTS (SELECT 1 FROM reference_entries ld WHERE ld.id = p.leader_id AND ld.name = \(bind: v))")
        }
        if let v = filter.stage { conditions.append("p.stage = \(bind: v.rawValue)") }
        if filter.year != nil {
            if let v = filter.level { conditions.append("lvl.name = \(bind: v)") }
            if let v = filter.zone { conditions.append(v == SummaryQuery.unassigned ? "yp.zone_id IS NULL" : "zn.name = \(bind: v)") }
            if filter.portfolioOnly { conditions.append(filter.day.map { Portfolio.on($0) } ?? "yp.annual_plan IS NOT NULL") }
        }
        if let text = filter.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            let pattern = "%" + escapeLike(text.lowercased()) + "%"
            conditions.append("""
                (LOWER(p.code) LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(p.name) LIKE \(bind: pattern) ESCAPE '\\' \
                OR LOWER(COALESCE(p.investor, '')) LIKE \(bind: pattern) ESCAPE '\\')
                """)
        }
        return " WHERE " + conditions.joined(separator: " AND ")
    }

    static func orderClause(_ filter: ProjectFilter) -> SQLQueryString {
        let direction: SQLQueryString = filter.descending ? " DESC" : " ASC"
        let key: SQLQueryString
        switch filter.sort {
        case .code: key = "p.code"
        case .name: key = "p.name"
        case .totalInvestment: key = "p.total_investment"
        case .annualPlan: key = filter.year == nil ? "p.code" : "COALESCE(" + annualPlan(filter) + ", -1)"
        case .stage: key = "p.stage"
        case .unit: key = "un.name"
        }
        return " ORDER BY " + key + direction + ", p.code ASC"
    }

    /// The plan's annual figure in force on the filter's day, or as it stands.
    static func annualPlan(_ filter: ProjectFilter) -> SQLQueryString {
        filter.day.map { Portfolio.plan(on: $0) } ?? "yp.annual_plan"
    }

    /// LIKE treats % and _ as wildcards; a user searching for "100%" means the characters.
    static func escapeLike(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }

    static func decodeRow(_ row: any SQLRow) throws -> ProjectRow {
        ProjectRow(
            id: try row.decode(column: "id", as: UUID.self),
            code: try row.decode(column: "code", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            category: try row.decode(column: "category", as: String.self),
            unit: try row.decode(column: "unit", as: String.self),
            stage: LifecycleStage(rawValue: try row.decode(column: "stage", as: String.self)) ?? .conceived,
            totalInvestment: Money(yuan: try row.decode(column: "total", as: Int64.self)),
            level: try row.decode(column: "level", as: String?.self),
            nature: try row.decode(column: "nature", as: String?.self).flatMap(ProjectNature.init(rawValue:)),
            zone: try row.decode(column: "zone", as: String?.self),
            annualPlan: try row.decode(column: "annual_plan", as: Int64?.self).map(Money.init(yuan:)),
            version: try row.decode(column: "version", as: Int.self))
    }
}

/// A colour on a day, for `ProjectFilter.colour`.
public struct ColourFilter: Sendable, Equatable {
    public var colour: WarningColour
    public var day: CalendarDate
    /// The district's today: the list says "lit on <day>" when the day is a past one.
    public var today: CalendarDate
    public init(colour: WarningColour, day: CalendarDate, today: CalendarDate) { self.colour = colour; self.day = day; self.today = today }
}
