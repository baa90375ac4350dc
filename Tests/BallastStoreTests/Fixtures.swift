import BallastCore
import BallastStore
import Fluent
import Foundation

/// A small ledger whose sums are easy to check by hand.
enum Fixtures {
    static func record(_ code: String, category: String = "新型城镇化", level: String = "区重点", zone: String? = "甲区",
                       unit: String = "区住建局", stage: LifecycleStage = .underConstruction, totalWan: Int64, planWan: Int64?,
                       name: String? = nil) -> LedgerRecord {
        LedgerRecord(row: 2, code: code, name: name ?? "项目\(code)", category: category, level: level, nature: .continuing,
                     zone: zone, unit: unit, stage: stage, totalInvestment: .wan(totalWan), annualPlan: planWan.map(Money.wan))
    }

    static let ledger: [LedgerRecord] = [
        record("A1", category: "产业转型发展", level: "省重点", zone: "甲区", unit: "区商务局", totalWan: 1_000, planWan: 100),
        record("A2", category: "产业转型发展", level: "市重点", zone: "乙区", unit: "区商务局", totalWan: 2_000, planWan: 300),
        record("A3", category: "新型城镇化", level: "区重点", zone: nil, unit: "区住建局", totalWan: 5_000, planWan: 600),
        record("P1", category: "产业转型发展", unit: "区商务局", stage: .conceived, totalWan: 700, planWan: nil),
        record("P2", category: "产业转型发展", unit: "区商务局", stage: .landed, totalWan: 40, planWan: 10),
    ]

    static func district(on db: any Database, code: String = "t") async throws -> DistrictModel {
        let d = DistrictModel(id: UUID(), code: code, name: "测试区")
        try await d.create(on: db)
        return d
    }

    static func writer(_ d: DistrictModel, year: Int = 2023, strict: Bool = false) -> LedgerWriter {
        LedgerWriter(districtID: d.id!, year: year, actor: ChangeActor(name: "tester"),
                     today: CalendarDate(year: 2023, month: 6, day: 1)!, strict: strict)
    }
}
