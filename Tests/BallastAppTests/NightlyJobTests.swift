@testable import BallastApp
import BallastCore
@testable import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

/// The nightly job in steps (issue 22): each step claimed per district and day, run once however
/// many instances start it, committed on its own, and a failed one told and retried.
@Suite struct NightlyJobTests {
    static let day = CalendarDate(year: 2023, month: 7, day: 20)!

    struct Injected: Error, CustomStringConvertible { var description: String { "磁盘已满（测试注入）" } }

    @Test func twoInstancesStartingTheNightAtOnceRunEachStepOnce() async throws {
        try await TestDatabase.withTwoApps(demo: true) { a, b in
            let project = try #require(try await ProjectModel.query(on: a.db).filter(\.$code == "EQ2023-0001").first())
            // Something the night should notice: a state deleted behind the engine's back.
            try await WarningStateModel.query(on: a.db).filter(\.$projectID == project.id!).delete()
            let before = try await NoticeModel.query(on: a.db).count()
            async let first = NightlyJob.runOnce(on: a.db, logger: a.logger, today: Self.day)
            async let second = NightlyJob.runOnce(on: b.db, logger: b.logger, today: Self.day)
            let reports = try await [first, second]
            #expect(reports.map(\.ran).reduce(0, +) == NightlyJob.Step.allCases.count)
            #expect(reports.map(\.failed) == [0, 0])
            let runs = try await JobRunModel.query(on: a.db).all()
            #expect(runs.count == NightlyJob.Step.allCases.count)
            #expect(runs.allSatisfy { $0.status == "done" && $0.attempts == 1 && $0.runOn == Self.day })
            #expect(try await WarningStateModel.query(on: a.db).filter(\.$projectID == project.id!).count() == 1)
            let issued = try await NoticeModel.query(on: a.db).filter(\.$issuedOn == Self.day).all()
            #expect(try await NoticeModel.query(on: a.db).count() == before + issued.count)
            #expect(Dictionary(grouping: issued.compactMap(\.problemID), by: { $0 }).values.allSatisfy { $0.count == 1 })
            // The same night again: every step is done, nothing runs.
            #expect(try await NightlyJob.runOnce(on: b.db, logger: b.logger, today: Self.day).ran == 0)
            // By hand, again: every step runs, and issues no second notice.
            let again = try await NightlyJob.runOnce(on: b.db, logger: b.logger, today: Self.day, again: true)
            #expect(again.ran == NightlyJob.Step.allCases.count)
            #expect(try await NoticeModel.query(on: a.db).count() == before + issued.count)
        }
    }

    @Test func aFailedStepLeavesTheOthersDoneIsToldToTheOfficeAndRetried() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let project = try #require(try await ProjectModel.query(on: app.db).filter(\.$code == "EQ2023-0001").first())
            try await WarningStateModel.query(on: app.db).filter(\.$projectID == project.id!).delete()
            let failing = try await NightlyJob.runOnce(on: app.db, logger: app.logger, today: Self.day) { step, district, day, db in
                if step == .notices { throw Injected() }
                return try await NightlyJob.perform(step, district, day, db)
            }
            #expect(failing.failed == 1 && failing.ran == NightlyJob.Step.allCases.count - 1)
            // The colours before it and the steps after it are committed.
            #expect(try await WarningStateModel.query(on: app.db).filter(\.$projectID == project.id!).count() == 1)
            let runs = Dictionary(uniqueKeysWithValues: try await JobRunModel.query(on: app.db).all().map { ($0.step, $0) })
            #expect(runs["notices"]?.status == "failed" && runs["notices"]?.error?.contains("磁盘已满") == true)
            #expect(runs["escalations"]?.status == "done" && runs["drafts"]?.status == "done")
            #expect(try await NoticeModel.query(on: app.db).filter(\.$issuedOn == Self.day).count() == 0)
            // The office hears of it in the inbox; a unit's clerk does not.
            let office = try #require(try await UserModel.query(on: app.db).filter(\.$username == "office").first())
            let unit = try #require(try await UserModel.query(on: app.db).filter(\.$username == "unit").first())
            let told = try await NotificationModel.query(on: app.db).filter(\.$kind == "job-failed").all()
            #expect(told.contains { $0.userID == office.id && $0.title.contains("生成催办单") })
            #expect(!told.contains { $0.userID == unit.id })
            // The next run takes up the failed step only.
            let retry = try await NightlyJob.runOnce(on: app.db, logger: app.logger, today: Self.day)
            #expect(retry.ran == 1 && retry.failed == 0)
            let notices = try #require(try await JobRunModel.query(on: app.db).filter(\.$step == "notices").first())
            #expect(notices.status == "done" && notices.attempts == 2 && notices.error == nil)
            #expect(try await NoticeModel.query(on: app.db).filter(\.$issuedOn == Self.day).count() > 0)
        }
    }

    /// Notices issued by hand while the night runs (the night's run was once rolled back whole by
    /// a number they took): both are done.
    @Test func noticesIssuedByHandDuringTheNightAreAllIssuedAndTheNightCompletes() async throws {
        try await TestDatabase.withTwoApps(demo: true) { a, b in
            let districtID = try #require(try await DistrictModel.query(on: a.db).first()).requireID()
            let unit = try #require(try await ReferenceEntryModel.query(on: a.db).filter(\.$district.$id == districtID).filter(\.$kind == "unit").first())
            let editor = NoticeEditor(context: ProjectItemContext(districtID: districtID, actor: ChangeActor(name: "office"), today: Self.day, scopeUnitID: nil))
            async let night = NightlyJob.runOnce(on: a.db, logger: a.logger, today: Self.day)
            // Four at once, no more than one instance's pool holds: the night's transaction holds
            // the number while it runs, and twenty callers queued for a connection behind it timed
            // out (30 s) on a loaded CI machine; the race being tested is the same with four.
            let byHand = try await withThrowingTaskGroup(of: NoticeModel.self) { group in
                for i in 1...4 {
                    group.addTask { try await editor.issue(.init(unitID: try unit.requireID(), subject: .other, item: "手工催办 \(i)"), on: b.db) }
                }
                return try await group.reduce(into: [NoticeModel]()) { $0.append($1) }
            }
            let report = try await night
            #expect(byHand.count == 4 && report.failed == 0 && report.ran == NightlyJob.Step.allCases.count)
            let numbers = try await NoticeModel.query(on: a.db).filter(\.$year == 2023).all().map(\.seq).sorted()
            #expect(numbers == Array(1...numbers.count))
        }
    }

    /// 立即生成 clicked on two instances while the night's job runs: one notice per late item.
    /// Each on an instance of its own: the night and a click on one instance's pool once waited
    /// past its 30 s on a loaded machine (the race under test is between instances).
    @Test func theClickOnTwoInstancesAndTheNightTogetherChaseEachItemOnce() async throws {
        try await TestDatabase.withApps(3, demo: true) { apps in
            let (a, b, n) = (apps[0], apps[1], apps[2])
            let districtID = try #require(try await DistrictModel.query(on: a.db).first()).requireID()
            async let night = NightlyJob.runOnce(on: n.db, logger: n.logger, today: Self.day)
            async let clickA = NoticeGenerator.run(districtID: districtID, today: Self.day, actor: ChangeActor(name: "office"), on: a.db)
            async let clickB = NoticeGenerator.run(districtID: districtID, today: Self.day, actor: ChangeActor(name: "office"), on: b.db)
            let (report, x, y) = try await (night, clickA, clickB)
            #expect(report.failed == 0)
            let issued = try await NoticeModel.query(on: a.db).filter(\.$issuedOn == Self.day).all()
            #expect(!issued.isEmpty)
            #expect(x.issued.count + y.issued.count <= issued.count)
            #expect(Dictionary(grouping: issued.compactMap(\.problemID), by: { $0 }).values.allSatisfy { $0.count == 1 })
            #expect(Dictionary(grouping: issued.filter { $0.subjectKey != nil }, by: { "\($0.unitID) \($0.subjectKey ?? "")" }).values.allSatisfy { $0.count == 1 })
        }
    }

    /// A claim whose instance died is taken over once its lease has passed by the database's clock.
    @Test func aStepWhoseInstanceDiedIsTakenOverAfterItsLease() async throws {
        try await TestDatabase.withApp(demo: false) { app in
            let d = DistrictModel(id: UUID(), code: "n", name: "测试区")
            try await d.create(on: app.db)
            let claim = JobRuns.Claim(job: "nightly", step: "colours", districtID: try d.requireID(), day: Self.day)
            #expect(try await JobRuns.claim(claim, on: app.db))
            #expect(try await !JobRuns.claim(claim, on: app.db))
            let now = try await DatabaseClock.now(on: app.db)
            #expect(abs(now.timeIntervalSinceNow) < 120)
            try await (app.db as! any SQLDatabase).update(JobRunModel.schema).set("started_at", to: now.timeIntervalSince1970 - JobRuns.lease - 1).run()
            #expect(try await JobRuns.claim(claim, on: app.db))
            #expect(try await JobRunModel.query(on: app.db).first()?.attempts == 2)
        }
    }

    /// `ballast jobs run nightly --step … --as-of …` and `ballast jobs status`, as an operator
    /// re-runs a night that failed.
    @Test func theNightRunsByHandAndSaysHowEachStepWent() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let out = try await app.run(command: ["jobs", "run", "nightly", "--step", "colours", "--as-of", "2023-07-20"])
            #expect(out.contains("colours 2023-07-20: done"))
            let status = try await app.run(command: ["jobs", "status", "--format", "json"])
            let lines = try #require(try JSONSerialization.jsonObject(with: Data(status.utf8)) as? [[String: Any]])
            #expect(lines.count == 1)
            #expect(lines.first?["step"] as? String == "colours" && lines.first?["status"] as? String == "done" && lines.first?["day"] as? String == "2023-07-20")
            // By hand, a step done runs again.
            _ = try await app.run(command: ["jobs", "run", "nightly", "--step", "colours", "--as-of", "2023-07-20"])
            #expect(try await JobRunModel.query(on: app.db).first()?.attempts == 2)
            for bad in [["jobs", "run", "weekly"], ["jobs", "run", "nightly", "--step", "coffee"], ["jobs", "run", "nightly", "--as-of", "1900-01-01"]] {
                await #expect(throws: CommandFailure.self, "\(bad)") { _ = try await app.run(command: bad) }
            }
            let table = try await app.run(command: ["jobs", "status"])
            #expect(table.contains("四色预警重算") && table.contains("done"))
        }
    }

    @Test func theNightStartsAtTwoInZhengzhou() {
        let wait = NightlyJob.secondsUntilNextRun(from: Date(timeIntervalSince1970: 1_700_000_000))  // 2023-11-15 06:13:20 in Zhengzhou
        #expect(wait == 19 * 3600 + 46 * 60 + 40)   // to 02:00 the next day
    }
}
