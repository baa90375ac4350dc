import BallastCore
@testable import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor

/// The ranking's facts, scores and order, the weekly bulletin and the assessment, on a small
/// ledger whose every figure is worked out by hand below — on SQLite and on PostgreSQL.
@Suite struct CadenceTests {
    static func day(_ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: 2023, month: m, day: d)! }

    /// The fixture ledger plus a street's project: 区商务局 leads A1, A2, P2 (plans 100, 300, 10
    /// 万), 区住建局 A3 (600 万), 建中街街道 S1 (200 万). Then, by the end of May:
    /// - approved: A1 30 万 in May, A2 100 万 in March, A3 150 万 in May;
    /// - May's reports: A1 and A3 on time, A2 late (and not approved); P2 and S1 none;
    /// - 开工 planned: A1 10 April (reached 12 April), A2 20 May (not reached), A3 15 June;
    /// - problems: 商务局 leads one due 10 May solved 9 May, one due 20 May solved 25 May, one
    ///   due 10 June; 住建局 one due 1 April still open;
    /// - colours: A1 red in March, green 31 May; A2 yellow 30 April; A3 red 30 June; S1 red 31 May;
    /// - a lead of 商务局 signed 1 February.
    static func loaded(_ app: StoreTestContext) async throws -> DistrictModel {
        let d = try await Fixtures.district(on: app.db)
        _ = try await Fixtures.writer(d).apply(Fixtures.ledger + [Fixtures.record("S1", unit: "建中街街道", totalWan: 900, planWan: 200)], on: app.db)
        let db = app.db
        func project(_ code: String) async throws -> UUID { try await ProblemTests.project(code, on: db) }
        func report(_ code: String, month: Int, wan: Int64, status: String, late: Bool) async throws {
            let r = MonthlyReportModel()
            r.id = UUID(); r.districtID = d.id!; r.$project.id = try await project(code); r.year = 2023; r.month = month
            r.amount = wan * 10_000; r.status = status; r.late = late; r.submittedAt = Date(); r.version = 1
            try await r.create(on: db)
        }
        try await report("A1", month: 5, wan: 30, status: "approved", late: false)
        try await report("A2", month: 3, wan: 100, status: "approved", late: false)
        try await report("A2", month: 5, wan: 0, status: "submitted", late: true)
        try await report("A3", month: 5, wan: 150, status: "approved", late: false)
        for (code, planned, actual) in [("A1", "2023-04-10", "2023-04-12"), ("A2", "2023-05-20", nil), ("A3", "2023-06-15", nil)] as [(String, CalendarDate, CalendarDate?)] {
            let m = MilestoneModel()
            m.id = UUID(); m.districtID = d.id!; m.$project.id = try await project(code); m.year = 2023; m.seq = 1; m.name = "开工"
            m.planned = planned; m.actual = actual; m.version = 1
            try await m.create(on: db)
        }
        let commerce = try await ProblemTests.unit("区商务局", d, on: db), housing = try await ProblemTests.unit("区住建局", d, on: db)
        for (unit, deadline, resolved) in [(commerce, "2023-05-10", "2023-05-09"), (commerce, "2023-05-20", "2023-05-25"),
                                           (commerce, "2023-06-10", nil), (housing, "2023-04-01", nil)] as [(UUID, CalendarDate, CalendarDate?)] {
            let p = ProblemModel()
            p.id = UUID(); p.districtID = d.id!; p.kind = "problem"; p.category = "其他"; p.title = "事项\(deadline)"; p.description = "—"
            p.major = false; p.raisedBy = "tester"; p.raisedOn = "2023-03-01"; p.leadUnitID = unit; p.deadline = deadline
            p.status = resolved == nil ? "assigned" : "resolved"; p.resolvedOn = resolved; p.version = 1
            try await p.create(on: db)
        }
        for (code, from, to, on) in [("A1", nil, "red", "2023-03-31"), ("A1", "red", "green", "2023-05-31"), ("A2", nil, "yellow", "2023-04-30"),
                                     ("A3", nil, "red", "2023-06-30"), ("S1", nil, "red", "2023-05-31")] as [(String, String?, String, CalendarDate)] {
            let c = WarningChangeModel()
            c.id = UUID(); c.districtID = d.id!; c.projectID = try await project(code); c.year = 2023; c.fromColour = from; c.toColour = to
            c.onDate = on; c.ruleVersion = 1
            try await c.create(on: db)
        }
        let e = EnterpriseModel()
        e.id = UUID(); e.districtID = d.id!; e.name = "甲公司"; e.nameKey = "甲公司"; e.aboveScale = false; e.version = 1
        try await e.create(on: db)
        let lead = LeadModel()
        lead.id = UUID(); lead.districtID = d.id!; lead.title = "甲公司项目"; lead.enterpriseID = e.id!; lead.source = "其他"; lead.unitID = commerce
        lead.status = "signed"; lead.collectedOn = "2023-01-10"; lead.signedOn = "2023-02-01"; lead.version = 1
        try await lead.create(on: db)
        return d
    }

    @Test func theFactsOfEachUnitAreCountedInTheDatabase() async throws {
        try await StoreDatabase.with { app in
            let d = try await Self.loaded(app)
            // Photos on 商务局's May reports: two judged 现场 on one, one 位置不符 on another; one 现场 on 住建局's.
            let commerceID = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$name == "区商务局").first()?.id)
            let commerceProjects = try await ProjectModel.query(on: app.db).filter(\.$unit.$id == commerceID).all().map { $0.id! }
            let mayReports = try await MonthlyReportModel.query(on: app.db).filter(\.$project.$id ~~ commerceProjects).filter(\.$month == 5).all()
            let housingID = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$name == "区住建局").first()?.id)
            let housingProjects = try await ProjectModel.query(on: app.db).filter(\.$unit.$id == housingID).all().map { $0.id! }
            let housingReport = try #require(try await MonthlyReportModel.query(on: app.db).filter(\.$project.$id ~~ housingProjects).filter(\.$month == 5).first())
            #expect(mayReports.count >= 2)
            for (r, verdict) in [(mayReports[0], "on-site"), (mayReports[0], "on-site"), (mayReports[1], "wrong-place"), (housingReport, "on-site")] {
                let ph = ReportPhotoModel()
                ph.id = UUID(); ph.districtID = d.id!; ph.reportID = r.id!; ph.projectID = r.$project.id; ph.contentType = "image/jpeg"
                ph.width = 1; ph.height = 1; ph.size = 1; ph.bytes = Data([0]); ph.uploadedBy = "t"; ph.uploadedAt = Date(); ph.verdict = verdict
                try await ph.create(on: app.db)
            }
            // Steps 住建局 approves: due 5-10 approved 5-09 (on time), due 5-20 approved 5-25 (late),
            // due 5-31 open (late), due 6-05 (not yet due in May); one of a city office (not a unit).
            for (due, actual, department) in [("2023-05-10", "2023-05-09", "区住建局"), ("2023-05-20", "2023-05-25", "区住建局"),
                                              ("2023-05-31", nil, "区住建局"), ("2023-06-05", nil, "区住建局"), ("2023-05-10", nil, "市生态环境局")] as [(String, String?, String)] {
                let a = ApprovalItemModel()
                a.id = UUID(); a.districtID = d.id!; a.$project.id = housingProjects[0]; a.year = 2023; a.name = "审批"; a.version = 1
                a.department = department; a.applied = CalendarDate.parse("2023-04-20"); a.dueOn = CalendarDate.parse(due)
                a.actual = actual.flatMap(CalendarDate.parse)
                try await a.create(on: app.db)
            }
            let units = Dictionary(uniqueKeysWithValues: try await UnitFactsQuery.run(districtID: d.id!, year: 2023, month: 5, on: app.db).map { ($0.name, $0.facts) })
            #expect(Set(units.keys) == ["区商务局", "区住建局", "建中街街道"])
            var commerce = UnitFacts()
            commerce.projects = 3; commerce.plan = 410 * 10_000; commerce.completed = 130 * 10_000
            commerce.plannedStarts = 2; commerce.achievedStarts = 1; commerce.problemsDue = 2; commerce.problemsOnTime = 1
            commerce.reportsExpected = 3; commerce.reportsOnTime = 1; commerce.litProjects = 1; commerce.signedLeads = 1
            // Two 现场 photos on one report count it once; the 位置不符 one does not count.
            commerce.reportsVerified = 1
            #expect(units["区商务局"] == commerce)
            #expect(UnitScore.ratio(.photos, commerce, month: 5, pipelineTarget: 2) == 1.0 / 3)
            var housing = UnitFacts()
            housing.projects = 1; housing.plan = 600 * 10_000; housing.completed = 150 * 10_000; housing.problemsDue = 1
            housing.reportsExpected = 1; housing.reportsOnTime = 1; housing.reportsVerified = 1
            housing.approvalsDue = 3; housing.approvalsOnTime = 1
            #expect(units["区住建局"] == housing)
            #expect(UnitScore.ratio(.approvals, housing, month: 5, pipelineTarget: 2) == 1.0 / 3)
            #expect(UnitScore.ratio(.approvals, commerce, month: 5, pipelineTarget: 2) == 1)
            var street = UnitFacts()
            street.projects = 1; street.plan = 200 * 10_000; street.reportsExpected = 1; street.litProjects = 1
            #expect(units["建中街街道"] == street)
            // At April's end A2 is yellow and A1 still red: two of 商务局's projects lit.
            let april = try await UnitFactsQuery.run(districtID: d.id!, year: 2023, month: 4, on: app.db)
            #expect(april.first { $0.name == "区商务局" }?.facts.litProjects == 2)
            // A3's May figure corrected down by 50 万: counted from May on, not in April.
            let may = try #require(try await MonthlyReportModel.query(on: app.db).filter(\.$month == 5).filter(\.$amount == 150 * 10_000).first())
            let a = ReportAdjustmentModel()
            a.id = UUID(); a.districtID = d.id!; a.$report.id = may.id!; a.projectID = may.$project.id; a.year = 2023; a.month = 5
            a.delta = -50 * 10_000; a.reason = "核减"; a.actor = "tester"; a.at = Date()
            try await a.create(on: app.db)
            let both = try await UnitFactsQuery.run(districtID: d.id!, year: 2023, months: [4, 5], on: app.db)
            let housingMay = both[5]?.first(where: { $0.name == "区住建局" })?.facts.completed
            let housingApril = both[4]?.first(where: { $0.name == "区住建局" })?.facts.completed
            #expect(housingMay == Int64(100 * 10_000))
            #expect(housingApril == Int64(0))
            // Months in one pass count what each month alone counts.
            let commerceMay = both[5]?.first(where: { $0.name == "区商务局" })?.facts
            #expect(both[4] == april && commerceMay == commerce)
            // Read with the reports on a second connection (another event loop's), the same facts.
            let loops = Array(app.eventLoopGroup.makeIterator())
            let other = loops.first { $0 !== app.db.eventLoop } ?? loops[0]
            let split = try await UnitFactsQuery.run(districtID: d.id!, year: 2023, months: [4, 5], on: app.db,
                                                     alongside: app.databases.database(logger: app.logger, on: other))
            #expect(split == both && split[5]?.isEmpty == false)
        }
    }

    @Test func unitsAreScoredRankedInTheirGroupsAndComparedWithLastMonth() async throws {
        try await StoreDatabase.with { app in
            let d = try await Self.loaded(app)
            let r = try await UnitRanking.build(districtID: d.id!, year: 2023, month: 5, asOf: Self.day(6, 30), on: app.db)
            let byUnit = Dictionary(uniqueKeysWithValues: r.rows.map { ($0.unit, $0) })
            // 商务局: investment 40 × (130/410)/(5/12) = 30.44; starts 15 × 1/2; problems 15 × 1/2;
            // reports 10 × 1/3; lights 10 × 2/3; pipeline 1 signed of 2 × 5/12 due, capped: 10.
            #expect(byUnit["区商务局"]?.score.total == 65.44)
            #expect(byUnit["区商务局"]?.score.points(.investment) == 30.44 && byUnit["区商务局"]?.score.points(.reporting) == 3.33)
            // 住建局: 40 × 0.6 + 15 + 0 + 10 + 10 + 0; the street: 0 + 15 + 15 + 0 + 0 + 0.
            #expect(byUnit["区住建局"]?.score.total == 59 && byUnit["建中街街道"]?.score.total == 30)
            #expect(r.rows.map(\.unit) == ["区商务局", "区住建局", "建中街街道"])
            #expect(r.rows.map(\.rank) == [1, 2, 1] && byUnit["建中街街道"]?.group == .townStreet)
            #expect(r.schemeVersion == 0 && r.previousSource == "计算" && r.rows.allSatisfy { $0.previousRank != nil })
            // One ranking for all when the scheme says so: the street is third.
            var one = ScoringScheme.standard
            one.separateGroups = false
            let ctx = ProjectItemContext(districtID: d.id!, actor: ChangeActor(name: "zhang"), today: Self.day(6, 30), scopeUnitID: nil)
            _ = try await ScoringSchemes.save(one, year: 2023, version: 0, context: ctx, on: app.db)
            let all = try await UnitRanking.build(districtID: d.id!, year: 2023, month: 5, asOf: Self.day(6, 30), on: app.db)
            #expect(all.rows.map(\.rank) == [1, 2, 3] && all.schemeVersion == 1)
            // A scheme that does not add up is refused with its sum; a stale version loses.
            var bad = ScoringScheme.standard
            bad.items[5].weight = 5
            await #expect(throws: ProjectItemContext.Failure.invalid(field: "items", Message(zh: "各项权重合计为 95，应为 100", en: "The weights add up to 95, not 100"))) {
                try await ScoringSchemes.save(bad, year: 2023, version: 1, context: ctx, on: app.db)
            }
            await #expect(throws: ProjectItemContext.Failure.versionConflict(current: 1)) {
                try await ScoringSchemes.save(.standard, year: 2023, version: 0, context: ctx, on: app.db)
            }
            #expect(try await ScoringSchemeModel.query(on: app.db).count() == 1)
        }
    }

    @Test func theWeeklyBulletinReadsTheWeekAndRefusesAYearWithNoPlan() async throws {
        try await StoreDatabase.with { app in
            let d = try await Self.loaded(app)
            let s = StageChangeModel()
            s.id = UUID(); s.$project.id = try await ProblemTests.project("A3", on: app.db); s.fromStage = "落地"; s.toStage = "在建"
            s.effectiveOn = "2023-06-01"; s.actor = "tester"
            try await s.create(on: app.db)
            // 2023-W22: Monday 29 May to Sunday 4 June.
            let b = try await WeeklyBulletin.build(districtID: d.id!, week: ISOWeek.parse("2023-W22")!, asOf: Self.day(6, 4), on: app.db)
            #expect(b.from == "2023-05-29" && b.to == "2023-06-04" && b.asOf == "2023-06-04")
            #expect(b.headline.projects == 5 && b.headline.plan == 1_210 * 10_000 && b.headline.completed == 280 * 10_000)
            #expect(abs(b.timeProgress - 0.5) < 1e-9)
            // Lit in the week: S1 turned red on 31 May; A1 turning green is not a light.
            #expect(b.newlyLit.map(\.code) == ["S1"] && b.newlyLit.first?.what == "red")
            #expect(b.milestones.map(\.code) == ["A3"] && b.milestones.first?.what == "在建")
            #expect(b.byCategory.reduce(0) { $0 + $1.projects } == 5)
            await #expect(throws: WeeklyBulletin.noPortfolio(2022)) {
                try await WeeklyBulletin.build(districtID: d.id!, week: ISOWeek.parse("2022-W22")!, asOf: CalendarDate(year: 2022, month: 6, day: 4)!, on: app.db)
            }
        }
    }

    @Test func theQuarterAddsUpTheMonthsAndTheOfficesAdjustmentsUntilItIsIssued() async throws {
        try await StoreDatabase.with { app in
            let d = try await Self.loaded(app)
            let ctx = ProjectItemContext(districtID: d.id!, actor: ChangeActor(name: "zhang"), today: Self.day(7, 3), scopeUnitID: nil)
            let desk = DocumentDesk(context: ctx)
            // May's ranking issued first: the quarter takes May from it.
            let may = try await desk.draft(try desk.ranking(year: 2023, month: 5, asOf: nil), on: app.db)
            let issuedMay = try await desk.issue(id: may.id!, kinds: [.unitRanking], version: may.version, on: app.db)
            #expect(issuedMay.number == "2023年第1期")
            _ = try await ScoreAdjustments(context: ctx).add(period: "2023-Q2", unit: "区住建局", points: 5, reason: "获市级表彰", on: app.db)
            await #expect(throws: ProjectItemContext.Failure.invalid(field: "reason", Message(zh: "请写明加减分的理由（至少 4 个字）", en: "Give the reason (at least 4 characters)"))) {
                try await ScoreAdjustments(context: ctx).add(period: "2023-Q2", unit: "区住建局", points: 5, reason: "好", on: app.db)
            }
            let a = try await UnitAssessment.build(districtID: d.id!, period: AssessmentPeriod.parse("2023-Q2")!, asOf: Self.day(6, 30), on: app.db)
            #expect(a.sources.map(\.month) == [4, 5, 6] && a.sources.map(\.issued) == [nil, "2023年第1期", nil])
            let housing = try #require(a.rows.first { $0.unit == "区住建局" })
            #expect(housing.months[1] == 59)
            let months = housing.months.compactMap { $0 }
            #expect(housing.base == UnitScore.round2(months.reduce(0, +) / Double(months.count)))
            #expect(housing.final == UnitScore.round2(housing.base + 5) && housing.adjustments.map(\.reason) == ["获市级表彰"])
            // Once the quarter's assessment is issued, no more adjustments.
            let q = try await desk.draft(try desk.assessment(period: AssessmentPeriod.parse("2023-Q2")!, asOf: nil), on: app.db)
            _ = try await desk.issue(id: q.id!, kinds: DocumentKind.allCases, version: q.version, on: app.db)
            await #expect(throws: ProjectItemContext.Failure.self) {
                try await ScoreAdjustments(context: ctx).add(period: "2023-Q2", unit: "区商务局", points: -2, reason: "瞒报投资数据", on: app.db)
            }
            #expect(try await ScoreAdjustmentModel.query(on: app.db).count() == 1)
            // The annual evaluation proposes the best above the line: none reach 85 here.
            let year = try await UnitAssessment.build(districtID: d.id!, period: AssessmentPeriod.parse("2023")!, asOf: Self.day(6, 30), on: app.db)
            #expect(year.isAnnual && year.rows.allSatisfy { !$0.advanced } && year.rows.first?.months.count == 12)
        }
    }
}
