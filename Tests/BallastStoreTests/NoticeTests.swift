import BallastCore
@testable import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor

@Suite struct NoticeTests {
    static let racing = TestDatabase.kind == "postgres" ? 4 : 1

    static func day(_ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: 2023, month: m, day: d)! }

    @Test func noticesGeneratedAtTheSameMomentEachGetTheirOwnNumber() async throws {
        try await StoreDatabase.with { app in
            let d = try await ProblemTests.imported(app)
            let unit = try await ProblemTests.unit("区商务局", d, on: app.db)
            let editor = NoticeEditor(context: ProjectItemContext(districtID: d.id!, actor: ChangeActor(name: "zhang"), today: Self.day(6, 30), scopeUnitID: nil))
            let numbers = try await withThrowingTaskGroup(of: String.self) { group in
                // On PostgreSQL, where two transactions can read the same last number, four race
                // and meet the unique key (four: each holds one of the pool's connections, none
                // waits for one). SQLite serialises writers (the race cannot happen there),
                // and writers waiting on each other's lock under a loaded test run queue past the
                // pool's 10-second timeout, so there they take their numbers one after another.
                for i in 0..<Self.racing { group.addTask { try await editor.issue(.init(unitID: unit, subject: .other, item: "事项\(i)"), on: app.db).number } }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(Set(numbers) == Set((1...Self.racing).map { "测试督〔2023〕第\($0)号" }))
            let refused = await #expect(throws: ProjectItemContext.Failure.self) {
                try await editor.issue(.init(unitID: unit, subject: .other, item: " ", newDeadline: Self.day(6, 29)), on: app.db)
            }
            #expect(refused == .refused([FieldProblem("item", Message(zh: "请写明催办事项", en: "Say what is late")),
                                          FieldProblem("newDeadline", Message(zh: "新时限 2023-06-29 早于今天", en: "The new deadline 2023-06-29 is before today"))]))
            #expect(try await NoticeModel.query(on: app.db).count() == Self.racing)
        }
    }

    @Test func latenessIsNoticedOnceAcknowledgedByItsUnitOrEscalated() async throws {
        try await StoreDatabase.with { app in
            let d = try await ProblemTests.imported(app)
            let commerce = try await ProblemTests.unit("区商务局", d, on: app.db), housing = try await ProblemTests.unit("区住建局", d, on: app.db)
            let a1 = try await ProblemTests.project("A1", on: app.db)
            _ = try await ProblemTests.editor(d, "zhang", on: Self.day(6, 1), supervisor: true)
                .raise(.init(projectID: a1, category: "土地", title: "用地未落实", description: "d", assignment: .init(leadUnit: "区商务局", deadline: Self.day(6, 20))),
                       on: app.db)
            // On Friday 30 June: the overdue problem, and each unit's missing reports for January to June.
            let first = try await NoticeGenerator.run(districtID: d.id!, today: Self.day(6, 30), on: app.db)
            #expect(first.issued.count == 1 + 2 * 6 && first.escalated.isEmpty)
            let problemNotice = try #require(try await NoticeModel.query(on: app.db).filter(\.$subject == "problem").first())
            #expect(problemNotice.unitID == commerce && problemNotice.originalDeadline == "2023-06-20" && problemNotice.newDeadline == "2023-07-07")
            #expect(problemNotice.item.contains("用地未落实") && problemNotice.number == "测试督〔2023〕第1号")
            // Run again the same day: nothing new.
            #expect(try await NoticeGenerator.run(districtID: d.id!, today: Self.day(6, 30), on: app.db).issued.isEmpty)

            // Another unit cannot acknowledge it, nor see it; its own unit can, once.
            let other = NoticeEditor(context: ProjectItemContext(districtID: d.id!, actor: ChangeActor(name: "zj"), today: Self.day(7, 3), scopeUnitID: housing))
            await #expect(throws: ProjectItemContext.Failure.self) { try await other.acknowledge(id: problemNotice.id!, version: 1, on: app.db) }
            let own = NoticeEditor(context: ProjectItemContext(districtID: d.id!, actor: ChangeActor(name: "sw"), today: Self.day(7, 3), scopeUnitID: commerce))
            let acked = try await own.acknowledge(id: problemNotice.id!, version: 1, on: app.db)
            #expect(acked.acknowledgedOn == "2023-07-03" && acked.acknowledgedBy == "sw")
            await #expect(throws: ProjectItemContext.Failure.self) { try await own.acknowledge(id: problemNotice.id!, version: acked.version, on: app.db) }

            // The report notices nobody acknowledged go up on the fourth working day (Thursday 6 July).
            #expect(try await NoticeGenerator.escalate(districtID: d.id!, today: Self.day(7, 5), on: app.db).isEmpty)
            // The escalation reaches the leader attached to the unit, not its clerks; 区商务局 has no
            // leader of its own in the system, so its six go to the district's leaders: the same one here.
            let leader = UserModel(districtID: d.id!, username: "ld", displayName: "分管领导", passwordHash: "-", roles: [.leader], unitID: housing,
                                   mustChangePassword: false)
            try await leader.create(on: app.db)
            let clerk = UserModel(districtID: d.id!, username: "zj-clerk", displayName: "科员", passwordHash: "-", roles: [.unit], unitID: housing,
                                  mustChangePassword: false)
            try await clerk.create(on: app.db)
            let escalated = try await NoticeGenerator.escalate(districtID: d.id!, today: Self.day(7, 6), on: app.db)
            #expect(escalated.count == 12)
            #expect(try await NotificationModel.query(on: app.db).filter(\.$userID == leader.id!).filter(\.$kind == "escalated").count() == 12)
            #expect(try await NotificationModel.query(on: app.db).filter(\.$userID == clerk.id!).filter(\.$kind == "escalated").count() == 0)
            // Still late after the notice's own deadline: a second notice.
            let later = try await NoticeGenerator.run(districtID: d.id!, today: Self.day(7, 10), on: app.db)
            #expect(later.issued == ["测试督〔2023〕第14号"])
        }
    }
}
