import BallastCore
import BallastStore
import Fluent
import Foundation

/// Erqi's 四库 in the second half of 2023, for the year-end demo: from the mid-year pools
/// (122 projects, 618.2亿) to the year-end 185 projects / 1026亿 the district published
/// ("经动态转化后，重大产业项目入库185个、总投资1026亿元"). The split between the pools was not
/// published; the demo's is 谋划 88, 招引 41, 签约 28, 落地 28. New 谋划 projects enter in
/// monthly batches through the ledger writer; every move and exit goes through `PipelineMover`
/// with its evidence, and each of the 33 signings through a 招商线索 signed with `LeadEditor`
/// (`DemoPromotionSecondHalf`), as an official would make them, so the history, the audit and
/// the enterprise links are the system's own.
enum DemoPipelineYearEnd {
    static let yearEndWan: Int64 = 10_260_000
    /// New 谋划 projects per monthly batch, July–December: 71 in all.
    static let batches: [(day: CalendarDate, projects: Int)] = [
        (CalendarDate(year: 2023, month: 7, day: 10)!, 12), (CalendarDate(year: 2023, month: 8, day: 10)!, 12),
        (CalendarDate(year: 2023, month: 9, day: 11)!, 12), (CalendarDate(year: 2023, month: 10, day: 10)!, 12),
        (CalendarDate(year: 2023, month: 11, day: 10)!, 12), (CalendarDate(year: 2023, month: 12, day: 11)!, 11),
    ]

    /// One project's way through the second half: the pools it reaches, or its exit.
    struct Path {
        var projectID: UUID
        var from: CalendarDate
        var to: [LifecycleStage]
        var exitReason: String? = nil
    }

    static func load(districtID: UUID, on db: any Database) async throws {
        var rng = DemoRandom(seed: 0x2023_1233)
        let inPools = try await ProjectModel.query(on: db).filter(\.$district.$id == districtID)
            .filter(\.$stage ~~ LifecycleStage.pools.map(\.rawValue)).sort(\.$code).all()
        func pool(_ s: LifecycleStage) -> [ProjectModel] { inPools.filter { $0.lifecycleStage == s } }
        let midYear = DemoProgress.asOf.adding(days: 1)
        var paths: [Path] = []

        // 谋划: five exit; thirty of the rest find an investor. The ten largest of those sign
        // (three of them land); the other twenty are every other project in code order.
        let conceived = pool(.conceived)
        let conceivedExits = conceived.indices.filter { $0 % 13 == 5 }
        let conceivedLeft = conceived.indices.filter { !conceivedExits.contains($0) }
        for (n, i) in conceivedExits.enumerated() {
            paths.append(Path(projectID: conceived[i].id!, from: midYear, to: [.exited],
                              exitReason: PoolMove.defaultExitReasons[n % 3]))
        }
        let conceivedSigners = largest(conceivedLeft.map { conceived[$0] }, 10)
        for (k, p) in conceivedSigners.enumerated() {
            paths.append(Path(projectID: p.id!, from: midYear, to: [.attracting, .signed] + (k < 3 ? [.landed] : [])))
        }
        let signerIDs = Set(conceivedSigners.map { $0.id! })
        for (k, i) in conceivedLeft.filter({ !signerIDs.contains(conceived[$0].id!) }).enumerated() where k % 2 == 0 && k < 40 {
            paths.append(Path(projectID: conceived[i].id!, from: midYear, to: [.attracting]))
        }
        // 招引: three exit; the twenty-one largest of the rest sign, seven of those land.
        let attracting = pool(.attracting)
        let attractingExits = attracting.indices.filter { $0 % 12 == 7 }
        for (n, i) in attractingExits.enumerated() {
            paths.append(Path(projectID: attracting[i].id!, from: midYear, to: [.exited],
                              exitReason: PoolMove.defaultExitReasons[(n + 1) % 4]))
        }
        let attractingLeft = attracting.indices.filter { !attractingExits.contains($0) }.map { attracting[$0] }
        for (k, p) in largest(attractingLeft, 21).enumerated() {
            paths.append(Path(projectID: p.id!, from: midYear, to: k < 7 ? [.signed, .landed] : [.signed]))
        }
        // 签约: four land, a month or more after their signing.
        for p in pool(.signed).prefix(4) {
            paths.append(Path(projectID: p.id!, from: midYear.adding(days: 20), to: [.landed]))
        }

        // New 谋划 projects, batch by batch; twelve of the first three batches find an investor, two sign.
        let exitedWan = (conceivedExits.map { conceived[$0] } + attractingExits.map { attracting[$0] })
            .reduce(Int64(0)) { $0 + $1.totalInvestment / 10_000 }
        let midYearWan = inPools.reduce(Int64(0)) { $0 + $1.totalInvestment / 10_000 }
        let amounts = rng.split(yearEndWan - (midYearWan - exitedWan), into: batches.reduce(0) { $0 + $1.projects })
        let chains = try await ReferenceEntryModel.query(on: db).filter(\.$district.$id == districtID)
            .filter(\.$kind == ReferenceKind.chain.rawValue).sort(\.$sort).all().map { $0.id! }
        var serial = conceived.count
        var created = 0
        for batch in batches {
            let records = (0..<batch.projects).map { _ -> LedgerRecord in
                serial += 1
                defer { created += 1 }
                return LedgerRecord(
                    row: created + 2, code: "EQ-MH-" + String(format: "%03d", serial),
                    name: DemoNames.projectName(category: 0, serial: 2000 + serial, rng: &rng),
                    category: DemoFigures.categories[0].name, level: "区重点", zone: DemoFigures.areas[rng.int(0...2)],
                    unit: rng.pick(DemoPromotion.units), leader: rng.pick(DemoFigures.leaders), taskForce: "招商引资专班",
                    stage: .conceived, totalInvestment: .wan(amounts[created]), content: DemoNames.content(category: 0, rng: &rng))
            }
            let writer = LedgerWriter(districtID: districtID, year: DemoFigures.year, actor: ChangeActor(name: "demo", role: "system"),
                                      today: batch.day, milestoneTemplate: nil)
            let report = try await writer.apply(records, on: db)
            guard report.applied else { throw DemoLoader.DemoError.invalid(report.issues.prefix(3).map(\.message.zh).joined(separator: "; ")) }
            // Each new project is given an industry chain, as the mid-year pools were.
            let added = try await ProjectModel.query(on: db).filter(\.$district.$id == districtID)
                .filter(\.$code ~~ records.map(\.code)).sort(\.$code).all()
            for (k, p) in added.enumerated() {
                p.$chain.id = chains[(created - added.count + k) % chains.count]
                try await p.update(on: db)
            }
            guard batch.day.month <= 9 else { continue }
            for (k, id) in added.map({ $0.id! }).enumerated() where k % 3 == 0 {
                let signs = batch.day.month == 7 && k < 6
                paths.append(Path(projectID: id, from: batch.day.adding(days: 5), to: signs ? [.attracting, .signed] : [.attracting]))
            }
        }
        try await move(paths, districtID: districtID, rng: &rng, on: db)
    }

    /// The `n` largest by investment, in code order.
    static func largest(_ projects: [ProjectModel], _ n: Int) -> [ProjectModel] {
        Array(projects.sorted { ($0.totalInvestment, $1.code) > ($1.totalInvestment, $0.code) }.prefix(n)).sorted { $0.code < $1.code }
    }

    /// Every step, in the order of its day, through the mover an official's request uses; a
    /// signing through its 招商线索, for the contract amounts `DemoPromotionSecondHalf` shares out.
    static func move(_ paths: [Path], districtID: UUID, rng: inout DemoRandom, on db: any Database) async throws {
        let last = DemoSnapshot.yearEnd.day.adding(days: -3)
        var steps: [(day: CalendarDate, order: Int, path: Path, to: LifecycleStage)] = []
        for path in paths {
            var day = path.from
            for to in path.to {
                day = min(day.adding(days: rng.int(18...45)), last)
                steps.append((day, steps.count, path, to))
            }
        }
        // By day; a project's own steps keep their order when two fall on one day.
        steps.sort { ($0.day, $0.order) < ($1.day, $1.order) }
        let context = ProjectItemContext(districtID: districtID, actor: ChangeActor(name: "demo", role: "system"),
                                         today: DemoSnapshot.yearEnd.day, scopeUnitID: nil, recolours: false)
        let mover = PipelineMover(context: context, office: true)
        let signers = try await ProjectModel.query(on: db).filter(\.$id ~~ steps.filter { $0.to == .signed }.map(\.path.projectID)).all()
        let contracts = try await DemoPromotionSecondHalf.contractAmounts(signers, districtID: districtID, on: db)
        var investors: [UUID: String] = [:]
        for s in steps {
            guard let p = try await ProjectModel.find(s.path.projectID, on: db) else { continue }
            let investor = investors[p.id!] ?? p.investor ?? DemoNames.investor(rng: &rng).name
            investors[p.id!] = investor
            let evidence: PoolMove.Evidence
            switch s.to {
            case .signed:
                try await DemoPromotionSecondHalf.sign(p, on: s.day, amount: contracts[p.id!]!, context: context, rng: &rng, on: db)
                continue
            case .attracting: evidence = PoolMove.Evidence(investor: investor)
            case .landed:
                evidence = PoolMove.Evidence(registeredCompany: "\(p.name)项目公司", site: "\(p.name)用地",
                                             plannedStart: s.day.adding(days: rng.int(60...150)))
            default: evidence = PoolMove.Evidence(exitReason: s.path.exitReason)
            }
            try await mover.move(projectID: p.id!, version: p.version, to: s.to, on: s.day, evidence: evidence, on: db)
        }
    }
}
