import BallastCore
import Fluent
import Foundation

/// A district's answer clock and working-day calendar, or the 13710 default on weekdays.
public struct SupervisionSettings: Sendable, Equatable {
    public var clock: ProblemClock
    public var calendar: WorkCalendar
    public var version: Int

    public static let standard = SupervisionSettings(clock: .standard, calendar: .weekdaysOnly, version: 0)

    public static func load(districtID: UUID, on db: any Database) async throws -> SupervisionSettings {
        guard let row = try await SupervisionSettingsModel.query(on: db).filter(\.$districtID == districtID).first() else { return .standard }
        let days = { (text: String) in (try? WorkCalendar.days(text).get()) ?? [] }
        return SupervisionSettings(clock: ProblemClock(acknowledgeDays: row.acknowledgeDays, feedbackDays: row.feedbackDays,
                                                       resolveDays: row.resolveDays, majorResolveDays: row.majorResolveDays),
                                   calendar: WorkCalendar(holidays: days(row.holidays), workdays: days(row.workdays)), version: row.version)
    }

    /// Saves the clock and calendar; `version` is the one read (0 while the default stands).
    /// Refused whole when a time is out of order; audited.
    public static func save(_ clock: ProblemClock, holidays: String, workdays: String, version: Int, districtID: UUID, actor: ChangeActor,
                            on db: any Database) async throws -> SupervisionSettings {
        var problems = clock.problems()
        var parsed: [Set<CalendarDate>] = []
        for (field, text) in [("holidays", holidays), ("workdays", workdays)] {
            switch WorkCalendar.days(text) {
            case .success(let days): parsed.append(days)
            case .failure(let bad):
                parsed.append([])
                problems.append(FieldProblem(field, Message(zh: "“\(bad.text)”不是日期（应为 2023-06-22 这样的日期，以逗号分隔）",
                                                            en: "“\(bad.text)” is not a date (write days like 2023-06-22, separated by commas)")))
            }
        }
        guard problems.isEmpty else { throw ProjectItemContext.Failure.refused(problems) }
        let text = { @Sendable (days: Set<CalendarDate>) in days.sorted().map(\.iso).joined(separator: ",") }
        let (holidayText, workdayText) = (text(parsed[0]), text(parsed[1]))
        return try await db.writeTransaction { tx in
            let existing = try await SupervisionSettingsModel.query(on: tx).filter(\.$districtID == districtID).first()
            if (existing?.version ?? 0) != version { throw ProjectItemContext.Failure.versionConflict(current: existing?.version ?? 0) }
            let before = try await load(districtID: districtID, on: tx)
            let row = existing ?? SupervisionSettingsModel()
            if let existing {
                // The version read is claimed in one UPDATE, so of two saves made against it only
                // one passes; the comparison above only spares the loser a write.
                try await EditContext(districtID: districtID, actor: actor).claim(existing, version: version, in: tx,
                                                                                 conflict: ProjectItemContext.Failure.versionConflict(current:))
            } else {
                row.id = UUID(); row.districtID = districtID; row.version = 1
            }
            row.acknowledgeDays = clock.acknowledgeDays; row.feedbackDays = clock.feedbackDays
            row.resolveDays = clock.resolveDays; row.majorResolveDays = clock.majorResolveDays
            row.holidays = holidayText; row.workdays = workdayText
            if existing == nil {
                // The first save: one row per district (a unique key), so of two first saves
                // the second finds the first's row and is refused as stale.
                do { try await row.create(on: tx) } catch { throw ProjectItemContext.Failure.versionConflict(current: 1) }
            } else {
                try await row.update(on: tx)
            }
            try await Audit.record(on: tx, districtID: districtID, actor: actor, action: existing == nil ? "create" : "update",
                                   entity: "supervision-settings", entityID: row.id, summary: "督办时限设置",
                                   before: before.clock, after: clock)
            let saved = try await load(districtID: districtID, on: tx)
            // The 前期手续 steps' due days follow the calendar (`ApprovalDue`).
            if saved.calendar != before.calendar { try await ApprovalDue.recompute(districtID: districtID, calendar: saved.calendar, on: tx) }
            return saved
        }
    }
}
