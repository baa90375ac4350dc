import BallastCore
@testable import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor

@Suite struct PipelineTests {
    static let june30 = CalendarDate(year: 2023, month: 6, day: 30)!

    static func mover(_ d: DistrictModel, office: Bool) -> PipelineMover {
        PipelineMover(context: ProjectItemContext(districtID: d.id!, actor: ChangeActor(name: "tester"), today: june30, scopeUnitID: nil),
                      office: office)
    }

    static func day(_ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: 2023, month: m, day: d)! }

    /// The fixture district with its ledger imported on 2023-01-05, and its 谋划 project P1.
    static func imported(_ app: StoreTestContext) async throws -> (DistrictModel, ProjectModel) {
        let d = try await Fixtures.district(on: app.db)
        var writer = Fixtures.writer(d)
        writer.today = day(1, 5)
        _ = try await writer.apply(Fixtures.ledger, on: app.db)
        return (d, try #require(try await ProjectModel.query(on: app.db).filter(\.$code == "P1").first()))
    }

    @Test func movesAreRecordedWithEvidenceAndCountedAtAnyDate() async throws {
        try await StoreDatabase.with { app in
            // P1 谋划, P2 落地 (imported 2023-01-05, the writer's day); A1–A3 在建.
            let (d, p1) = try await Self.imported(app)
            let unit = Self.mover(d, office: false)

            await #expect(throws: PipelineMover.Failure.self) {
                try await unit.move(projectID: p1.id!, version: p1.version, to: .attracting, on: Self.day(3, 1), evidence: .init(), on: app.db)
            }
            let attracted = try await unit.move(projectID: p1.id!, version: p1.version, to: .attracting, on: Self.day(3, 1),
                                                evidence: .init(investor: "郑州宇通科技有限公司"), on: app.db)
            #expect(attracted.stage == "招引" && attracted.version == p1.version + 1 && attracted.enterpriseID != nil)
            // The same version again: someone moved it first.
            await #expect(throws: ProjectItemContext.Failure.versionConflict(current: p1.version + 1)) {
                try await unit.move(projectID: p1.id!, version: p1.version, to: .signed, on: Self.day(5, 1),
                                    evidence: .init(investor: "宇通", signedOn: Self.day(5, 1), contractAmount: .wan(700)), on: app.db)
            }
            let signed = try await unit.move(projectID: p1.id!, version: attracted.version, to: .signed, on: Self.day(5, 10),
                                             evidence: .init(investor: "郑州宇通科技有限公司", signedOn: Self.day(5, 8), contractAmount: .wan(700)), on: app.db)
            let step = try #require(try await StageChangeModel.query(on: app.db).filter(\.$project.$id == p1.id!).filter(\.$toStage == "签约").first())
            #expect(step.effectiveOn == "2023-05-10")
            #expect(step.evidence?.contains("\"contractAmount\"") == true)
            #expect(step.note == "签约 郑州宇通科技有限公司，合同金额 700 万元")

            // A unit cannot send it back; the office can, and that is recorded too.
            await #expect(throws: PipelineMover.Failure.self) {
                try await unit.move(projectID: p1.id!, version: signed.version, to: .attracting, on: Self.day(6, 1), evidence: .init(), on: app.db)
            }
            let back = try await Self.mover(d, office: true).move(projectID: p1.id!, version: signed.version, to: .attracting, on: Self.day(6, 1),
                                                                evidence: .init(), on: app.db)
            let p2 = try #require(try await ProjectModel.query(on: app.db).filter(\.$code == "P2").first())
            _ = try await unit.move(projectID: p2.id!, version: p2.version, to: .exited, on: Self.day(6, 20),
                                    evidence: .init(exitReason: "要素不具备"), on: app.db)
            #expect(try await ProjectModel.find(p2.id, on: app.db)?.exitReason == "要素不具备")

            try await PipelineQuery.setTargets([.conceived: 218, .attracting: 173], districtID: d.id!, year: 2023, actor: ChangeActor(name: "tester"), on: app.db)
            // At the end of April P1 was in 招引 (700 万元 of investment); P2 in 落地.
            let april = try await PipelineQuery.run(districtID: d.id!, year: 2023, asOf: Self.day(4, 30), on: app.db)
            #expect(april.pools.map(\.projects) == [0, 1, 0, 1])
            #expect(april.pools[1].totalInvestment == .wan(700))
            #expect(april.pools.map(\.entered) == [1, 1, 0, 1])   // P1 entered 谋划 on import and 招引 in March
            #expect(april.pools.map(\.target) == [218, 173, nil, nil])
            // At the end of June: P1 back in 招引 after 签约, P2 out.
            let june = try await PipelineQuery.run(districtID: d.id!, year: 2023, asOf: Self.june30, on: app.db)
            #expect(june.pools.map(\.projects) == [0, 1, 0, 0])
            #expect(june.pools.map(\.entered) == [1, 1, 1, 1])
            #expect(june.exitsByReason.map(\.reason) == ["要素不具备"])
            #expect(june.flows.contains { $0.from == .signed && $0.to == .attracting && $0.projects == 1 })
            #expect(back.stage == "招引")

            // The 招引 cohort of Q1: P1 only (entered 03-01), signed after 70 days, back in 招引 by June.
            let q1 = try await CohortQuery.run(districtID: d.id!, pool: .attracting, from: Self.day(1, 1), to: Self.day(3, 31),
                                               asOf: Self.june30, scopeUnitID: nil, on: app.db)
            #expect(q1.summary.projects == 1)
            #expect(q1.summary.reached == [.signed: 1])
            #expect(q1.summary.daysTo[.signed] == Cohort.Days(projects: 1, median: 70, p80: 70))
            #expect(q1.summary.daysInPool == Cohort.Days(projects: 1, median: 70, p80: 70))
            #expect(q1.summary.stillIn == 1 && q1.summary.exited == 0)
            #expect(q1.byUnit.map(\.unit) == ["区商务局"])
            // Followed only to a date: at the end of April it had not signed yet.
            let april30 = try await CohortQuery.run(districtID: d.id!, pool: .attracting, from: Self.day(1, 1), to: Self.day(3, 31),
                                                    asOf: Self.day(4, 30), scopeUnitID: nil, on: app.db)
            #expect(april30.summary.reached.isEmpty && april30.summary.stillIn == 1)
            // The 落地 cohort of January: P2, imported into 落地, exited in June.
            let landed = try await CohortQuery.run(districtID: d.id!, pool: .landed, from: Self.day(1, 1), to: Self.day(1, 31),
                                                   asOf: Self.june30, scopeUnitID: nil, on: app.db)
            #expect(landed.summary.projects == 1 && landed.summary.exited == 1)
            #expect(landed.summary.daysInPool.median == Self.day(1, 5).days(until: Self.day(6, 20)))
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$entity == "pool-target").count() == 2)
        }
    }

    @Test func aSameDayMoveCountsAfterTheEntryAndAnEarlierSameDayStepDoesNot() async throws {
        try await StoreDatabase.with { app in
            let (d, p1) = try await Self.imported(app)
            let unit = Self.mover(d, office: false)
            // Imported into 谋划 on 01-05 and moved to 招引 the same day: the import step is before the entry.
            let attracted = try await unit.move(projectID: p1.id!, version: p1.version, to: .attracting, on: Self.day(1, 5),
                                                evidence: .init(investor: "郑州宇通科技有限公司"), on: app.db)
            let before = try await CohortQuery.run(districtID: d.id!, pool: .attracting, from: Self.day(1, 1), to: Self.day(3, 31),
                                                   asOf: Self.june30, scopeUnitID: nil, on: app.db)
            #expect(before.summary.projects == 1 && before.summary.stillIn == 1)
            #expect(before.summary.daysInPool.projects == 0)
            // Signed the same day, after the entry: zero days in 招引, reached 签约 in zero days.
            _ = try await unit.move(projectID: p1.id!, version: attracted.version, to: .signed, on: Self.day(1, 5),
                                    evidence: .init(investor: "郑州宇通科技有限公司", signedOn: Self.day(1, 5), contractAmount: .wan(700)), on: app.db)
            let after = try await CohortQuery.run(districtID: d.id!, pool: .attracting, from: Self.day(1, 1), to: Self.day(3, 31),
                                                  asOf: Self.june30, scopeUnitID: nil, on: app.db)
            #expect(after.summary.daysInPool == Cohort.Days(projects: 1, median: 0, p80: 0))
            #expect(after.summary.daysTo[.signed] == Cohort.Days(projects: 1, median: 0, p80: 0))
            #expect(after.summary.stillIn == 0)
        }
    }

    /// A cohort of several projects in two units: the counts and the nearest-rank percentiles,
    /// per unit and for the district, worked out here by hand from the days each project took.
    @Test func aCohortOfTwoUnitsGivesEachUnitsPercentilesAndTheDistricts() async throws {
        try await StoreDatabase.with { app in
            let d = try await Fixtures.district(on: app.db)
            var writer = Fixtures.writer(d)
            writer.today = Self.day(1, 5)
            let units = ["Q1": "区商务局", "Q2": "区商务局", "Q3": "区商务局", "Q4": "区住建局", "Q5": "区住建局"]
            let ledger = units.keys.sorted().map { Fixtures.record($0, category: "产业转型发展", unit: units[$0]!, stage: .conceived, totalWan: 100, planWan: nil) }
            _ = try await writer.apply(ledger, on: app.db)
            let mover = Self.mover(d, office: false)
            // All enter 招引 on 01-10. Q1–Q3 sign after 10, 20 and 30 days, Q4 after 5; Q5 exits after 22.
            let signedAfter = ["Q1": 10, "Q2": 20, "Q3": 30, "Q4": 5]
            for code in units.keys.sorted() {
                let p = try #require(try await ProjectModel.query(on: app.db).filter(\.$code == code).first())
                let attracted = try await mover.move(projectID: p.id!, version: p.version, to: .attracting, on: Self.day(1, 10),
                                                     evidence: .init(investor: "投资方\(code)"), on: app.db)
                if let days = signedAfter[code] {
                    let on = Self.day(1, 10).adding(days: days)
                    _ = try await mover.move(projectID: p.id!, version: attracted.version, to: .signed, on: on,
                                             evidence: .init(investor: "投资方\(code)", signedOn: on, contractAmount: .wan(100)), on: app.db)
                } else {
                    _ = try await mover.move(projectID: p.id!, version: attracted.version, to: .exited, on: Self.day(1, 10).adding(days: 22),
                                             evidence: .init(exitReason: "要素不具备"), on: app.db)
                }
            }
            let cohort = try await CohortQuery.run(districtID: d.id!, pool: .attracting, from: Self.day(1, 1), to: Self.day(3, 31),
                                                   asOf: Self.june30, scopeUnitID: nil, on: app.db)
            // District: signed in 5, 10, 20, 30 days (median the 2nd of 4, p80 the 4th); in the pool
            // 5, 10, 20, 22, 30 days (median the 3rd of 5, p80 the 4th).
            #expect(cohort.summary.projects == 5 && cohort.summary.exited == 1 && cohort.summary.stillIn == 0)
            #expect(cohort.summary.reached == [.signed: 4])
            #expect(cohort.summary.daysTo[.signed] == Cohort.Days(projects: 4, median: 10, p80: 30))
            #expect(cohort.summary.daysInPool == Cohort.Days(projects: 5, median: 20, p80: 22))
            #expect(cohort.byUnit.map(\.unit) == ["区住建局", "区商务局"])
            let housing = cohort.byUnit[0].summary, commerce = cohort.byUnit[1].summary
            // 区住建局: Q4 signed after 5 days, Q5 left after 22.
            #expect(housing.projects == 2 && housing.exited == 1 && housing.reached == [.signed: 1])
            #expect(housing.daysInPool == Cohort.Days(projects: 2, median: 5, p80: 22))
            // 区商务局: 10, 20, 30 days (median the 2nd of 3, p80 the 3rd).
            #expect(commerce.projects == 3 && commerce.exited == 0)
            #expect(commerce.daysTo[.signed] == Cohort.Days(projects: 3, median: 20, p80: 30))
            // Followed only to 01-25: Q4 and Q1 had signed; Q2, Q3 and Q5 were still in 招引.
            let early = try await CohortQuery.run(districtID: d.id!, pool: .attracting, from: Self.day(1, 1), to: Self.day(3, 31),
                                                  asOf: Self.day(1, 25), scopeUnitID: nil, on: app.db)
            #expect(early.summary.stillIn == 3 && early.summary.daysTo[.signed] == Cohort.Days(projects: 2, median: 5, p80: 10))
        }
    }

    @Test func dayListsAreCountedWhateverTheirShape() {
        var h: [Int: Int] = [:]
        CohortQuery.count("110,97,110,0,-3", into: &h)
        CohortQuery.count("", into: &h)
        CohortQuery.count("7", into: &h)
        #expect(h == [110: 2, 97: 1, 0: 1, -3: 1, 7: 1])
    }

    /// The spans and entries kept beside the history are exactly what the steps give, whether
    /// written by each move or rebuilt from the whole history (as the migration does for a
    /// database that already had steps).
    @Test func theDerivedRowsAreWhatTheStepsGiveAndARebuildGivesTheSame() async throws {
        try await StoreDatabase.with { app in
            let (d, p1) = try await Self.imported(app)
            let unit = Self.mover(d, office: false)
            let attracted = try await unit.move(projectID: p1.id!, version: p1.version, to: .attracting, on: Self.day(3, 1),
                                                evidence: .init(investor: "郑州宇通科技有限公司"), on: app.db)
            _ = try await unit.move(projectID: p1.id!, version: attracted.version, to: .signed, on: Self.day(3, 1),
                                    evidence: .init(investor: "郑州宇通科技有限公司", signedOn: Self.day(3, 1), contractAmount: .wan(700)), on: app.db)
            func spans() async throws -> [String] {
                try await StageSpanModel.query(on: app.db).filter(\.$projectID == p1.id!).all()
                    .map { "\($0.stage) \($0.fromOn)…\($0.untilOn)" }.sorted()
            }
            func entries() async throws -> [String] {
                try await PoolEntryModel.query(on: app.db).filter(\.$projectID == p1.id!).all()
                    .map { "\($0.pool) \($0.enteredOn) left \($0.leftOn?.iso ?? "-") 签约 \($0.reachedSigned?.iso ?? "-")" }.sorted()
            }
            // Imported 01-05 into 谋划; 招引 and 签约 both on 03-01, 签约 recorded last.
            let written = try await spans()
            #expect(written == ["招引 2023-03-01…2023-03-01", "签约 2023-03-01…9999-12-31", "谋划 2023-01-05…2023-03-01"].sorted())
            #expect(try await entries() == ["招引 2023-03-01 left 2023-03-01 签约 2023-03-01", "签约 2023-03-01 left - 签约 -",
                                            "谋划 2023-01-05 left 2023-03-01 签约 2023-03-01"])
            let pools = try await PipelineQuery.poolsAt(districtID: d.id!, year: 2023, asOf: Self.day(3, 1), scopeUnitID: nil, on: app.db).0
            #expect(pools["签约"]?.0 == 1 && pools["招引"] == nil)

            try await StageSpanModel.query(on: app.db).delete()
            try await PoolEntryModel.query(on: app.db).delete()
            try await StageHistory.relinkAll(on: app.db)
            #expect(try await spans() == written)
            #expect(try await StageSpanModel.query(on: app.db).count() == (try await StageChangeModel.query(on: app.db).count()))
            #expect(try await entries().count == 3)

            // P1 handed to 区住建局 by the ledger: its cohort counts it there, with no step taken.
            var ledger = Fixtures.ledger
            ledger[3] = Fixtures.record("P1", category: "产业转型发展", unit: "区住建局", stage: .signed, totalWan: 700, planWan: nil)
            _ = try await Fixtures.writer(d).apply(ledger, on: app.db)
            let cohort = try await CohortQuery.run(districtID: d.id!, pool: .attracting, from: Self.day(1, 1), to: Self.day(3, 31),
                                                   asOf: Self.june30, scopeUnitID: nil, on: app.db)
            #expect(cohort.byUnit.map(\.unit) == ["区住建局"] && cohort.summary.projects == 1)
            #expect(try await StageChangeModel.query(on: app.db).filter(\.$project.$id == p1.id!).count() == 3)
        }
    }
}
