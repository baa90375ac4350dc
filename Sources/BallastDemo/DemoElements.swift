import BallastCore
import BallastStore
import Fluent
import Foundation
import SQLKit

/// The demo's 资金与要素 (issue 27), every figure the demo's own: each portfolio project's
/// funding for the year split by its kind (government projects: 专项债, 中央预算内, 市级 and
/// 区级 funds and loans; 产业 projects: 企业自筹 and loans), the arrived amount a little ahead
/// of its completed investment — except one project in forty, whose money lags its spending,
/// and one in sixty with more 专项债 arrived than planned; and the land of the projects not
/// yet started, handed over a fortnight before the planned start, except one in six and half of
/// those whose start has passed (the land is why they have not started), still waiting. Nothing here moves a colour: these are reasons of their own.
enum DemoElements {
    static func load(districtID: UUID, snapshot: DemoSnapshot, on db: any Database) async throws {
        let day = snapshot.day
        let year = DemoFigures.year
        let plans = try await YearPlanModel.query(on: db).filter(\.$district.$id == districtID).filter(\.$year == year).all()
        let categories = Dictionary(try await ReferenceEntryModel.query(on: db).filter(\.$district.$id == districtID)
            .filter(\.$kind == ReferenceKind.category.rawValue).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
        let projects = Dictionary(try await ProjectModel.query(on: db).filter(\.$district.$id == districtID).all().map { ($0.id!, $0) },
                                  uniquingKeysWith: { a, _ in a })
        let completed = try await CompletedQuery.byProject(districtID: districtID, year: year, throughMonth: day.month, on: db)
        var funds: [ProjectFundModel] = []
        var land: [ProjectLandModel] = []
        var versions: [ProjectFundYearModel] = []
        for plan in plans.sorted(by: { $0.$project.id.uuidString < $1.$project.id.uuidString }) {
            guard let yuan = plan.annualPlan, yuan > 0, let p = projects[plan.$project.id], let id = p.id else { continue }
            let n = Int(p.code.filter(\.isNumber).suffix(4)) ?? 0
            let industry = categories[p.$category.id]?.contains("产业") == true
            let shares: [(FundingSource, Int64)] = industry ? [(.selfRaised, 70), (.bankLoans, 30)]
                : n % 3 == 0 ? [(.specialBonds, 50), (.district, 20), (.city, 10), (.bankLoans, 20)]
                : [(.centralBudget, 10), (.district, 40), (.city, 20), (.bankLoans, 30)]
            let version = ProjectFundYearModel()
            version.id = UUID(); version.districtID = districtID; version.projectID = id; version.year = year; version.version = 1
            versions.append(version)
            let done = completed[id]?.yuan ?? 0
            // Arrived: 10% ahead of the spending (at least a third of the plan), shared alike.
            var arrivedTotal = max(done + done / 10, yuan / 3)
            if n % 40 == 7 { arrivedTotal = done * 6 / 10 }
            for (source, share) in shares {
                let f = ProjectFundModel()
                f.id = UUID(); f.districtID = districtID; f.projectID = id; f.year = year; f.source = source.rawValue; f.version = 1
                f.planned = yuan / 10_000 * share * 100
                f.arrived = min(arrivedTotal / 10_000 * share * 100, f.planned)
                if source == .specialBonds, n % 60 == 9 { f.arrived = f.planned + f.planned / 10 }
                funds.append(f)
            }
            // Land for the projects not started yet that start this year.
            if let start = p.plannedStart, start.year == year, let order = p.lifecycleStage.order,
               order < (LifecycleStage.underConstruction.order ?? 0) {
                let l = ProjectLandModel()
                l.id = UUID(); l.districtID = districtID; l.projectID = id; l.version = 1
                l.areaMu = Double(20 + n % 180)
                l.supplyMethod = industry ? "出让" : "划拨"
                let handover = start.adding(days: -14)
                l.handedOverOn = n % 6 == 1 || (start <= day && n % 2 == 0) || handover > day ? nil : handover
                if industry { l.quotas = "能耗：\(1 + n % 5) 千吨标准煤/年" }
                land.append(l)
            }
        }
        try await funds.create(on: db)
        try await versions.create(on: db)
        try await land.create(on: db)
    }
}
