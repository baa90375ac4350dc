import BallastCore
import BallastStore
import Fluent
import Foundation

/// Erqi's investment promotion in the second half of 2023, for the year-end demo, on top of the
/// unchanged first half, to the year's figures the district published (seeds, 2024 work report):
/// 1000余条 leads (here 1 010), 400多家 enterprises contacted, 14 leader-led and 40 small-team
/// trips, 73 projects negotiated, 46 projects signed for 258亿. The 33 signings of the half are
/// made through `LeadEditor`, each moving its 招引 project into 签约库 (`DemoPipelineYearEnd`);
/// the other leads, trips and contacts are written as the first half's are.
enum DemoPromotionSecondHalf {
    static let start = CalendarDate(year: 2023, month: 7, day: 1)!
    /// 签约额258亿元 for the year, in 万元.
    static let yearSignedWan: Int64 = 2_580_000
    /// Leads besides the 33 signed: 530 + 33 + 447 = 1 010.
    static let leads = 447
    static let negotiating = 5
    static let inspected = 40
    static let contacted = 200
    static let abandoned = 30
    static let newEnterprises = 190
    static let leaderTrips = 7, teamTrips = 20

    /// The signings' contract amounts: the year's 258亿 less the first half's, shared out in
    /// proportion to the projects' investment, in whole 万元, none above its project's.
    static func contractAmounts(_ signers: [ProjectModel], districtID: UUID, on db: any Database) async throws -> [UUID: Money] {
        let firstHalf = try await LeadModel.query(on: db).filter(\.$districtID == districtID)
            .filter(\.$status == LeadStatus.signed.rawValue).all().reduce(Int64(0)) { $0 + ($1.contractAmount ?? 0) }
        let totalWan = yearSignedWan - firstHalf / 10_000
        let sorted = signers.sorted { $0.code < $1.code }
        let investmentWan = sorted.reduce(Int64(0)) { $0 + $1.totalInvestment / 10_000 }
        precondition(investmentWan >= totalWan, "the demo's signings cannot reach 258亿 within their projects' investment")
        var wan = sorted.map { $0.totalInvestment / 10_000 * totalWan / investmentWan }
        var left = totalWan - wan.reduce(0, +)
        for i in sorted.indices where left > 0 {
            let room = min(left, sorted[i].totalInvestment / 10_000 - wan[i])
            wan[i] += room
            left -= room
        }
        return Dictionary(uniqueKeysWithValues: zip(sorted.map { $0.id! }, wan.map { Money.wan($0) }))
    }

    /// One signing: the lead registered for the project's investor a month before (not before
    /// July), contacted, inspected and negotiated, then signed, which moves the project.
    static func sign(_ p: ProjectModel, on day: CalendarDate, amount: Money, context: ProjectItemContext, rng: inout DemoRandom,
                     on db: any Database) async throws {
        let editor = LeadEditor(context: context, office: true)
        let unit = try await ReferenceEntryModel.find(p.$unit.id, on: db)?.name ?? DemoPromotion.units[0]
        var chain: String?
        if let id = p.$chain.id { chain = try await ReferenceEntryModel.find(id, on: db)?.name }
        let collected = max(start, day.adding(days: -30))
        let span = collected.days(until: day)
        var lead = try await editor.create(LeadRecord(
            title: p.name, enterprise: p.investor ?? "投资方", creditCode: p.creditCode, source: rng.pick(LeadSource.allCases),
            chain: chain, intendedInvestment: p.total, unit: unit, collectedOn: collected), on: db)
        let contactedOn = collected.adding(days: span / 6)
        _ = try await editor.addContact(leadID: lead.id!, on: contactedOn, who: rng.pick(DemoPromotion.people),
                                        what: "对接\(chain ?? "")项目投资意向，约定实地考察", on: db)
        for (status, on) in [(LeadStatus.contacted, contactedOn), (.inspected, collected.adding(days: span / 3)),
                             (.negotiating, collected.adding(days: span * 2 / 3))] {
            lead = try await editor.move(id: lead.id!, version: lead.version, to: status, on: on, reason: nil, signing: nil,
                                         projectID: nil, category: nil, on: db)
        }
        _ = try await editor.move(id: lead.id!, version: lead.version, to: .signed, on: day, reason: nil,
                                  signing: LeadMove.Signing(signedOn: day, contractAmount: amount), projectID: p.id, category: nil, on: db)
    }

    /// The half's other leads, trips and contacts, dated from July on.
    static func load(districtID: UUID, on db: any Database) async throws {
        let unitIDs = Dictionary(try await ReferenceEntryModel.query(on: db).filter(\.$district.$id == districtID)
            .filter(\.$kind == ReferenceKind.unit.rawValue).all().map { ($0.name, $0.id!) }, uniquingKeysWith: { a, _ in a })
        var enterprises: [EnterpriseModel] = []
        for i in 0..<newEnterprises {
            let (name, code) = DemoPromotion.enterprise(DemoPromotion.otherEnterprises + i)
            let e = EnterpriseModel()
            e.id = UUID(); e.districtID = districtID; e.name = name; e.nameKey = EnterpriseName.key(name); e.creditCode = code
            e.industry = DemoPromotion.chains[i % 8]; e.aboveScale = i % 3 == 0; e.version = 1
            enterprises.append(e)
        }
        try await enterprises.create(on: db)

        var trips: [TripModel] = []
        for t in 0..<(leaderTrips + teamTrips) {
            let trip = TripModel()
            let on = start.adding(days: 2 + t * 6)
            let leader = t % 4 == 0 && t / 4 < leaderTrips
            trip.id = UUID(); trip.districtID = districtID; trip.kind = (leader ? TripKind.leader : .team).rawValue
            trip.startedOn = on; trip.endedOn = on.adding(days: 2); trip.version = 1
            trip.ledBy = leader ? DemoFigures.leaders[(t + 3) % DemoFigures.leaders.count] : "招商小分队（\(DemoPromotion.people[t % 8])）"
            trip.destinations = [DemoPromotion.cities[(t + 5) % 10], DemoPromotion.cities[(t + 8) % 10]].joined(separator: "、")
            trips.append(trip)
        }
        try await trips.create(on: db)
        try await trips.enumerated().flatMap { t, trip in
            (0..<3).map { k in TripVisitModel(tripID: trip.id!, enterpriseID: enterprises[(t * 7 + k * 3) % newEnterprises].id!) }
        }.create(on: db)

        let last = DemoSnapshot.yearEnd.day
        var leadModels: [LeadModel] = [], steps: [LeadStepModel] = [], contacts: [LeadContactModel] = []
        for i in 0..<leads {
            let e = enterprises[i % newEnterprises]
            let chain = DemoPromotion.chains[i % 8]
            let l = LeadModel()
            l.id = UUID(); l.districtID = districtID; l.version = 1
            let collected = start.adding(days: (i * 173) % 170)
            l.collectedOn = collected
            let source = LeadSource.allCases[i % LeadSource.allCases.count]
            l.source = source.rawValue
            if source == .trip { l.tripID = trips[(i / 6) % trips.count].id }
            l.chain = chain
            l.title = "\(e.name.dropFirst(2).prefix(4))\(chain)项目"
            l.enterpriseID = e.id!; l.unitID = unitIDs[DemoPromotion.units[i % 4]]!
            l.intendedInvestment = Money.wan(Int64(3_000 + (i * 7919) % 97_000)).yuan
            let path: [LeadStatus]
            switch i {
            case ..<negotiating: path = [.contacted, .inspected, .negotiating]
            case ..<inspected: path = [.contacted, .inspected]
            case ..<contacted: path = [.contacted]
            case (leads - abandoned)...: path = [.abandoned]
            default: path = []
            }
            DemoPromotion.follow(l, path, from: collected, by: last, index: i, steps: &steps, contacts: &contacts)
            leadModels.append(l)
        }
        try await leadModels.create(on: db)
        try await steps.create(on: db)
        try await contacts.create(on: db)
    }
}
