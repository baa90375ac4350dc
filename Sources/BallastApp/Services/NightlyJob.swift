import BallastCore
import BallastStore
import Fluent
import SQLKit
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
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            if sql.dialect.name == "postgresql" {
                let row = try await sql.raw("SELECT pg_try_advisory_xact_lock(\(bind: lockKey)) AS got").first()
                guard try row?.decode(column: "got", as: Bool.self) == true else {
                    logger.info("nightly recompute: another instance holds the lock; skipped")
                    return false
                }
            }
            for district in try await DistrictModel.query(on: tx).all() {
                let year = try await RequestParameters.defaultYear(district: district, on: tx)
                let r = try await WarningService.recompute(district: district, year: year, on: tx)
                logger.info("nightly recompute \(district.code) \(year): \(r.projects) projects, \(r.changed) changed")
                // Then the reminders lateness calls for, on today's colours and deadlines.
                let notices = try await NoticeGenerator.run(districtID: try district.requireID(), today: DistrictContext.today(in: district), on: tx)
                logger.info("nightly notices \(district.code): \(notices.issued.count) issued, \(notices.escalated.count) escalated")
            }
            return true
        }
    }

    /// Seconds from `now` to the next 02:00 in Zhengzhou.
    static func secondsUntilNextRun(from now: Date = Date()) -> TimeInterval {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let next = cal.nextDate(after: now, matching: DateComponents(hour: hour, minute: 0, second: 0), matchingPolicy: .nextTime)!
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
