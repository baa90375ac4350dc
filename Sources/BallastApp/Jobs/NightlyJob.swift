import BallastCore
import BallastStore
import Fluent
import Vapor

/// Every night at 02:00 (Asia/Shanghai), for every district: the colours of the current year
/// are recomputed (a milestone that became late overnight turns its project's light without
/// anyone touching a figure), the notices lateness calls for are issued, tomorrow's deadlines
/// reminded, unanswered notices escalated, and the day's scheduled drafts made.
///
/// Each step runs in a transaction of its own, claimed first per district and day (`JobRuns`):
/// with several servers on one database the first to claim a step runs it and the others skip
/// it; a step that fails is logged, told to the office's inbox and left to the next run, and
/// the steps after it still run (issue 22). `ballast jobs run nightly` runs it by hand through
/// the same claims.
enum NightlyJob {
    static let name = "nightly"
    static let hour = 2

    enum Step: String, CaseIterable, Sendable {
        case colours, notices, reminders, escalations, drafts
    }

    /// What one run did: per district and step, "done: …", "skipped" or "failed: …".
    struct Report: Sendable, Equatable {
        var lines: [String] = []
        var failed = 0
        var ran = 0
    }

    /// Runs the steps for every district. `today` fixes the day (a run by hand for a day);
    /// `again` runs steps already done that day. A step another instance holds is skipped.
    @discardableResult
    static func runOnce(on db: any Database, logger: Logger, today: CalendarDate? = nil, steps: [Step] = Step.allCases, again: Bool = false,
                        perform: @escaping @Sendable (Step, DistrictModel, CalendarDate, any Database) async throws -> String = perform) async throws -> Report {
        var report = Report()
        for district in try await Districts.all(on: db) {
            let day = today ?? DistrictContext.today(in: district)
            for step in steps {
                let claim = JobRuns.Claim(job: name, step: step.rawValue, districtID: try district.requireID(), day: day)
                guard try await JobRuns.claim(claim, again: again, on: db) else {
                    report.lines.append("\(district.code) \(step.rawValue) \(day.iso): skipped (taken or done)")
                    continue
                }
                do {
                    let detail = try await perform(step, district, day, db)
                    try await JobRuns.finish(claim, detail: detail, on: db)
                    report.ran += 1
                    report.lines.append("\(district.code) \(step.rawValue) \(day.iso): done: \(detail)")
                    logger.info("nightly \(district.code) \(step.rawValue): \(detail)")
                } catch {
                    let message = String(describing: error)
                    report.failed += 1
                    report.lines.append("\(district.code) \(step.rawValue) \(day.iso): failed: \(message)")
                    logger.error("nightly \(district.code) \(step.rawValue) failed: \(message)")
                    do { try await JobRuns.fail(claim, error: message, on: db) } catch { logger.report(error: error) }
                }
            }
        }
        return report
    }

    /// One step for one district, in its own transaction(s); a line saying what it did.
    @Sendable static func perform(_ step: Step, _ district: DistrictModel, _ today: CalendarDate, _ db: any Database) async throws -> String {
        let districtID = try district.requireID()
        switch step {
        case .colours:
            let year = try await PlanYears.current(districtID: districtID, today: today, on: db)
            let r = try await db.writeTransaction { tx in try await Recolour.year(year, districtID: districtID, today: today, in: tx) }
            return "\(year)：\(r.projects) 个项目，\(r.changed) 个变色"
        case .notices:
            let issued = try await NoticeGenerator.issueStep(districtID: districtID, today: today, on: db)
            return "催办单 \(issued.count) 份" + (issued.isEmpty ? "" : "（\(issued.first ?? "")…）")
        case .reminders:
            try await NoticeGenerator.remindStep(districtID: districtID, today: today, on: db)
            return "已提醒"
        case .escalations:
            return "升级 \(try await NoticeGenerator.escalateStep(districtID: districtID, today: today, on: db).count) 份"
        case .drafts:
            let drafted = try await draftDocuments(district, today: today, on: db)
            return drafted.isEmpty ? "今日无定期文件" : drafted.joined(separator: "；")
        }
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

    /// A night with a failed step is tried again this long after, up to `retries` times; after
    /// that, the next night runs every step again.
    static let retryAfter: Duration = .seconds(15 * 60)
    static let retries = 3

    /// Starts the schedule for a serving instance; shutting the application down stops it.
    static func schedule(_ app: Application) {
        let logger = app.logger
        let db = app.db
        let task = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(secondsUntilNextRun()))
                for _ in 0..<retries {
                    if Task.isCancelled { break }
                    do {
                        if try await runOnce(on: db, logger: logger).failed == 0 { break }
                    } catch {
                        logger.report(error: error)
                    }
                    try? await Task.sleep(for: retryAfter)
                }
            }
        }
        app.lifecycle.use(Stopper(task: task))
    }

    struct Stopper: LifecycleHandler {
        let task: Task<Void, Never>
        func shutdown(_ application: Application) { task.cancel() }
    }
}
