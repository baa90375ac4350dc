import BallastCore
import Fluent
import Foundation
import SQLKit

/// Who runs a scheduled job's step, and how it went (issue 22). Each step of a job is claimed
/// per district and day before it runs, in a transaction of its own: the first instance to
/// claim it runs it, the others see it taken and skip. A step that failed can be claimed again
/// (the next run retries it); one still running is left alone until its lease has passed by
/// the database's clock (its instance died); one done is run again only when asked by hand.
public enum JobRuns {
    /// How long a claim holds without finishing: far above any step's run (a 60 000-project
    /// recompute takes seconds).
    public static let lease: TimeInterval = 30 * 60

    public enum Status: String, Sendable { case running, done, failed }

    public struct Claim: Sendable, Equatable {
        public var job: String
        public var step: String
        public var districtID: UUID
        public var day: CalendarDate

        public init(job: String, step: String, districtID: UUID, day: CalendarDate) {
            self.job = job; self.step = step; self.districtID = districtID; self.day = day
        }
    }

    /// True when this caller has the step to run. `again`: also a step already done (a run by hand).
    public static func claim(_ c: Claim, again: Bool = false, on db: any Database) async throws -> Bool {
        try await db.writeTransaction(.bookkeeping) { tx in
            let sql = try tx.sql()
            let now = try await DatabaseClock.now(on: tx).timeIntervalSince1970
            let inserted = try await sql.raw("""
                INSERT INTO job_runs (id, job, step, district_id, run_on, status, attempts, started_at)
                VALUES (\(bind: UUID()), \(bind: c.job), \(bind: c.step), \(bind: c.districtID), \(bind: c.day.iso), 'running', 1, \(bind: now))
                ON CONFLICT (job, step, district_id, run_on) DO NOTHING RETURNING id
                """).all()
            if !inserted.isEmpty { return true }
            var retake: SQLQueryString = "status = 'failed' OR (status = 'running' AND started_at < \(bind: now - lease))"
            if again { retake += " OR status = 'done'" }
            let taken = try await sql.raw("""
                UPDATE job_runs SET status = 'running', attempts = attempts + 1, started_at = \(bind: now), finished_at = NULL, error = NULL
                WHERE job = \(bind: c.job) AND step = \(bind: c.step) AND district_id = \(bind: c.districtID) AND run_on = \(bind: c.day.iso) AND (
                """ + retake + ") RETURNING id").all()
            return !taken.isEmpty
        }
    }

    /// The step ran: what it did, in a line.
    public static func finish(_ c: Claim, detail: String, on db: any Database) async throws {
        try await end(c, status: .done, detail: detail, error: nil, on: db)
    }

    /// The step failed: kept with the error, and the office's users told in their inbox (once a
    /// step and day), so a night that went wrong is seen in the morning, not found weeks later.
    public static func fail(_ c: Claim, error: String, on db: any Database) async throws {
        let message = String(error.prefix(500))
        try await db.writeTransaction { tx in
            try await end(c, status: .failed, detail: nil, error: message, on: tx)
            let office = try await (try tx.sql()).raw("""
                SELECT username FROM users WHERE district_id = \(bind: c.districtID) AND disabled = \(bind: false)
                AND (roles LIKE '%office%' OR roles LIKE '%admin%')
                """).all().map { try $0.decode(column: "username", as: String.self) }
            try await Notifier.send(.init(districtID: c.districtID, kind: .jobFailed,
                                          title: "夜间任务“\(JobRuns.stepName(c.step))”\(c.day.iso) 未完成，将在下次运行时重试：\(String(message.prefix(120)))",
                                          link: Site.notices.link, usernames: office, dedupeKey: "job:\(c.job):\(c.step):\(c.day.iso)"), on: tx)
        }
    }

    static func end(_ c: Claim, status: Status, detail: String?, error: String?, on db: any Database) async throws {
        let sql = try db.sql()
        let now = try await DatabaseClock.now(on: db).timeIntervalSince1970
        try await sql.update(JobRunModel.schema).set("status", to: status.rawValue).set("finished_at", to: now)
            .set("detail", to: detail).set("error", to: error)
            .where("job", .equal, c.job).where("step", .equal, c.step).where("district_id", .equal, c.districtID).where("run_on", .equal, c.day.iso)
            .run()
    }

    /// The steps' Chinese names, for the inbox and the status table.
    public static func stepName(_ step: String) -> String {
        switch step {
        case "colours": "四色预警重算"
        case "notices": "生成催办单"
        case "reminders": "到期提醒"
        case "escalations": "催办升级"
        case "drafts": "定期文件草稿"
        default: step
        }
    }

    public struct Run: Sendable, Equatable {
        public var job: String
        public var step: String
        public var district: String
        public var day: CalendarDate
        public var status: String
        public var attempts: Int
        public var startedAt: Date
        public var finishedAt: Date?
        public var detail: String?
        public var error: String?
    }

    /// The last run of each job, step and district, newest day first.
    public static func latest(on db: any Database) async throws -> [Run] {
        try await (try db.sql()).raw("""
            SELECT r.job, r.step, d.code, r.run_on, r.status, r.attempts, r.started_at, r.finished_at, r.detail, r.error
            FROM job_runs r JOIN districts d ON d.id = r.district_id
            WHERE r.run_on = (SELECT MAX(x.run_on) FROM job_runs x WHERE x.job = r.job AND x.step = r.step AND x.district_id = r.district_id)
            ORDER BY d.code, r.job, r.started_at
            """).all().map { r in
            Run(job: try r.decode(column: "job", as: String.self), step: try r.decode(column: "step", as: String.self),
                district: try r.decode(column: "code", as: String.self), day: try r.decode(column: "run_on", as: CalendarDate.self),
                status: try r.decode(column: "status", as: String.self), attempts: try r.decode(column: "attempts", as: Int.self),
                startedAt: Date(timeIntervalSince1970: try r.decode(column: "started_at", as: Double.self)),
                finishedAt: try r.decode(column: "finished_at", as: Double?.self).map(Date.init(timeIntervalSince1970:)),
                detail: try r.decode(column: "detail", as: String?.self), error: try r.decode(column: "error", as: String?.self))
        }
    }
}
