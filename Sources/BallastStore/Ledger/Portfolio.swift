import BallastCore
import SQLKit

/// The year's portfolio (年度计划项目) on a day: the plans of the year with an annual figure in
/// force then (`plan(on:)`: 动态调整 moves a project in or out, or its figure, from a day) that
/// had joined it by then (`year_plans.entered_on`; a ledger's plans were there from the start).
/// Every count of the portfolio as of a day reads this: the summary, the dashboard, the warning
/// board, the colours and the ranking (issue 21: a past day once counted plans made later).
public enum Portfolio {
    /// Conditions on the plan `alias`, already matched to its year.
    public static func on(_ day: CalendarDate, _ alias: SQLQueryString = "yp") -> SQLQueryString {
        " " + plan(on: day, alias) + " IS NOT NULL AND " + ReportsOwed.joined(alias, by: day)
    }

    /// In the year's list at some time: a plan with an annual figure now, or one moved in or out
    /// during the year. The figures by month read each month's membership from it (`on`).
    public static func everIn(_ alias: SQLQueryString = "yp") -> SQLQueryString {
        "(" + alias + ".annual_plan IS NOT NULL OR EXISTS (SELECT 1 FROM plan_changes pc WHERE pc.project_id = " + alias
            + ".project_id AND pc.year = " + alias + ".year))"
    }

    /// The plan `alias`'s annual figure in force on `day` (`PlanChange.plan(on:)` in SQL): the
    /// figure before the first change that takes effect after the day, else the figure as it
    /// stands. Without changes it is the column itself, read through one indexed look-up.
    public static func plan(on day: CalendarDate, _ alias: SQLQueryString = "yp") -> SQLQueryString {
        let later: SQLQueryString = " FROM plan_changes pc WHERE pc.project_id = " + alias + ".project_id AND pc.year = " + alias
            + ".year AND pc.effective_on > \(bind: day.iso)"
        return "(CASE WHEN EXISTS (SELECT 1" + later + ") THEN (SELECT pc.before_plan" + later
            + " ORDER BY pc.effective_on, pc.created_at LIMIT 1) ELSE " + alias + ".annual_plan END)"
    }
}
