import BallastCore
import Foundation

/// Generates Erqi's 2023 ledger: plausible names, units, leaders and coordinates, with the
/// published totals reproduced exactly (see `DemoFigures`).
enum DemoDistrict {
    static let code = "erqi"
    static let name = "二七区"

    /// Rough extent of the district (GCJ-02-ish, as local maps give it): north is the old
    /// city around 二七塔, south the 侯寨 and 樱桃沟 hills.
    static let west = 113.540, east = 113.670, south = 34.580, north = 34.755
    /// The three axes run north–south along these longitudes.
    static let axisLongitudes = [113.620, 113.642, 113.655]

    static func records() -> [LedgerRecord] {
        var rng = DemoRandom(seed: 0x2023_0E27)
        var portfolio: [LedgerRecord] = []
        var serial = 0
        for (c, category) in DemoFigures.categories.enumerated() {
            for z in 0..<4 {
                let count = DemoFigures.counts[c][z]
                var amounts: [Int64]
                var landedFirst = 0
                if c == 0 && z == 3 {
                    // The 落地 pool: small industrial projects at the preliminary stage.
                    let landed = DemoFigures.pools[3]
                    landedFirst = landed.projects
                    amounts = rng.split(landed.totalWan, into: landed.projects)
                        + rng.split(DemoFigures.amounts[c][z] - landed.totalWan, into: count - landed.projects)
                } else {
                    amounts = rng.split(DemoFigures.amounts[c][z], into: count)
                }
                for (i, wan) in amounts.enumerated() {
                    serial += 1
                    let zone = z < 3 ? DemoFigures.axes[z] : DemoFigures.areas[rng.int(0...2)]
                    let nature: ProjectNature = i < landedFirst ? .preliminary : (rng.int(0...9) < 4 ? .newStart : .continuing)
                    portfolio.append(project(serial: serial, category: category.name, categoryIndex: c, zone: zone, zoneIndex: z,
                                             total: wan, nature: nature, rng: &rng))
                }
            }
        }
        assignLevelsAndPlans(&portfolio)
        assignProjectCodes(&portfolio)
        return portfolio + pipeline(rng: &rng)
    }

    /// 二七区's division code (GB/T 2260).
    static let divisionCode = "410103"

    /// The demo's own 项目代码 (invented, in the national shape): given the year before the
    /// planned start; a third of the 前期 projects not yet coded; and one 一码多项 pair — the
    /// code of EQ2023-0007 also on EQ2023-0212 — as the real data has them. A generator of its
    /// own, so the rest of the demo draws the same numbers as before.
    static func assignProjectCodes(_ projects: inout [LedgerRecord]) {
        var rng = DemoRandom(seed: 0x2023_C0DE)
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        for i in projects.indices {
            let r = projects[i]
            if r.nature == .preliminary && rng.int(0...2) == 0 { continue }
            let year = min(2023, (r.plannedStart?.year ?? 2023) - rng.int(0...1))
            let serial = (0..<5).map { _ in String(rng.int(0...9)) }.joined() + String(alphabet[rng.int(0...alphabet.count - 1)])
            projects[i].projectCode = "\(year)-\(divisionCode)-\(rng.pick(["47", "48", "50", "70"]))-\(rng.pick(["01", "02", "03"]))-\(serial)"
        }
        if let a = projects.firstIndex(where: { $0.code == "EQ2023-0007" }), let b = projects.firstIndex(where: { $0.code == "EQ2023-0212" }) {
            projects[b].projectCode = projects[a].projectCode
        }
    }

    static func project(serial: Int, category: String, categoryIndex: Int, zone: String, zoneIndex: Int,
                        total wan: Int64, nature: ProjectNature, rng: inout DemoRandom) -> LedgerRecord {
        let name = DemoNames.projectName(category: categoryIndex, serial: serial, rng: &rng)
        let (lng, lat) = coordinate(zoneIndex: zoneIndex, zone: zone, rng: &rng)
        let start: CalendarDate
        let stage: LifecycleStage
        switch nature {
        case .continuing:
            start = CalendarDate(year: rng.int(2020...2022), month: rng.int(1...12), day: rng.int(1...28))!
            stage = .underConstruction
        case .newStart:
            start = CalendarDate(year: 2023, month: rng.int(2...6), day: rng.int(1...28))!
            stage = .underConstruction
        case .preliminary:
            start = CalendarDate(year: 2023, month: rng.int(9...12), day: rng.int(1...28))!
            stage = .landed
        }
        let end = CalendarDate(year: start.year + rng.int(1...4), month: rng.int(1...12), day: rng.int(1...28))!
        let investor = DemoNames.investor(rng: &rng)
        let units = DemoFigures.units
        let unit = categoryIndex == 0 && rng.int(0...2) == 0 ? units[rng.int(12...13)].name : units[rng.int(0...units.count - 1)].name
        return LedgerRecord(
            row: 0, code: String(format: "EQ2023-%04d", serial), name: name, category: DemoFigures.categories[categoryIndex].name,
            level: "区重点", nature: nature, zone: zone, unit: unit,
            leader: rng.pick(DemoFigures.leaders), taskForce: DemoFigures.taskForces[min(categoryIndex, 4)],
            stage: stage, totalInvestment: .wan(wan), annualPlan: .zero, plannedStart: start, plannedEnd: end,
            investor: investor.name, creditCode: investor.code, longitude: lng, latitude: lat,
            content: DemoNames.content(category: categoryIndex, rng: &rng))
    }

    /// The largest projects are the provincial and municipal key projects; the annual plan is
    /// shared out by size and nature, then scaled so it sums to exactly 350亿.
    static func assignLevelsAndPlans(_ projects: inout [LedgerRecord]) {
        let bySize = projects.indices.sorted { projects[$0].totalInvestment > projects[$1].totalInvestment }
        for (rank, i) in bySize.enumerated() {
            projects[i].level = rank < DemoFigures.provincialKey ? "省重点"
                : rank < DemoFigures.provincialKey + DemoFigures.municipalKey ? "市重点" : "区重点"
        }
        let weights = projects.map { p -> Double in
            let share: Double = switch p.nature { case .continuing: 0.18; case .newStart: 0.14; default: 0.05 }
            return Double(p.totalInvestment.yuan / 10_000) * share
        }
        let sum = weights.reduce(0, +)
        var plans = weights.map { Int64(Double(DemoFigures.annualPlanWan) * $0 / sum) }
        plans[bySize[0]] += DemoFigures.annualPlanWan - plans.reduce(0, +)
        for i in projects.indices { projects[i].annualPlan = .wan(max(1, plans[i])) }
        // The max(1, …) above can only add; take it back from the largest project.
        let excess = projects.reduce(Int64(0)) { $0 + $1.annualPlan!.yuan } - Money.wan(DemoFigures.annualPlanWan).yuan
        projects[bySize[0]].annualPlan = Money(yuan: projects[bySize[0]].annualPlan!.yuan - excess)
    }

    /// 谋划, 招引 and 签约 projects: listed in the 2023 ledger without an annual plan.
    static func pipeline(rng: inout DemoRandom) -> [LedgerRecord] {
        var out: [LedgerRecord] = []
        for (p, pool) in DemoFigures.pools.prefix(3).enumerated() {
            let prefix = ["MH", "ZY", "QY"][p]
            for (i, wan) in rng.split(pool.totalWan, into: pool.projects).enumerated() {
                let investor = DemoNames.investor(rng: &rng)
                let (lng, lat) = coordinate(zoneIndex: 3, zone: DemoFigures.areas[1], rng: &rng)
                out.append(LedgerRecord(
                    row: 0, code: "EQ-\(prefix)-" + String(format: "%03d", i + 1),
                    name: DemoNames.projectName(category: 0, serial: 1000 + p * 100 + i, rng: &rng),
                    category: "产业转型发展", level: "区重点", zone: DemoFigures.areas[rng.int(0...2)],
                    unit: rng.pick(["区商务局", "区工业和信息化局", "二七新区管委会", "马寨经济技术开发区管委会"]),
                    leader: rng.pick(DemoFigures.leaders), taskForce: "招商引资专班",
                    stage: LifecycleStage(rawValue: pool.stage)!, totalInvestment: .wan(wan),
                    investor: p == 0 ? nil : investor.name, creditCode: p == 2 ? investor.code : nil,
                    longitude: p == 0 ? nil : lng, latitude: p == 0 ? nil : lat,
                    content: DemoNames.content(category: 0, rng: &rng)))
            }
        }
        return out
    }

    static func coordinate(zoneIndex: Int, zone: String, rng: inout DemoRandom) -> (Double, Double) {
        let lat = south + 0.01 + rng.unit() * (north - south - 0.02)
        if zoneIndex < 3 {
            return (Coordinate.parse(String(axisLongitudes[zoneIndex] + (rng.unit() - 0.5) * 0.006))!, Coordinate.parse(String(lat))!)
        }
        let band = DemoFigures.areas.firstIndex(of: zone) ?? 1
        let height = (north - south) / 3
        let areaLat = north - height * Double(band) - 0.005 - rng.unit() * (height - 0.01)
        let lng = west + 0.005 + rng.unit() * (east - west - 0.01)
        return (Coordinate.parse(String(lng))!, Coordinate.parse(String(areaLat))!)
    }
}
