import BallastCore
import Fluent
import Foundation

/// Drafting the district's rhythm: the weekly bulletin, the monthly ranking, the quarterly
/// assessment and the annual evaluation. Each is drafted as of a day no later than today and
/// no earlier than its period's start, again and again until issued.
extension DocumentDesk {
    /// The as-of day for a period starting `start` and ending `end`: the given day or today,
    /// capped at the period's end; refused when after today or before the period.
    func asOfDay(_ asOf: CalendarDate?, start: CalendarDate, end: CalendarDate, field: String, name: Message) throws -> CalendarDate {
        guard start <= context.today else {
            throw ProjectItemContext.Failure.invalid(field: field, Message(zh: "\(name.zh)尚未开始", en: "\(name.en) has not begun"))
        }
        let day = asOf ?? min(context.today, end)
        if day > context.today {
            throw ProjectItemContext.Failure.invalid(field: "asOf", Message(zh: "统计日期 \(day.iso) 晚于今天", en: "The as-of day \(day.iso) is after today"))
        }
        if day < start {
            throw ProjectItemContext.Failure.invalid(field: "asOf", Message(zh: "统计日期 \(day.iso) 早于\(name.zh)", en: "The as-of day \(day.iso) is before \(name.en)"))
        }
        return min(day, end)
    }

    /// What drafting a period's document takes: its kind, period, title and how it is built.
    public struct Plan: Sendable {
        public var kind: DocumentKind
        public var period: String
        public var title: String
        public var build: @Sendable (any Database) async throws -> (any Encodable & Sendable, CalendarDate)
    }

    /// The as-of day for a month's document.
    func monthAsOf(year: Int, month: Int, _ asOf: CalendarDate?) throws -> CalendarDate {
        guard (1...12).contains(month), let start = CalendarDate(year: year, month: month, day: 1) else {
            throw ProjectItemContext.Failure.invalid(field: "month", Message(zh: "月份 \(year)-\(month) 无效", en: "\(year)-\(month) is not a month"))
        }
        let end = CalendarDate.clamped(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))
        return try asOfDay(asOf, start: start, end: end, field: "month", name: Message(zh: "\(year)年\(month)月", en: UnitRanking.period(year: year, month: month)))
    }

    public func weeklyBulletin(week: ISOWeek, asOf: CalendarDate?) throws -> Plan {
        let day = try asOfDay(asOf, start: week.monday, end: week.sunday, field: "week", name: Message(zh: week.fullName(.zh), en: week.fullName(.en)))
        let districtID = context.districtID
        return Plan(kind: .weeklyBulletin, period: week.description, title: "重点项目建设周通报（\(week.year)年第\(week.week)周）") { db in
            let b = try await WeeklyBulletin.build(districtID: districtID, week: week, asOf: day, on: db)
            return (b, day)
        }
    }

    public func ranking(year: Int, month: Int, asOf: CalendarDate?) throws -> Plan {
        let day = try monthAsOf(year: year, month: month, asOf)
        let districtID = context.districtID, alongside = alongside
        return Plan(kind: .unitRanking, period: UnitRanking.period(year: year, month: month), title: "重点项目责任单位月度排名（\(year)年\(month)月）") { db in
            let r = try await UnitRanking.build(districtID: districtID, year: year, month: month, asOf: day, on: db, alongside: alongside)
            return (r, day)
        }
    }

    public func assessment(period: AssessmentPeriod, asOf: CalendarDate?) throws -> Plan {
        let start = CalendarDate.clamped(year: period.year, month: period.months.lowerBound, day: 1)
        let day = try asOfDay(asOf, start: start, end: period.lastDay, field: "period", name: Message(zh: period.chineseName, en: period.name(.en)))
        let districtID = context.districtID, alongside = alongside
        return Plan(kind: period.quarter == nil ? .annualEvaluation : .quarterlyAssessment, period: period.description,
                    title: period.quarter == nil ? "\(period.year)年度重点项目工作评优" : "\(period.chineseName)重点项目工作考核") { db in
            let a = try await UnitAssessment.build(districtID: districtID, period: period, asOf: day, on: db, alongside: alongside)
            return (a, day)
        }
    }

    /// Drafts (or redrafts) and stores the plan's document.
    public func draft(_ plan: Plan, on db: any Database) async throws -> DocumentModel {
        try await draft(kind: plan.kind, period: plan.period, title: plan.title, on: db, build: plan.build)
    }

    /// The period's document without storing anything: the issued one when there is one (what
    /// was sent out stays what is printed), else freshly built, unsaved, as a draft.
    public func preview(_ plan: Plan, on db: any Database) async throws -> DocumentModel {
        if let issued = try await Self.issued(districtID: context.districtID, kind: plan.kind, period: plan.period, on: db) { return issued }
        let (content, asOf) = try await plan.build(db)
        let d = DocumentModel()
        d.id = UUID(); d.districtID = context.districtID; d.kind = plan.kind; d.period = plan.period; d.title = plan.title
        d.status = .draft; d.version = 0; d.asOf = asOf
        d.payload = String(decoding: try JSONEncoder.sorted.encode(content), as: UTF8.self)
        return d
    }
}
