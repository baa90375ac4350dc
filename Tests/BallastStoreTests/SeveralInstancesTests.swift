import BallastCore
@testable import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor

/// Ballast as a city runs it: several instances on one database (issue 22). Each case runs two
/// `Application`s, each with its own connection pool, on one PostgreSQL schema (one SQLite file
/// without `BALLAST_TEST_DATABASE_URL`), and does the thing on both at once.
@Suite struct SeveralInstancesTests {
    static let today = CalendarDate(year: 2023, month: 7, day: 20)!

    static func context(_ districtID: UUID, _ actor: String = "office") -> ProjectItemContext {
        ProjectItemContext(districtID: districtID, actor: ChangeActor(name: actor), today: today, scopeUnitID: nil)
    }

    /// The districts' first unit.
    static func unit(_ districtID: UUID, on db: any Database) async throws -> UUID {
        try #require(try await ReferenceEntryModel.query(on: db).filter(\.$district.$id == districtID).filter(\.$kind == "unit").first()).requireID()
    }

    /// Documents of four kinds, issued all at once, half through each instance, number as a
    /// clerk would: 第1期, 第2期… in each kind's year, none twice, none skipped.
    @Test func documentsIssuedAtOnceOnTwoInstancesTakeEachNumberOnce() async throws {
        try await TestDatabase.withTwoApps { a, b in
            let d = DistrictModel(id: UUID(), code: "n", name: "测试区")
            try await d.create(on: a.db)
            let districtID = try d.requireID()
            let desk = DocumentDesk(context: Self.context(districtID))
            // 50 on PostgreSQL; 26 on SQLite, whose writers queue on one file lock, so that a loaded
            // machine running the whole suite at once still serves every one within the pool's wait
            // (50 timed out there once).
            let weeks = TestDatabase.kind == "postgres" ? 24 : 12, months = TestDatabase.kind == "postgres" ? 12 : 6
            let periods: [(DocumentKind, String)] = (1...weeks).map { (.weeklyBulletin, String(format: "2023-W%02d", $0)) }
                + (1...months).map { (.unitRanking, String(format: "2023-%02d", $0)) }
                + (1...months).map { (.supervisionBulletin, String(format: "2023-%02d", $0)) }
                + [(.quarterlyAssessment, "2023-Q1"), (.quarterlyAssessment, "2023-Q2")]
            var drafts: [DocumentModel] = []
            for (kind, period) in periods {
                drafts.append(try await desk.draft(kind: kind, period: period, title: "\(kind.chineseName) \(period)", on: a.db) { _ in
                    (["period": period], Self.today)
                })
            }
            #expect(drafts.count == periods.count)
            let issued = try await withThrowingTaskGroup(of: DocumentModel.self) { group in
                for (i, draft) in drafts.enumerated() {
                    let db = i.isMultiple(of: 2) ? a.db : b.db
                    group.addTask { try await desk.issue(id: try draft.requireID(), kinds: DocumentKind.allCases, version: draft.version, on: db) }
                }
                return try await group.reduce(into: [DocumentModel]()) { $0.append($1) }
            }
            #expect(issued.count == periods.count)
            for kind in Set(periods.map(\.0)) {
                let numbers = issued.filter { $0.kind == kind }.compactMap(\.number).sorted { $0.count == $1.count ? $0 < $1 : $0.count < $1.count }
                let expected = (1...periods.filter { $0.0 == kind }.count).map { "2023年第\($0)期" }
                #expect(numbers == expected, "\(kind)")
            }
            // The next, alone, takes the next number.
            let next = try await desk.draft(kind: .unitRanking, period: "2023-13x", title: "x", on: b.db) { _ in (["x": 1], Self.today) }
            let nextIssued = try await desk.issue(id: try next.requireID(), kinds: DocumentKind.allCases, version: next.version, on: b.db)
            #expect(nextIssued.number == "2023年第\(months + 1)期")
        }
    }

    /// 100 催办单 at once across both instances on PostgreSQL (40, the burst that once failed, on
    /// SQLite, whose writers queue on one file lock): every one is issued, numbered 1…N.
    @Test func aHundredNoticesAtOnceAreAllIssuedWithoutARepeat() async throws {
        try await TestDatabase.withTwoApps { a, b in
            let d = DistrictModel(id: UUID(), code: "n", name: "测试区")
            try await d.create(on: a.db)
            let districtID = try d.requireID()
            let unit = ReferenceEntryModel(districtID: districtID, kind: .unit, year: 0, name: "区发改委")
            try await unit.create(on: a.db)
            let editor = NoticeEditor(context: Self.context(districtID))
            let count = TestDatabase.kind == "postgres" ? 100 : 40
            let notices = try await withThrowingTaskGroup(of: NoticeModel.self) { group in
                for i in 1...count {
                    let db = i.isMultiple(of: 2) ? a.db : b.db
                    group.addTask { try await editor.issue(.init(unitID: try unit.requireID(), subject: .other, item: "第 \(i) 件事"), on: db) }
                }
                return try await group.reduce(into: [NoticeModel]()) { $0.append($1) }
            }
            #expect(notices.map(\.seq).sorted() == Array(1...count))
            #expect(Set(notices.map(\.number)).count == count)
        }
    }

    /// 立即生成 on both instances and the nightly job, all at once: each late item gets one
    /// notice, as if it had run once.
    @Test func generatingNoticesOnTwoInstancesAndTheNightAtOnceChasesEachItemOnce() async throws {
        // Three instances: two pressing 立即生成 and the night's job, each with its own pool.
        try await TestDatabase.withApps(3, demo: true) { apps in
            let (a, b, c) = (apps[0], apps[1], apps[2])
            let districtID = try #require(try await DistrictModel.query(on: a.db).first()).requireID()
            let before = try await NoticeModel.query(on: a.db).count()
            let outcomes = try await withThrowingTaskGroup(of: NoticeGenerator.Outcome.self) { group in
                for db in [a.db, b.db, c.db] {
                    group.addTask { try await NoticeGenerator.run(districtID: districtID, today: Self.today, on: db) }
                }
                return try await group.reduce(into: [NoticeGenerator.Outcome]()) { $0.append($1) }
            }
            let issued = try await NoticeModel.query(on: a.db).filter(\.$issuedOn == Self.today).all()
            #expect(!issued.isEmpty)
            #expect(issued.count == outcomes.map(\.issued.count).reduce(0, +))
            #expect(try await NoticeModel.query(on: a.db).count() == before + issued.count)
            let byProblem = Dictionary(grouping: issued.compactMap(\.problemID), by: { $0 })
            #expect(byProblem.values.allSatisfy { $0.count == 1 }, "a late item chased twice")
            let byReport = Dictionary(grouping: issued.filter { $0.subjectKey != nil }, by: { "\($0.unitID) \($0.subjectKey ?? "")" })
            #expect(byReport.values.allSatisfy { $0.count == 1 }, "a unit's month chased twice")
            // Run again: nothing more is late.
            #expect(try await NoticeGenerator.run(districtID: districtID, today: Self.today, on: b.db).issued.isEmpty)
        }
    }

    /// A database numbered before the counters (issue 22's migration): the counters start where
    /// the series stand, and a number issued twice back then is kept on both documents.
    @Test func theCountersStartWhereAnOlderDatabasesSeriesStand() async throws {
        try await StoreDatabase.with { app in
            let d = DistrictModel(id: UUID(), code: "n", name: "测试区")
            try await d.create(on: app.db)
            let districtID = try d.requireID()
            let unit = ReferenceEntryModel(districtID: districtID, kind: .unit, year: 0, name: "区发改委")
            try await unit.create(on: app.db)
            let editor = NoticeEditor(context: Self.context(districtID))
            for i in 1...3 { _ = try await editor.issue(.init(unitID: try unit.requireID(), subject: .other, item: "事项 \(i)"), on: app.db) }
            let desk = DocumentDesk(context: Self.context(districtID))
            var ids: [UUID] = []
            for week in 1...4 {
                let draft = try await desk.draft(kind: .weeklyBulletin, period: "2023-W0\(week)", title: "周通报", on: app.db) { _ in (["w": week], Self.today) }
                ids.append(try draft.requireID())
            }
            for id in ids.prefix(3) { _ = try await desk.issue(id: id, kinds: [.weeklyBulletin], version: 1, on: app.db) }
            // Back to the schema before the counters, with the third bulletin numbered as the
            // second, as counting issued documents once could.
            try await CreateNumberCounters().revert(on: app.db)
            try await app.db.execute(sql: "UPDATE documents SET number = '2023年第2期' WHERE id = '\(ids[2].uuidString.lowercased())' OR id = '\(ids[2].uuidString)'")
            try await CreateNumberCounters().prepare(on: app.db)

            let notice = try await editor.issue(.init(unitID: try unit.requireID(), subject: .other, item: "事项 4"), on: app.db)
            #expect(notice.seq == 4)
            let fourth = try await desk.issue(id: ids[3], kinds: [.weeklyBulletin], version: 1, on: app.db)
            #expect(fourth.number == "2023年第3期")
            let numbers = try await DocumentModel.query(on: app.db).filter(\.$status == .issued).all().compactMap(\.number).sorted()
            #expect(numbers == ["2023年第1期", "2023年第2期", "2023年第2期", "2023年第3期"])
        }
    }

    /// A series whose numbers can also be typed in (signed projects' ZS codes) passes the highest
    /// one written, and still gives each number once when taken at once on two instances.
    @Test func aSeriesPassesNumbersWrittenByOtherMeansAndGivesEachOnce() async throws {
        try await TestDatabase.withTwoApps { a, b in
            let d = DistrictModel(id: UUID(), code: "n", name: "测试区")
            try await d.create(on: a.db)
            let districtID = try d.requireID()
            let taken = try await withThrowingTaskGroup(of: Int.self) { group in
                for i in 0..<20 {
                    let db = i.isMultiple(of: 2) ? a.db : b.db
                    group.addTask { try await db.writeTransaction { tx in try await NumberAllocator.next(.signedProject, districtID: districtID, year: 2023, after: 5, in: tx) } }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(taken.sorted() == Array(6...25))
            // A code typed in beyond the counter moves it on.
            let next = try await a.db.writeTransaction { tx in try await NumberAllocator.next(.signedProject, districtID: districtID, year: 2023, after: 40, in: tx) }
            #expect(next == 41)
            // A rolled-back number is given again: no gap.
            struct Undo: Error {}
            await #expect(throws: Undo.self) {
                try await b.db.writeTransaction { tx in _ = try await NumberAllocator.next(.signedProject, districtID: districtID, year: 2023, in: tx); throw Undo() }
            }
            #expect(try await b.db.writeTransaction { tx in try await NumberAllocator.next(.signedProject, districtID: districtID, year: 2023, in: tx) } == 42)
        }
    }
}
