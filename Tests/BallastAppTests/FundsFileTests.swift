@testable import BallastApp
import BallastCore
@testable import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The 资金来源 file (issue 27): exported with every portfolio project, imported back whole or
/// not at all with each faulty cell named, a unit its own projects only; previewed, confirmed
/// and undone from the page.
@Suite struct FundsFileTests {
    /// The header as the README documents it, written out by hand.
    static let header = "项目编号,项目名称,专项债计划（万元）,专项债到位（万元）,中央预算内投资计划（万元）,中央预算内投资到位（万元）,省级资金计划（万元）,省级资金到位（万元）,市级资金计划（万元）,市级资金到位（万元）,区级资金计划（万元）,区级资金到位（万元）,银行贷款计划（万元）,银行贷款到位（万元）,企业自筹计划（万元）,企业自筹到位（万元）,其他计划（万元）,其他到位（万元）"

    static func export(_ client: TestClient) async throws -> String {
        var text = ""
        try await client.test(.GET, "/elements/funds/export?year=2023&format=csv") { res in
            #expect(res.status == .ok)
            text = res.body.string
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    @Test func theExportRoundTripsAndAFileIsAppliedWholeOrNotAtAll() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let csv = try await Self.export(office)
            let lines = csv.split(whereSeparator: \.isNewline).map(String.init)
            #expect(lines.first == Self.header && lines.count == 361)
            let (same, sameReport) = try await office.upload("/api/v1/elements/funds/import?year=2023", fileName: "f.csv", csv)
            #expect(same == .ok && sameReport["unchanged"] as? Int == 360 && sameReport["updated"] as? Int == 0)
            let p = try #require(try await ProjectModel.query(on: app.db).filter(\.$stage == LifecycleStage.underConstruction.rawValue).sort(\.$code).first())
            // A negative amount and an unknown project: named, nothing written.
            let bad = "项目编号,专项债计划（万元）,专项债到位（万元）\n\(p.code),100,-5\nNOPE-9,1,1\n"
            let (refused, report) = try await office.upload("/api/v1/elements/funds/import?year=2023", fileName: "f.csv", bad)
            #expect(refused == .unprocessableEntity)
            let issues = report["issues"] as? [[String: Any]] ?? []
            #expect(issues.contains { $0["row"] as? Int == 2 && $0["column"] as? String == "专项债到位" })
            let before = Dictionary(try await ElementsEditor.funds(projectID: p.id!, year: 2023, on: app.db).map { ($0.source, [$0.planned, $0.arrived]) },
                                    uniquingKeysWith: { a, _ in a })
            // Arrived above planned is allowed; other sources keep what they had.
            let good = "项目编号,专项债计划（万元）,专项债到位（万元）\n\(p.code),100,130\n"
            let (ok, done) = try await office.upload("/api/v1/elements/funds/import?year=2023", fileName: "f.csv", good)
            #expect(ok == .ok && done["updated"] as? Int == 1)
            let after = try await ElementsEditor.funds(projectID: p.id!, year: 2023, on: app.db)
            #expect(after.first { $0.source == "专项债" }?.arrived == 1_300_000)
            let kept = Dictionary(after.filter { $0.source != "专项债" }.map { ($0.source, [$0.planned, $0.arrived]) }, uniquingKeysWith: { a, _ in a })
            #expect(kept == before.filter { $0.key != "专项债" })
            let (_, view) = try await office.send(.GET, "/api/v1/projects/\(p.id!)/elements")
            #expect((view["findings"] as? [[String: Any]] ?? []).contains { $0["kind"] as? String == "arrived-above-planned" })
            // A unit: its own projects only.
            let housing = try await app.as(.unit, unit: "区住房城乡建设局")
            let unitID = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$name == "区住房城乡建设局").first()?.id)
            let other = try #require(try await ProjectModel.query(on: app.db).filter(\.$unit.$id != unitID).sort(\.$code).first())
            let (theirs, theirReport) = try await housing.upload("/api/v1/elements/funds/import?year=2023", fileName: "f.csv",
                                                                  "项目编号,区级资金计划（万元）\n\(other.code),5\n")
            #expect(theirs == .unprocessableEntity && "\(theirReport)".contains("不在本区项目库中"))
            let mine = try await Self.export(housing).split(whereSeparator: \.isNewline)
            let housingProjects = try await ProjectModel.query(on: app.db).filter(\.$unit.$id == unitID)
                .join(YearPlanModel.self, on: \YearPlanModel.$project.$id == \ProjectModel.$id)
                .filter(YearPlanModel.self, \.$year == 2023).filter(YearPlanModel.self, \.$annualPlan != nil).count()
            #expect(mine.count == housingProjects + 1)
        }
    }

    @Test func thePagesFileIsPreviewedConfirmedAndUndone() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let p = try #require(try await ProjectModel.query(on: app.db).filter(\.$stage == LifecycleStage.underConstruction.rawValue)
                .sort(\.$code, .descending).first())
            let before = try await ElementsEditor.funds(projectID: p.id!, year: 2023, on: app.db).map { "\($0.source) \($0.planned) \($0.arrived)" }.sorted()
            let file = "项目编号,其他计划（万元）,其他到位（万元）\n\(p.code),7.5,2\n"
            let id = try await ImportPreviewTests.preview(office, file, path: "/elements/funds/import?year=2023", year: nil)
            try await office.test(.GET, "/imports/\(id)") { res in
                #expect(res.body.string.contains("2023年资金来源") && res.body.string.contains("其他计划（万元）"))
            }
            try await ImportPreviewTests.post(office, "/imports/\(id)/apply", status: .ok)
            #expect(try await ElementsEditor.funds(projectID: p.id!, year: 2023, on: app.db).contains { $0.source == "其他" && $0.planned == 75_000 })
            try await ImportPreviewTests.post(office, "/imports/\(id)/undo", status: .ok)
            let undone = try await ElementsEditor.funds(projectID: p.id!, year: 2023, on: app.db).map { "\($0.source) \($0.planned) \($0.arrived)" }.sorted()
            #expect(undone == before)
        }
    }
}
