import BallastCore
@testable import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing

@Suite struct SummaryQueryTests {
    @Test func aggregatesThePortfolioAndThePools() async throws {
        try await StoreDatabase.with { app in
            let d = try await Fixtures.district(on: app.db)
            _ = try await Fixtures.writer(d).apply(Fixtures.ledger, on: app.db)
            let s = try await SummaryQuery.run(districtID: d.id!, year: 2023, asOf: CalendarDate(year: 2023, month: 6, day: 30)!, on: app.db)
            // Portfolio: A1, A2, A3, P2 (P1 has no annual plan).
            #expect(s.projects == 4)
            #expect(s.totalInvestment == .wan(8_040))
            #expect(s.annualPlan == .wan(1_010))
            let cat = Dictionary(uniqueKeysWithValues: s.byCategory.map { ($0.name, $0) })
            #expect(cat["产业转型发展"]?.projects == 3)
            #expect(cat["产业转型发展"]?.totalInvestment == .wan(3_040))
            #expect(cat["新型城镇化"]?.annualPlan == .wan(600))
            #expect(s.byLevel.map(\.name) == ["省重点", "市重点", "区重点"])
            #expect(s.byLevel.map(\.projects) == [1, 1, 2])
            let zones = Dictionary(uniqueKeysWithValues: s.byZone.map { ($0.name, $0.projects) })
            #expect(zones == ["甲区": 2, "乙区": 1, SummaryQuery.unassigned: 1])
            #expect(s.byUnit.first { $0.name == "区商务局" }?.totalInvestment == .wan(3_040))
            // Pools count every project of the district in that stage, in the portfolio or not.
            #expect(s.pools.map(\.stage) == [.conceived, .attracting, .signed, .landed])
            #expect(s.pools.map(\.projects) == [1, 0, 0, 1])
            #expect(s.pools[0].totalInvestment == .wan(700))
        }
    }

    @Test func anEmptyYearSumsToZero() async throws {
        try await StoreDatabase.with { app in
            let d = try await Fixtures.district(on: app.db)
            let s = try await SummaryQuery.run(districtID: d.id!, year: 2030, asOf: CalendarDate(year: 2030, month: 1, day: 1)!, on: app.db)
            #expect(s.projects == 0 && s.totalInvestment == .zero && s.byCategory.isEmpty)
            #expect(s.pools.allSatisfy { $0.projects == 0 })
        }
    }
}

@Suite struct ProjectListQueryTests {
    @Test func filtersSortsAndPages() async throws {
        try await StoreDatabase.with { app in
            let d = try await Fixtures.district(on: app.db)
            _ = try await Fixtures.writer(d).apply(Fixtures.ledger, on: app.db)
            func run(_ configure: (inout ProjectFilter) -> Void) async throws -> ProjectPage {
                var f = ProjectFilter()
                f.year = 2023
                configure(&f)
                return try await ProjectListQuery.run(districtID: d.id!, filter: f, on: app.db)
            }
            #expect(try await run { _ in }.total == 5)
            #expect(try await run { $0.category = "产业转型发展" }.items.map(\.code) == ["A1", "A2", "P1", "P2"])
            #expect(try await run { $0.level = "省重点" }.items.map(\.code) == ["A1"])
            #expect(try await run { $0.zone = "乙区" }.items.map(\.code) == ["A2"])
            #expect(try await run { $0.unit = "区住建局" }.items.map(\.code) == ["A3"])
            #expect(try await run { $0.stage = .conceived }.items.map(\.code) == ["P1"])
            #expect(try await run { $0.sort = .totalInvestment; $0.descending = true }.items.map(\.code) == ["A3", "A2", "A1", "P1", "P2"])
            var paging = ProjectFilter()
            paging.year = 2023
            paging.perPage = 2
            paging.page = 2
            let second = try await ProjectListQuery.run(districtID: d.id!, filter: paging, on: app.db)
            #expect(second.items.map(\.code) == ["A3", "P1"])
            #expect(second.total == 5)
            paging.page = 9  // past the end: no rows, the total still right
            let beyond = try await ProjectListQuery.run(districtID: d.id!, filter: paging, on: app.db)
            #expect(beyond.items.isEmpty)
            #expect(beyond.total == 5)
            #expect(try await run { $0.scopeUnitID = UUID() }.total == 0)
        }
    }

    @Test func textSearchTreatsWildcardsAsCharacters() async throws {
        try await StoreDatabase.with { app in
            let d = try await Fixtures.district(on: app.db)
            let records = [Fixtures.record("X1", totalWan: 1, planWan: 1, name: "完成率100%项目"),
                           Fixtures.record("X2", totalWan: 1, planWan: 1, name: "完成率1000项目"),
                           Fixtures.record("X_3", totalWan: 1, planWan: 1, name: "O'Brien's <script>")]
            _ = try await Fixtures.writer(d).apply(records, on: app.db)
            func search(_ q: String) async throws -> [String] {
                var f = ProjectFilter()
                f.text = q
                return try await ProjectListQuery.run(districtID: d.id!, filter: f, on: app.db).items.map(\.code)
            }
            #expect(try await search("100%") == ["X1"])
            #expect(try await search("x_") == ["X_3"])
            #expect(try await search("o'brien") == ["X_3"])
            #expect(try await search("'; DROP TABLE projects; --") == [])
            #expect(try await ProjectModel.query(on: app.db).count() == 3)
        }
    }
}

@Suite struct WarningReasonsJSONTests {
    @Test func handWrittenJSONReadsBackExactly() {
        let messages = [Message(zh: "开工节点逾期 42 天", en: "Milestone \"开工\" 42 days late\\\n\t"), Message(zh: "", en: "\u{1}")]
        #expect(WarningEngine.reasons(WarningEngine.json(messages)) == messages)
        #expect(WarningEngine.json([]) == "[]")
    }

    /// The hand reader takes what the writer writes without escapes, and gives the decoder
    /// everything else: the same messages either way, never a half-read list.
    @Test func theHandReaderReadsTheWritersOutputAndPassesTheRestOn() throws {
        let plain = [Message(zh: "进度滞后 12.5 个百分点", en: "12.5 points behind plan"), Message(zh: "开工节点逾期 42 天", en: "Start 42 days late")]
        let written = WarningEngine.json(plain)
        #expect(try #require(WarningEngine.writtenReasons(written)) == plain)
        #expect(WarningEngine.writtenReasons("[]") == [])
        // Escapes, spacing, another key order, trailing bytes, a cut end: left to the decoder.
        let escaped = WarningEngine.json([Message(zh: "“引号”", en: "say \"late\"")])
        #expect(WarningEngine.writtenReasons(escaped) == nil)
        #expect(WarningEngine.reasons(escaped) == [Message(zh: "“引号”", en: "say \"late\"")])
        let spaced = "[ {\"en\": \"a\", \"zh\": \"甲\"} ]", reordered = "[{\"zh\":\"甲\",\"en\":\"a\"}]"
        for other in [spaced, reordered] {
            #expect(WarningEngine.writtenReasons(other) == nil)
            #expect(WarningEngine.reasons(other) == [Message(zh: "甲", en: "a")])
        }
        for broken in [written + "x", String(written.dropLast()), "[{\"en\":\"a\",\"zh\":\"甲", "", "[", "[,]"] {
            #expect(WarningEngine.writtenReasons(broken) == nil, "\(broken)")
        }
        #expect(WarningEngine.reasons("[{\"en\":\"a\",\"zh\":\"甲") == [])
    }
}
