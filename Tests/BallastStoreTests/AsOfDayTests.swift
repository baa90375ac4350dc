import BallastCore
@testable import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing

/// As of a day means as of that day: a figure read for a past day is that day's, whatever has
/// been stored since (issue 21).
@Suite struct AsOfDayTests {
    static let today = CalendarDate(year: 2026, month: 12, day: 3)!
    static let june30 = CalendarDate(year: 2023, month: 6, day: 30)!

    /// The small ledger with A1's January approved today, in 2026: the stored colours are the
    /// year's end (A1 half done in December), while on 30 June A1 was on time.
    static func importedLate(_ db: any Database) async throws -> RecolourTests.Loaded {
        let l = try await RecolourTests.load(db)
        let w = MonthlyReportWorkflow(districtID: l.district.id!, actor: RecolourTests.actor, today: today, scopeUnitID: nil)
        let draft = try await w.saveDraft(projectID: l.a1.id!, year: 2023, month: 1, amount: .wan(50), progress: "主体施工", version: nil, on: db)
        let submitted = try await w.submit(draft.id!, version: draft.version, on: db)
        _ = try await w.approve(submitted.id!, version: submitted.version, on: db)
        return l
    }

    static func counts(_ colours: [WarningColour]) -> [WarningColour: Int] {
        var out = Dictionary(uniqueKeysWithValues: WarningColour.allCases.map { ($0, 0) })
        for c in colours { out[c, default: 0] += 1 }
        return out
    }

    @Test func aPastDaysSummaryAndDashboardGiveThatDaysColoursNotTheStoredOnes() async throws {
        try await StoreDatabase.with { app in
            let l = try await Self.importedLate(app.db)
            let districtID = try l.district.requireID()
            let judged = Self.counts(try await WarningEngine.evaluate(districtID: districtID, year: 2023, asOf: Self.june30, on: app.db).map(\.outcome.colour))
            let stored = Self.counts(try await WarningStateModel.query(on: app.db).filter(\.$year == 2023).all()
                .compactMap { WarningColour(rawValue: $0.colour) })
            // The case is only a case if 30 June and the year's end differ.
            #expect(judged != stored)
            #expect(judged.values.reduce(0, +) == 4)

            let summary = try await SummaryQuery.run(districtID: districtID, year: 2023, asOf: Self.june30, on: app.db)
            #expect(summary.colours == judged)
            let dashboard = try await DashboardQuery.run(.init(districtID: districtID, year: 2023, asOf: Self.june30, today: Self.today, scopeUnitID: nil), on: app.db)
            #expect(dashboard.colours == Dictionary(uniqueKeysWithValues: judged.map { ($0.key.rawValue, $0.value) }))
        }
    }
}

extension AsOfDayTests {
    /// A week's bulletin says why a project was lit that week, though the reasons moved since.
    @Test func aBulletinGivesTheReasonsAProjectWasLitForThenNotToday() async throws {
        try await StoreDatabase.with { app in
            let l = try await RecolourTests.load(app.db)
            let districtID = try l.district.requireID()
            let june5 = CalendarDate(year: 2023, month: 6, day: 5)!, june20 = CalendarDate(year: 2023, month: 6, day: 20)!
            try await WarningEngine.recompute(districtID: districtID, year: 2023, asOf: june5, on: app.db)
            let then = try #require(try await WarningStateModel.query(on: app.db).filter(\.$projectID == l.a1.id!).first())
            #expect(["red", "yellow"].contains(then.colour))
            // Later in June A1 reports some progress: still lit, for other reasons.
            let w = MonthlyReportWorkflow(districtID: districtID, actor: RecolourTests.actor, today: june20, scopeUnitID: nil)
            let draft = try await w.saveDraft(projectID: l.a1.id!, year: 2023, month: 5, amount: .wan(5), progress: "开工准备", version: nil, on: app.db)
            let submitted = try await w.submit(draft.id!, version: draft.version, on: app.db)
            _ = try await w.approve(submitted.id!, version: submitted.version, on: app.db)
            let now = try #require(try await WarningStateModel.query(on: app.db).filter(\.$projectID == l.a1.id!).first())
            #expect(now.reasons != then.reasons)

            let w23 = try await WeeklyBulletin.build(districtID: districtID, week: try #require(ISOWeek(year: 2023, week: 23)), asOf: june20, on: app.db)
            let lit = try #require(w23.newlyLit.first { $0.code == "A1" })
            #expect(lit.reasons == WeeklyBulletin.reasonText(then.reasons))
        }
    }
}

extension AsOfDayTests {
    /// A stretch of light belongs to its year: one opened on 31 December 2022 and never closed
    /// is not "lit four weeks" in June 2023; one opened in May 2023 is.
    @Test func aStretchOfLightCountsOnlyInItsYear() async throws {
        try await StoreDatabase.with { app in
            let l = try await RecolourTests.load(app.db)
            let a2 = try #require(try await ProjectModel.query(on: app.db).filter(\.$code == "A2").first())
            for (project, year, opened) in [(l.a1, 2022, CalendarDate(year: 2022, month: 12, day: 31)!), (a2, 2023, CalendarDate(year: 2023, month: 5, day: 2)!)] {
                let item = SupervisionItemModel()
                item.id = UUID(); item.districtID = l.district.id!; item.projectID = project.id!; item.unitID = project.$unit.id
                item.year = year; item.source = SupervisionItems.warningSource; item.openedOn = opened; item.openedColour = "red"; item.reasons = "[]"
                try await item.create(on: app.db)
            }
            let day = CalendarDate(year: 2023, month: 6, day: 25)!
            let lit = try await LitProjects.run(districtID: l.district.id!, litBy: LitProjects.fourWeeks(before: day), stillOn: day, sql: try app.db.sql())
            #expect(lit.map(\.code) == ["A2"])
        }
    }
}

/// Obligations start when their project or item existed, and one lateness gets one notice.
@Suite struct ObligationTests {
    static func day(_ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: 2023, month: m, day: d)! }

    /// A project planned on its own page on 30 June, for a unit with no other project.
    static func plannedOnJune30(_ d: DistrictModel, on db: any Database) async throws -> String {
        let writer = LedgerWriter(districtID: d.id!, year: 2023, actor: ChangeActor(name: "office"), today: Self.day(6, 30))
        let record = Fixtures.record("N1", unit: "区教育局", totalWan: 900, planWan: 120, name: "新建学校")
        _ = try await ProjectEditor(writer: writer).create(record, on: db)
        return "N1"
    }

    @Test func aProjectPlannedOnJune30OwesJunesReportNotJanuarysToMays() async throws {
        try await StoreDatabase.with { app in
            let d = try await ProblemTests.imported(app)
            let code = try await Self.plannedOnJune30(d, on: app.db)
            let education = try await ProblemTests.unit("区教育局", d, on: app.db)
            _ = try await NoticeGenerator.run(districtID: d.id!, today: Self.day(6, 30), on: app.db)
            let notices = try await NoticeModel.query(on: app.db).filter(\.$unitID == education).all()
            // Only June's report is owed; it is due by the reporting day of June, not before.
            #expect(notices.allSatisfy { $0.subjectKey == "report:2023-06" })
            #expect(notices.count <= 1)
            // The week-25 bulletin, as of 25 June, knows nothing of a project planned on the 30th.
            let w25 = try await WeeklyBulletin.build(districtID: d.id!, week: try #require(ISOWeek(year: 2023, week: 25)), asOf: Self.day(6, 25), on: app.db)
            #expect(w25.lateMonth != nil)
            #expect(!w25.lateReports.values.joined().contains(code))
            // The ledger's own projects still owe every month: A1 is late for May.
            #expect(w25.lateReports.values.joined().contains("A1"))
        }
    }

    /// The ranking's reports-on-time indicator asks the same: May expects no report of a
    /// project planned in June, June expects one.
    @Test func theRankingExpectsReportsOnlyFromTheMonthAProjectJoined() async throws {
        try await StoreDatabase.with { app in
            let d = try await ProblemTests.imported(app)
            _ = try await Self.plannedOnJune30(d, on: app.db)
            let facts = try await UnitFactsQuery.run(districtID: d.id!, year: 2023, months: [5, 6], on: app.db)
            // In May the unit had no project in the portfolio yet: it is not ranked, and owes nothing.
            #expect(facts[5]?.contains { $0.name == "区教育局" } == false)
            let june = try #require(facts[6]?.first { $0.name == "区教育局" })
            #expect(june.facts.reportsExpected == 1 && june.facts.projects == 1)
            // The ledger's units expect every project every month.
            #expect(facts[5]?.first { $0.name == "区商务局" }?.facts.reportsExpected == 3)
        }
    }

    @Test func reportsAreOwedFromTheMonthAProjectJoinedItsYear() {
        #expect(ReportsOwed.owes(year: 2023, month: 1, enteredOn: nil))
        #expect(!ReportsOwed.owes(year: 2023, month: 5, enteredOn: Self.day(6, 30)))
        #expect(ReportsOwed.owes(year: 2023, month: 6, enteredOn: Self.day(6, 30)))
        #expect(ReportsOwed.owes(year: 2024, month: 1, enteredOn: Self.day(6, 30)))
        #expect(!ReportsOwed.owes(year: 2022, month: 12, enteredOn: Self.day(6, 30)))
    }

    @Test func aProblemADecisionStillAddressesIsChasedOnceThroughTheDecision() async throws {
        try await StoreDatabase.with { app in
            let d = try await ProblemTests.imported(app)
            let a1 = try await ProblemTests.project("A1", on: app.db)
            let problem = try await ProblemTests.editor(d, "zhang", on: Self.day(6, 1), supervisor: true)
                .raise(.init(projectID: a1, category: "土地", title: "用地未落实", description: "d", assignment: .init(leadUnit: "区商务局", deadline: Self.day(6, 20))),
                       on: app.db)
            let meetings = MeetingEditor(context: ProjectItemContext(districtID: d.id!, actor: ChangeActor(name: "zhang"), today: Self.day(6, 10), scopeUnitID: nil))
            let m = try await meetings.create(.init(kind: .weekly, title: "周例会", heldOn: Self.day(6, 10)), on: app.db)
            let decision = try await meetings.recordDecision(meetingID: m.id!, title: "用地未落实：由区商务局牵头，6月20日前解决", description: "议定",
                                                             assignment: .init(leadUnit: "区商务局", deadline: Self.day(6, 20)),
                                                             addresses: [problem.id!], on: app.db)
            _ = try await NoticeGenerator.run(districtID: d.id!, today: Self.day(6, 30), on: app.db)
            let onDecision = try await NoticeModel.query(on: app.db).filter(\.$problemID == decision.id!).count()
            let onProblem = try await NoticeModel.query(on: app.db).filter(\.$problemID == problem.id!).count()
            #expect(onDecision == 1)
            #expect(onProblem == 0)
        }
    }
}

extension AsOfDayTests {
    /// The warning board as of a day is the dashboard's colours of that day, with the reasons
    /// judged then: on a day the history covers, not the rule judged again on today's reports.
    @Test func theWarningListOfAPastDayIsThatDaysColoursAndReasons() async throws {
        try await StoreDatabase.with { app in
            let l = try await RecolourTests.load(app.db)
            let districtID = try l.district.requireID()
            let june5 = CalendarDate(year: 2023, month: 6, day: 5)!, june10 = CalendarDate(year: 2023, month: 6, day: 10)!
            let june20 = CalendarDate(year: 2023, month: 6, day: 20)!
            try await WarningEngine.recompute(districtID: districtID, year: 2023, asOf: june5, on: app.db)
            let then = try #require(try await WarningStateModel.query(on: app.db).filter(\.$projectID == l.a1.id!).first())
            let w = MonthlyReportWorkflow(districtID: districtID, actor: RecolourTests.actor, today: june20, scopeUnitID: nil)
            let draft = try await w.saveDraft(projectID: l.a1.id!, year: 2023, month: 5, amount: .wan(5), progress: "开工准备", version: nil, on: app.db)
            let submitted = try await w.submit(draft.id!, version: draft.version, on: app.db)
            _ = try await w.approve(submitted.id!, version: submitted.version, on: app.db)
            // Judged again on 10 June, A1 counts the May report approved on the 20th.
            let rejudged = try #require(try await WarningEngine.evaluate(districtID: districtID, year: 2023, asOf: june10, on: app.db).first { $0.code == "A1" })
            #expect(rejudged.outcome.reasons != WarningEngine.reasons(then.reasons))

            let colours = try await ColourAsOf.resolve(districtID: districtID, year: 2023, on: june10, db: app.db)
            let list = try await colours.warnings(scopeUnitID: nil, on: app.db)
            let a1 = try #require(list.first { $0.code == "A1" })
            #expect(a1.outcome.reasons == WarningEngine.reasons(then.reasons))
            #expect(a1.outcome.colour.rawValue == then.colour)
            #expect(a1.since == june5)
            let dashboard = try await DashboardQuery.run(.init(districtID: districtID, year: 2023, asOf: june10, today: june20, scopeUnitID: nil), on: app.db)
            #expect(dashboard.colours == Dictionary(uniqueKeysWithValues: Self.counts(list.map(\.outcome.colour)).map { ($0.key.rawValue, $0.value) }))
            #expect(list.count == 4)
            // A unit sees its own projects only.
            let scoped = try await colours.warnings(scopeUnitID: l.a1.$unit.id, on: app.db)
            #expect(!scoped.isEmpty && scoped.allSatisfy { $0.unitID == l.a1.$unit.id })
        }
    }
}

extension AsOfDayTests {
    /// The ranking's lit projects at a month's end are the colours of that day, also for a month
    /// before the year was first judged (a ledger imported after the fact).
    @Test func theRankingCountsTheProjectsLitAtTheMonthsEndAsTheDashboardDoes() async throws {
        try await StoreDatabase.with { app in
            let l = try await Self.importedLate(app.db)
            let districtID = try l.district.requireID()
            let first = try await WarningChangeModel.query(on: app.db).filter(\.$year == 2023).sort(\.$onDate).first()
            // The case: 30 June is before the year's first judgement.
            #expect(try #require(first).onDate > Self.june30)
            let dashboard = try await DashboardQuery.run(.init(districtID: districtID, year: 2023, asOf: Self.june30, today: Self.today, scopeUnitID: nil), on: app.db)
            let lit = (dashboard.colours["red"] ?? 0) + (dashboard.colours["yellow"] ?? 0)
            #expect(lit > 0)
            let units = try await UnitFactsQuery.run(districtID: districtID, year: 2023, month: 6, on: app.db)
            #expect(units.map(\.facts.litProjects).reduce(0, +) == lit)
        }
    }
}

extension AsOfDayTests {
    /// A report submitted on time and then returned is not in, for every surface alike: the
    /// ranking does not count it on time, the bulletins name it, the notices chase it and
    /// `/reports` does not count it reported (it was on time for the ranking and not late for
    /// the bulletins before).
    @Test func aReturnedReportIsNotInForTheRankingTheBulletinsTheNoticesAndTheReportsPage() async throws {
        try await StoreDatabase.with { app in
            let d = try await ProblemTests.imported(app)
            let districtID = try d.requireID()
            let p1 = try #require(try await ProjectModel.query(on: app.db).filter(\.$code == "A2").first())
            let w = MonthlyReportWorkflow(districtID: districtID, actor: RecolourTests.actor, today: ObligationTests.day(5, 20), scopeUnitID: nil)
            let draft = try await w.saveDraft(projectID: p1.id!, year: 2023, month: 5, amount: .wan(5), progress: "施工", version: nil, on: app.db)
            let submitted = try await w.submit(draft.id!, version: draft.version, on: app.db)
            let office = MonthlyReportWorkflow(districtID: districtID, actor: RecolourTests.actor, today: ObligationTests.day(5, 22), scopeUnitID: nil)
            _ = try await office.returnReport(submitted.id!, version: submitted.version, reason: "数据有误", on: app.db)

            let row = try #require(try await MonthReportsQuery.run(districtID: districtID, year: 2023, month: 5, scopeUnitID: nil, on: app.db).first { $0.code == "A2" })
            #expect(!row.isReported)
            let commerce = try #require(try await UnitFactsQuery.run(districtID: districtID, year: 2023, month: 5, on: app.db).first { $0.name == "区商务局" })
            #expect(commerce.facts.reportsOnTime == 0)
            let late = try await SupervisionBulletin.lateReportCodes(districtID: districtID, year: 2023, month: 5, asOf: ObligationTests.day(6, 10), sql: try app.db.sql())
            #expect(late["区商务局"]?.contains("A2") == true)
            let notices = try await NoticeGenerator.run(districtID: districtID, today: ObligationTests.day(6, 10), on: app.db)
            #expect(try await NoticeModel.query(on: app.db).filter(\.$subjectKey == "report:2023-05").all()
                .contains { $0.unitID == p1.$unit.id && notices.issued.contains($0.number) })
        }
    }
}

extension ObligationTests {
    /// The portfolio of a past day is the plans that had joined it by then: a project planned on
    /// 30 June is not among March's projects, on any surface that counts them.
    @Test func aPastDaysPortfolioHoldsOnlyThePlansThatHadJoinedIt() async throws {
        try await StoreDatabase.with { app in
            let d = try await ProblemTests.imported(app)
            let districtID = try d.requireID()
            _ = try await Self.plannedOnJune30(d, on: app.db)
            for (day, projects) in [(Self.day(3, 31), 4), (Self.day(6, 30), 5), (Self.day(12, 31), 5)] {
                let summary = try await SummaryQuery.run(districtID: districtID, year: 2023, asOf: day, on: app.db)
                #expect(summary.projects == projects, "\(day) summary")
                #expect(summary.annualPlan == .wan(projects == 4 ? 1_010 : 1_130), "\(day) plan")
                #expect(summary.colours.values.reduce(0, +) == projects, "\(day) colours")
                let dashboard = try await DashboardQuery.run(.init(districtID: districtID, year: 2023, asOf: day, today: Self.day(12, 31), scopeUnitID: nil), on: app.db)
                #expect(dashboard.projects == projects && dashboard.colours.values.reduce(0, +) == projects, "\(day) dashboard")
                let board = try await ColourAsOf.resolve(districtID: districtID, year: 2023, on: day, db: app.db).warnings(scopeUnitID: nil, on: app.db)
                #expect(board.count == projects, "\(day) warnings")
                let units = try await UnitFactsQuery.run(districtID: districtID, year: 2023, month: day.month, on: app.db)
                #expect(units.map(\.facts.projects).reduce(0, +) == projects, "\(day) ranking")
            }
        }
    }
}

extension AsOfDayTests {
    /// The 四库 board of a past day lists, under each pool's count, that day's projects.
    @Test func aPastDaysPoolsListTheProjectsTheyCount() async throws {
        try await StoreDatabase.with(demo: true) { app in
            let districtID = try #require(try await DistrictModel.query(on: app.db).first()).requireID()
            var moved = false
            for day in ["2023-01-31", "2023-03-31", "2023-06-30"].compactMap(CalendarDate.parse) {
                let figures = try await PipelineQuery.run(districtID: districtID, year: 2023, asOf: day, on: app.db)
                let listed = try await PipelineQuery.poolProjects(districtID: districtID, asOf: day, scopeUnitID: nil, on: app.db)
                for pool in figures.pools {
                    #expect(listed[pool.stage, default: []].count == pool.projects, "\(day) \(pool.stage)")
                    #expect(listed[pool.stage, default: []].allSatisfy { $0.stage == pool.stage })
                }
                let now = try await ProjectModel.query(on: app.db).filter(\.$district.$id == districtID).all()
                let stageNow = Dictionary(uniqueKeysWithValues: now.map { ($0.id!, $0.lifecycleStage) })
                if listed.values.joined().contains(where: { stageNow[$0.id] != $0.stage }) { moved = true }
            }
            // The case is only a case if some project has moved since one of those days.
            #expect(moved)
        }
    }
}

extension AsOfDayTests {
    /// A leader's projects read their colours alone (`warnings(projects:)`): the same colours,
    /// reasons and days as in the whole list, on a day judged by the rule and on the stored day.
    @Test func theColoursOfNamedProjectsAreThoseOfTheWholeList() async throws {
        try await StoreDatabase.with { app in
            let l = try await Self.importedLate(app.db)
            let districtID = try l.district.requireID()
            var sources: [ColourAsOf.Source] = []
            for day in [Self.june30, Self.today] {
                let colours = try await ColourAsOf.resolve(districtID: districtID, year: 2023, on: day, db: app.db)
                sources.append(colours.source)
                let all = try await colours.warnings(scopeUnitID: nil, on: app.db)
                #expect(all.count == 4)
                let named = [try l.a1.requireID(), try #require(all.last).projectID]
                let some = try await colours.warnings(scopeUnitID: nil, projects: named, on: app.db)
                #expect(some.count == 2)
                #expect(some == all.filter { named.contains($0.projectID) })
                // Naming no project reads none; a unit's scope still holds.
                #expect(try await colours.warnings(scopeUnitID: nil, projects: [], on: app.db).isEmpty)
                let otherUnit = try await colours.warnings(scopeUnitID: UUID(), projects: named, on: app.db)
                #expect(otherUnit.isEmpty)
            }
            // Both ways of reading a day were walked.
            #expect(sources.contains { if case .judged = $0 { true } else { false } })
            #expect(sources.contains(.stored))
        }
    }
}
