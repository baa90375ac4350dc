import BallastCore
import BallastStore
import Fluent
import Vapor

/// Every night at 02:00 (Asia/Shanghai) the colours of every district's current year are
/// recomputed, so a milestone that became late overnight turns its project's light without
/// anyone touching a figure, and the reminder notices lateness calls for are issued. With several servers on one PostgreSQL, a transaction-scoped
/// advisory lock lets exactly one of them do it; the others see the lock taken and skip.
enum NightlyJob {
    /// The advisory lock's key: "BALLAST1" read as a number, unlikely to collide with anyone's.
    static let lockKey: Int64 = 0x4241_4C4C_4153_5431
    static let hour = 2

    /// Runs the recompute once unless another instance is running it. True when it ran.
    @discardableResult
    static func runOnce(on db: any Database, logger: Logger) async throws -> Bool {
        let ran = try await DatabaseSetup.exclusively(key: lockKey, on: db) { tx in
            for district in try await Districts.all(on: tx) {
                let year = try await PlanYears.current(districtID: try district.requireID(), today: DistrictContext.today(in: district), on: tx)
                let r = try await Recolour.year(year, districtID: try district.requireID(), today: DistrictContext.today(in: district), in: tx)
                logger.info("nightly recompute \(district.code) \(year): \(r.projects) projects, \(r.changed) changed")
                // Then the reminders lateness calls for, on today's colours and deadlines.
                let notices = try await NoticeGenerator.run(districtID: try district.requireID(), today: DistrictContext.today(in: district), on: tx)
                logger.info("nightly notices \(district.code): \(notices.issued.count) issued, \(notices.escalated.count) escalated")
                for drafted in try await draftDocuments(district, on: tx) { logger.info("nightly draft \(district.code): \(drafted)") }
            }
            return true
        }
        if ran == nil { logger.info("nightly recompute: another instance holds the lock; skipped") }
        return ran ?? false
    }

    /// The drafts the day calls for (`CadenceSchedule`): Monday's weekly bulletin, the first's
    /// ranking. One already issued is left as it is; one that cannot be drafted (a year with no
    /// plan) is logged and skipped, so it never stops the night's other work.
    static func draftDocuments(_ district: DistrictModel, today: CalendarDate? = nil, on db: any Database) async throws -> [String] {
        let today = today ?? DistrictContext.today(in: district)
        let desk = DocumentDesk(context: ProjectItemContext(districtID: try district.requireID(), actor: .system, today: today, scopeUnitID: nil))
        var plans: [DocumentDesk.Plan] = []
        if let week = CadenceSchedule.weekToDraft(on: today) { plans.append(try desk.weeklyBulletin(week: week, asOf: week.sunday)) }
        if let m = CadenceSchedule.monthToRank(on: today) { plans.append(try desk.ranking(year: m.year, month: m.month, asOf: nil)) }
        var done: [String] = []
        for plan in plans {
            if try await DocumentDesk.issued(districtID: try district.requireID(), kind: plan.kind, period: plan.period, on: db) != nil { continue }
            do {
                let d = try await desk.draft(plan, on: db)
                done.append("\(d.title) v\(d.version)")
            } catch let ProjectItemContext.Failure.invalid(_, message) {
                done.append("\(plan.title) 未生成：\(message.zh)")
            }
        }
        return done
    }

    /// Seconds from `now` to the next 02:00 in Zhengzhou.
    static func secondsUntilNextRun(from now: Date = Date()) -> TimeInterval {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone.chinaStandard
        let next = cal.nextDate(after: now, matching: DateComponents(hour: hour, minute: 0, second: 0), matchingPolicy: .nextTime)
            ?? now.addingTimeInterval(86_400)
        return next.timeIntervalSince(now)
    }

    /// Starts the schedule for a serving instance; shutting the application down stops it.
    static func schedule(_ app: Application) {
        let logger = app.logger
        let db = app.db
        let task = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(secondsUntilNextRun()))
                if Task.isCancelled { break }
                do { try await runOnce(on: db, logger: logger) } catch { logger.report(error: error) }
            }
        }
        app.lifecycle.use(Stopper(task: task))
    }

    struct Stopper: LifecycleHandler {
        let task: Task<Void, Never>
        func shutdown(_ application: Application) { task.cancel() }
    }
}
