@testable import BallastApp
import BallastCore
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing

/// The example ledger offered on the import page can be imported into a working district and
/// changes none of its projects (issue 23: it once renamed EQ2023-0001 and set its total to 120亿).
@Suite struct ExampleLedgerTests {
    @Test func importingTheExampleIntoTheDemoTouchesNoRealProject() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let d = try #require(try await DistrictModel.query(on: app.db).first())
            let before = try await ProjectModel.query(on: app.db).all().map { ($0.code, $0.name, $0.totalInvestment) }
            let writer = LedgerWriter(districtID: try d.requireID(), year: 2023, actor: ChangeActor(name: "office"),
                                      today: CalendarDate(year: 2023, month: 6, day: 30)!)
            let report = try await writer.apply(ExampleLedger.records, on: app.db)
            #expect(report.updated.isEmpty)
            #expect(report.created.count == ExampleLedger.records.count)
            let after = Dictionary(uniqueKeysWithValues: try await ProjectModel.query(on: app.db).all().map { ($0.code, ($0.name, $0.totalInvestment)) })
            for (code, name, total) in before { #expect(after[code]?.0 == name && after[code]?.1 == total, "\(code)") }
            // Their codes say what they are, and the file in docs/ is the same three rows.
            #expect(ExampleLedger.records.allSatisfy { $0.code.hasPrefix("示例-") })
            let file = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../../docs/ledger-example.csv").standardizedFileURL, encoding: .utf8)
            for r in ExampleLedger.records { #expect(file.contains(r.code + "," + r.name), "\(r.code)") }
        }
    }
}
