import BallastCore
@testable import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor

@Suite struct MeetingTests {
    static func day(_ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: 2023, month: m, day: d)! }

    @Test func aMeetingTakesSuggestedProblemsAndItsDecisionsAreTrackedLikeProblems() async throws {
        try await StoreDatabase.with { app in
            let d = try await ProblemTests.imported(app)
            let a1 = try await ProblemTests.project("A1", on: app.db), a3 = try await ProblemTests.project("A3", on: app.db)
            let office = ProblemTests.editor(d, "zhang", on: Self.day(6, 19), supervisor: true)
            func raise(_ title: String, _ category: String, major: Bool = false, project: UUID) async throws -> ProblemModel {
                try await office.raise(.init(projectID: project, category: category, title: title, description: "d", major: major,
                                             assignment: .init(leadUnit: "区商务局")), on: app.db)
            }
            // Three 土地 problems are common; one major 资金 problem; one plain 规划 problem is not suggested.
            let land = [try await raise("用地一", "土地", project: a1), try await raise("用地二", "土地", project: a1), try await raise("用地三", "土地", project: a3)]
            let money = try await raise("资金缺口", "资金", major: true, project: a3)
            let plain = try await raise("规划调整", "规划", project: a3)
            let late = try await ProblemTests.editor(d, "zhang", on: Self.day(6, 26), supervisor: true)
                .raise(.init(projectID: a1, category: "土地", title: "用地四", description: "d"), on: app.db)

            // The weekly meeting of Wednesday 28 June; the agenda closes on the 25th.
            let meetings = MeetingEditor(context: ProjectItemContext(districtID: d.id!, actor: ChangeActor(name: "zhang"), today: Self.day(6, 26), scopeUnitID: nil))
            let m = try await meetings.create(.init(kind: .weekly, title: "第25次区政府周例会", heldOn: Self.day(6, 28), cutoffOn: Self.day(6, 25)), on: app.db)
            let suggested = try await MeetingQuery.suggestions(m, today: Self.day(6, 26), on: app.db)
            #expect(suggested.map(\.row.title) == ["用地一", "用地二", "用地三", "资金缺口"])
            #expect(suggested.last?.reasons == [.major])
            #expect(suggested.first?.reasons == [.common])

            // Adding: after the cut-off and twice are refused, whole.
            do {
                _ = try await meetings.addItems(meetingID: m.id!, version: m.version, problems: [money.id!, late.id!], on: app.db)
                Issue.record("a problem raised after the cut-off went on the agenda")
            } catch ProjectItemContext.Failure.refused(let problems) {
                #expect(problems.map(\.field) == ["problems"] && problems[0].message.zh.contains("用地四"))
            }
            #expect(try await MeetingItemModel.query(on: app.db).count() == 0)
            let withItems = try await meetings.addItems(meetingID: m.id!, version: m.version, problems: land.map { $0.id! } + [money.id!], on: app.db)
            #expect(try await MeetingQuery.suggestions(withItems, today: Self.day(6, 26), on: app.db).isEmpty)
            _ = plain

            // Decisions wait for the meeting; then each is assigned and tracked like a problem.
            await #expect(throws: ProjectItemContext.Failure.self) {
                try await meetings.recordDecision(meetingID: m.id!, title: "x", description: "y", assignment: .init(leadUnit: "区商务局"), addresses: [], on: app.db)
            }
            var after = meetings
            after.context.today = Self.day(6, 28)
            let decision = try await after.recordDecision(meetingID: m.id!, title: "由区商务局牵头，7月10日前完成用地组卷", description: "会议议定",
                                                          assignment: .init(leadUnit: "区商务局", deadline: Self.day(7, 10)), addresses: land.map { $0.id! }, on: app.db)
            #expect(decision.kind == "decision" && decision.status == "已交办" && decision.deadline == "2023-07-10" && decision.category == "其他")
            let detail = try await MeetingQuery.detail(m, today: Self.day(7, 11), on: app.db)
            #expect(detail.agenda.map(\.row.title) == ["用地一", "用地二", "用地三", "资金缺口"])
            #expect(detail.decisions.map(\.title) == [decision.title])
            #expect(detail.decisions.first?.overdue == true)
            #expect(detail.addresses[decision.id!] == ["用地一", "用地三", "用地二"].sorted())
            let rows = try await MeetingQuery.list(districtID: d.id!, today: Self.day(7, 11), on: app.db)
            #expect(rows.map(\.agenda) == [4] && rows.map(\.decisions) == [1] && rows.map(\.decisionsOverdue) == [1])
            #expect(try await MeetingQuery.latestHeld(districtID: d.id!, today: Self.day(6, 27), on: app.db) == nil)
            #expect(try await MeetingQuery.latestHeld(districtID: d.id!, today: Self.day(6, 28), on: app.db)?.id == m.id)
            let packet = try await MeetingQuery.packet(m, today: Self.day(6, 28), on: app.db)
            #expect(packet.map(\.problem.row.title) == ["用地一", "用地二", "用地三", "资金缺口"])
            #expect(packet.first?.total == .wan(1_000) && packet.first?.annualPlan == .wan(100))
        }
    }
}
