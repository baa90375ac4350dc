import BallastCore
import BallastStore
import Fluent
import Foundation

/// Erqi's pool history in H1 2023, ending in the mid-2023 pools: every 招引 and 签约 project
/// was conceived (谋划) at the start of the year and moved on during the half-year; the
/// projects signed from leads entered 签约库 on the day their lead was signed, and four of them
/// landed a month later. The 谋划 and the other 落地 projects entered on import.
enum DemoPipelineHistory {
    static let yearStart = CalendarDate(year: 2023, month: 1, day: 1)!

    static func load(districtID: UUID, on db: any Database) async throws {
        let projects = try await ProjectModel.query(on: db).filter(\.$district.$id == districtID)
            .filter(\.$stage ~~ [LifecycleStage.attracting.rawValue, LifecycleStage.signed.rawValue, LifecycleStage.landed.rawValue])
            .sort(\.$code).all()
        let signedOn = Dictionary(try await LeadModel.query(on: db).filter(\.$districtID == districtID).filter(\.$status == LeadStatus.signed.rawValue)
            .all().compactMap { l in l.projectID.flatMap { id in l.signedOn.map { (id, $0) } } }, uniquingKeysWith: { a, _ in a })
        let enterprises = Dictionary(try await EnterpriseModel.query(on: db).filter(\.$districtID == districtID).all().map { ($0.id!, $0) },
                                     uniquingKeysWith: { a, _ in a })
        var steps: [StageChangeModel] = []
        var rewritten: [UUID] = []
        for (i, p) in projects.enumerated() {
            let id = p.id!
            let stage = p.lifecycleStage
            let signed = signedOn[id]
            // The other 落地 projects (前期 industrial projects of the portfolio) keep their import step.
            guard stage != .landed || signed != nil else { continue }
            rewritten.append(id)
            let investor = p.enterpriseID.flatMap { enterprises[$0]?.name } ?? p.investor ?? "投资方"
            func step(_ from: LifecycleStage?, _ to: LifecycleStage, _ on: CalendarDate, _ note: String, _ evidence: PoolMove.Evidence? = nil) {
                let s = StageChangeModel(projectID: id, from: from?.rawValue, to: to.rawValue, effectiveOn: on, actor: "demo", note: note)
                s.evidence = evidence.flatMap { try? String(decoding: JSONEncoder.sorted.encode($0), as: UTF8.self) }
                steps.append(s)
            }
            step(nil, .conceived, yearStart, "台账导入")
            let attracted: CalendarDate
            if let signed {
                attracted = max(yearStart.adding(days: 3), signed.adding(days: -(25 + i % 20)))
            } else {
                attracted = yearStart.adding(days: 10 + (i * 37) % 160)   // 招引 projects: 01-11 … 06-19
            }
            step(.conceived, .attracting, attracted, "四库流转 谋划 → 招引", PoolMove.Evidence(investor: investor))
            guard let signed else { continue }
            step(.attracting, .signed, signed, "签约 \(investor)，合同金额 \(p.total.formatted(in: .wan)) 万元",
                 PoolMove.Evidence(investor: investor, signedOn: signed, contractAmount: p.total))
            if stage == .landed {
                let landed = min(signed.adding(days: 30), DemoProgress.asOf)
                step(.signed, .landed, landed, "落地：\(p.name)项目公司，\(p.name)用地",
                     PoolMove.Evidence(registeredCompany: "\(p.name)项目公司", site: "\(p.name)用地",
                                       plannedStart: p.plannedStart))
            }
        }
        // The import wrote one step per project; these projects get their history instead.
        try await StageChangeModel.query(on: db).filter(\.$project.$id ~~ rewritten).delete()
        try await StageHistory.record(steps, on: db)
    }
}
