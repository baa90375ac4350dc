import BallastCore
@testable import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor

@Suite struct ProblemTests {
    static func day(_ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: 2023, month: m, day: d)! }

    static func editor(_ d: DistrictModel, _ who: String, on day: CalendarDate, unit: UUID? = nil, supervisor: Bool = false) -> ProblemEditor {
        ProblemEditor(context: ProjectItemContext(districtID: d.id!, actor: ChangeActor(name: who), today: day, scopeUnitID: unit),
                      supervisor: supervisor)
    }

    static func unit(_ name: String, _ d: DistrictModel, on db: any Database) async throws -> UUID {
        try #require(try await ReferenceEntryModel.query(on: db).filter(\.$district.$id == d.id!).filter(\.$kind == "unit")
            .filter(\.$name == name).first()?.id)
    }

    static func project(_ code: String, on db: any Database) async throws -> UUID {
        try #require(try await ProjectModel.query(on: db).filter(\.$code == code).first()?.id)
    }

    static func imported(_ app: StoreTestContext) async throws -> DistrictModel {
        let d = try await Fixtures.district(on: app.db)
        _ = try await Fixtures.writer(d).apply(Fixtures.ledger, on: app.db)
        return d
    }

    @Test func aProblemIsAssignedAcknowledgedResolvedAndClosedByWhoeverRaisedIt() async throws {
        try await StoreDatabase.with { app in
            let d = try await Self.imported(app)
            let commerce = try await Self.unit("区商务局", d, on: app.db), housing = try await Self.unit("区住建局", d, on: app.db)
            let a1 = try await Self.project("A1", on: app.db)
            // Raised and assigned by the office on Friday 30 June: the 13710 clock gives 11 July.
            let office = Self.editor(d, "zhang", on: Self.day(6, 30), supervisor: true)
            let p = try await office.raise(.init(projectID: a1, category: "土地", title: "用地指标未落实", description: "二期用地指标待省厅批复",
                                                 assignment: .init(leadUnit: "区商务局", assistingUnits: ["区住建局", "区商务局"], path: "协调市自然资源局")),
                                           on: app.db)
            #expect(p.status == "已交办" && p.deadline == "2023-07-11" && p.originalDeadline == "2023-07-11" && p.assignedOn == "2023-06-30")
            #expect(try await ProblemAssistModel.query(on: app.db).filter(\.$problemID == p.id!).all().map(\.unitID) == [housing])

            // The lead unit acknowledges on Monday; a stale version loses.
            let lead = Self.editor(d, "shangwu", on: Self.day(7, 3), unit: commerce)
            let acked = try await lead.act(id: p.id!, version: p.version, .acknowledge, note: nil, on: app.db)
            #expect(acked.status == "办理中" && acked.acknowledgedOn == "2023-07-03")
            await #expect(throws: ProjectItemContext.Failure.versionConflict(current: acked.version)) {
                try await lead.act(id: p.id!, version: p.version, .feedback, note: "已对接", on: app.db)
            }
            // The assisting unit gives feedback but cannot resolve; a unit with no part in it does not see it.
            let assisting = Self.editor(d, "zhujian", on: Self.day(7, 4), unit: housing)
            let fed = try await assisting.act(id: p.id!, version: acked.version, .feedback, note: "已提供规划条件", on: app.db)
            await #expect(throws: ProjectItemContext.Failure.self) {
                try await assisting.act(id: p.id!, version: fed.version, .resolve, note: "好了", on: app.db)
            }
            let stranger = Self.editor(d, "other", on: Self.day(7, 4), unit: UUID())
            await #expect(throws: ProjectItemContext.Failure.notFound(Message(zh: "问题不存在", en: "No such problem"))) {
                _ = try await stranger.problem(p.id!, on: app.db)
            }
            let solved = try await Self.editor(d, "shangwu", on: Self.day(7, 5), unit: commerce)
                .act(id: p.id!, version: fed.version, .resolve, note: "指标已批复", on: app.db)
            #expect(solved.status == "已办结" && solved.resolvedOn == "2023-07-05")

            // Only zhang, who raised it, closes it: not the office's other users, not the unit.
            let otherOfficer = Self.editor(d, "li", on: Self.day(7, 6), supervisor: true)
            do {
                _ = try await otherOfficer.act(id: p.id!, version: solved.version, .close, note: nil, on: app.db)
                Issue.record("closed by someone who did not raise it")
            } catch ProjectItemContext.Failure.refused(let problems) {
                #expect(problems.map(\.field) == ["action"] && problems[0].message.zh.contains("zhang"))
            }
            let closed = try await Self.editor(d, "zhang", on: Self.day(7, 6), supervisor: true)
                .act(id: p.id!, version: solved.version, .close, note: nil, on: app.db)
            #expect(closed.status == "已销号")

            let detail = try #require(try await ProblemQuery.detail(id: p.id!, districtID: d.id!, today: Self.day(7, 6), scopeUnitID: commerce, on: app.db))
            #expect(detail.steps.map(\.action) == ["raise", "assign", "acknowledge", "feedback", "resolve", "close"])
            #expect(detail.steps.map(\.status) == ["待交办", "已交办", "办理中", "办理中", "已办结", "已销号"])
            #expect(detail.assistingUnits == ["区住建局"])
            #expect(detail.clocks.map(\.isLate) == [false, false, false])
            #expect(detail.clocks.map(\.due) == [Self.day(7, 3), Self.day(7, 5), Self.day(7, 11)])
            let audited = try await AuditEntryModel.query(on: app.db).filter(\.$entity == "problem").count()
            #expect(audited == 5)
        }
    }

    @Test func badAssignmentsAndDeadlinesAreRefusedNamingTheField() async throws {
        try await StoreDatabase.with { app in
            let d = try await Self.imported(app)
            let other = try await Fixtures.district(on: app.db, code: "other")
            let otherUnit = ReferenceEntryModel(districtID: other.id!, kind: .unit, year: 0, name: "外区发改委")
            try await otherUnit.create(on: app.db)
            let a1 = try await Self.project("A1", on: app.db)
            let office = Self.editor(d, "zhang", on: Self.day(6, 30), supervisor: true)
            func refusal(_ r: ProblemEditor.Raise, by editor: ProblemEditor? = nil) async throws -> [String] {
                do {
                    _ = try await (editor ?? office).raise(r, on: app.db)
                    return []
                } catch ProjectItemContext.Failure.refused(let problems) { return problems.map(\.field) }
            }
            #expect(try await refusal(.init(projectID: a1, category: "土地", title: "t", description: "d",
                                            assignment: .init(leadUnit: "外区发改委"))) == ["leadUnit"])
            #expect(try await refusal(.init(projectID: a1, category: "土地", title: "t", description: "d",
                                            assignment: .init(leadUnit: "区商务局", deadline: Self.day(6, 29)))) == ["deadline"])
            #expect(try await refusal(.init(projectID: a1, category: "天气", title: " ", description: "")) == ["title", "description", "category"])
            #expect(try await refusal(.init(category: "土地", title: "t", description: "d")) == ["project"])
            // A unit raises on its own project, but does not assign.
            let commerce = try await Self.unit("区商务局", d, on: app.db)
            let unitEditor = Self.editor(d, "shangwu", on: Self.day(6, 30), unit: commerce)
            #expect(try await refusal(.init(projectID: a1, category: "土地", title: "t", description: "d", assignment: .init(leadUnit: "区商务局")),
                                      by: unitEditor) == ["leadUnit"])
            let a3 = try await Self.project("A3", on: app.db)
            #expect(try await refusal(.init(projectID: a3, category: "土地", title: "t", description: "d"), by: unitEditor) == ["project"])
            let raised = try await unitEditor.raise(.init(projectID: a1, category: "资金", title: "配套资金缺口", description: "缺口 2000 万元"), on: app.db)
            #expect(raised.status == "待交办" && raised.deadline == nil)
            #expect(try await ProblemModel.query(on: app.db).count() == 1)

            // A deadline moves only with a reason; the original stays.
            let assigned = try await office.act(id: raised.id!, version: raised.version, .assign, note: nil,
                                                assignment: .init(leadUnit: "区商务局", deadline: Self.day(7, 10)), on: app.db)
            do {
                _ = try await office.act(id: raised.id!, version: assigned.version, .deadline, note: nil, deadline: Self.day(7, 20), on: app.db)
                Issue.record("moved without a reason")
            } catch ProjectItemContext.Failure.refused(let problems) { #expect(problems.map(\.field) == ["note"]) }
            let moved = try await office.act(id: raised.id!, version: assigned.version, .deadline, note: "待省厅批复", deadline: Self.day(7, 20), on: app.db)
            #expect(moved.deadline == "2023-07-20" && moved.originalDeadline == "2023-07-10")
        }
    }

    @Test func figuresAreCountedAsTheyStoodOnAnyDay() async throws {
        try await StoreDatabase.with { app in
            let d = try await Self.imported(app)
            let commerce = try await Self.unit("区商务局", d, on: app.db), housing = try await Self.unit("区住建局", d, on: app.db)
            let a1 = try await Self.project("A1", on: app.db), a3 = try await Self.project("A3", on: app.db)
            let office = Self.editor(d, "zhang", on: Self.day(6, 1), supervisor: true)
            // Three problems raised 1 June: one solved on time, one solved late, one left open past its deadline.
            let onTime = try await office.raise(.init(projectID: a1, category: "土地", title: "甲", description: "d",
                                                      assignment: .init(leadUnit: "区商务局", deadline: Self.day(6, 10))), on: app.db)
            let late = try await office.raise(.init(projectID: a1, category: "资金", title: "乙", description: "d",
                                                    assignment: .init(leadUnit: "区商务局", deadline: Self.day(6, 10))), on: app.db)
            let open = try await office.raise(.init(projectID: a3, category: "土地", title: "丙", description: "d",
                                                    assignment: .init(leadUnit: "区住建局", deadline: Self.day(6, 20))), on: app.db)
            _ = try await Self.editor(d, "u", on: Self.day(6, 8), unit: commerce).act(id: onTime.id!, version: onTime.version, .resolve, note: "ok", on: app.db)
            _ = try await Self.editor(d, "u", on: Self.day(6, 15), unit: commerce).act(id: late.id!, version: late.version, .resolve, note: "ok", on: app.db)
            _ = open

            func total(asOf: CalendarDate) async throws -> ProblemTally {
                try #require(try await ProblemFigures.run(districtID: d.id!, from: Self.day(1, 1), to: Self.day(12, 31), asOf: asOf, by: .total,
                                                          scopeUnitID: nil, on: app.db).first).tally
            }
            #expect(try await total(asOf: Self.day(6, 9)) == ProblemTally(raised: 3, solved: 1, onTime: 1, open: 2, overdue: 0, daysToResolve: 7))
            #expect(try await total(asOf: Self.day(6, 12)) == ProblemTally(raised: 3, solved: 1, onTime: 1, open: 2, overdue: 1, daysToResolve: 7))
            let june30 = try await total(asOf: Self.day(6, 30))
            #expect(june30 == ProblemTally(raised: 3, solved: 2, onTime: 1, open: 1, overdue: 1, daysToResolve: 21))
            #expect(june30.resolutionRate == 66.7 && june30.onTimeRate == 50.0 && june30.averageDaysToResolve == 10.5)
            // Asked on the day itself the problems' own columns answer, and agree with the steps.
            for by in ProblemFigures.Grouping.allCases {
                let fromSteps = try await ProblemFigures.run(districtID: d.id!, from: Self.day(1, 1), to: Self.day(12, 31), asOf: Self.day(6, 30), by: by,
                                                             scopeUnitID: nil, on: app.db)
                let fromColumns = try await ProblemFigures.run(districtID: d.id!, from: Self.day(1, 1), to: Self.day(12, 31), asOf: Self.day(6, 30), by: by,
                                                               scopeUnitID: nil, today: Self.day(6, 30), on: app.db)
                #expect(fromColumns == fromSteps)
            }
            // Before anything was raised there is nothing to count.
            #expect(try await ProblemFigures.run(districtID: d.id!, from: Self.day(1, 1), to: Self.day(12, 31), asOf: Self.day(5, 31), by: .total,
                                                 scopeUnitID: nil, on: app.db).isEmpty)

            let byUnit = try await ProblemFigures.run(districtID: d.id!, from: Self.day(1, 1), to: Self.day(12, 31), asOf: Self.day(6, 30),
                                                      by: .unit, scopeUnitID: nil, on: app.db)
            #expect(byUnit.map(\.group) == ["区住建局", "区商务局"].sorted())
            #expect(byUnit.first { $0.group == "区商务局" }?.tally.solved == 2)
            let byCategory = try await ProblemFigures.run(districtID: d.id!, from: Self.day(1, 1), to: Self.day(12, 31), asOf: Self.day(6, 30),
                                                          by: .category, scopeUnitID: nil, on: app.db)
            #expect(byCategory.map { [$0.group: $0.tally.raised] } == [["土地": 2], ["资金": 1]].sorted { $0.keys.first! < $1.keys.first! })
            // A unit counts only what it has a part in.
            let own = try await ProblemFigures.run(districtID: d.id!, from: Self.day(1, 1), to: Self.day(12, 31), asOf: Self.day(6, 30),
                                                   by: .total, scopeUnitID: housing, on: app.db)
            #expect(own.first?.tally.raised == 1)

            let overdue = try await ProblemFigures.overdueByUnit(districtID: d.id!, today: Self.day(6, 21), scopeUnitID: nil, on: app.db)
            #expect(overdue.map(\.unit) == ["区住建局"] && overdue.map(\.overdue) == [1])
            #expect(try await ProblemFigures.overdueByUnit(districtID: d.id!, today: Self.day(6, 20), scopeUnitID: nil, on: app.db).isEmpty)
            let list = try await ProblemQuery.list(districtID: d.id!, filter: .init(status: .overdue), today: Self.day(6, 21), scopeUnitID: nil, on: app.db)
            #expect(list.total == 1 && list.rows.first?.title == "丙" && list.rows.first?.overdue == true)
        }
    }
}
