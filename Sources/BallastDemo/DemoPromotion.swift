import BallastCore
import BallastStore
import Fluent
import Foundation

/// Erqi's investment promotion in H1 2023: 530 leads collected, 220 enterprises contacted,
/// 13 projects signed (the 签约库's nine and four of the 落地库's, each lead linked to its
/// project and enterprise), 35 projects negotiated, 7 leader-led trips and 20 small-team trips.
enum DemoPromotion {
    static let leads = 530
    static let signed = 13
    static let negotiated = 35
    static let inspected = 45
    static let abandoned = 50
    static let enterprisesContacted = 220
    static let otherEnterprises = 290
    static let leaderTrips = 7, teamTrips = 20

    static let cities = ["深圳", "上海", "北京", "杭州", "苏州", "广州", "武汉", "成都", "西安", "南京"]
    static let brands = ["华锐", "中科", "鼎盛", "恒通", "新锐", "博远", "智联", "天成", "瑞康", "国泰", "万向", "启明", "宏图", "卓越", "金桥",
                         "海川", "东方", "长风", "正泰", "云帆", "银河", "明德", "信达", "合力", "星辰", "安泰", "盛达", "润泽", "嘉禾", "华夏"]
    static let kinds = ["智能装备有限公司", "新能源科技有限公司", "生物医药股份有限公司", "供应链管理有限公司", "电子信息技术有限公司",
                        "新材料有限公司", "数字科技有限公司", "文化旅游发展有限公司"]
    static let chains = ["智能制造", "新能源汽车", "生物医药", "电子信息", "现代物流", "新材料", "数字经济", "文化旅游"]
    static let units = ["区商务局", "区工业和信息化局", "二七新区管委会", "马寨经济技术开发区管委会"]
    static let people = ["张伟", "王芳", "李强", "刘洋", "陈静", "杨帆", "赵磊", "黄敏"]

    /// The i-th enterprise from outside the district: a unique name and a valid credit code.
    static func enterprise(_ i: Int) -> (name: String, code: String) {
        let name = cities[i % 10] + brands[(i / 10) % 30] + kinds[(i / 300 + i) % 8]
        var hash: UInt64 = 0x811c_9dc5 &+ UInt64(i) &* 0x9E37_79B9
        var body = "91" + ["440300", "310000", "110000", "330100", "320500", "440100", "420100", "510100", "610100", "320100"][i % 10]
        for _ in 0..<9 { body.append(CreditCode.alphabet[Int(hash % 10)]); hash = hash / 10 &+ 0x2545_F491 }
        return (name, body + String(CreditCode.checkCharacter(for: body)!))
    }

    static func day(_ n: Int) -> CalendarDate { CalendarDate(year: 2023, month: 1, day: 1)!.adding(days: n) }

    static func load(_ ledger: [LedgerRecord], districtID: UUID, on db: any Database) async throws {
        let projects = try await ProjectModel.query(on: db).filter(\.$district.$id == districtID).all()
        let signedProjects = projects.filter { $0.lifecycleStage == .signed }.sorted { $0.code < $1.code }
            + projects.filter { $0.lifecycleStage == .landed }.sorted { $0.code < $1.code }.prefix(4)
        precondition(signedProjects.count == signed, "the demo ledger no longer has 13 projects to sign")
        // The signed projects' investors were contacted; so were enough others to make 220
        // (two projects may share an investor).
        let contactedOthers = enterprisesContacted - Set(signedProjects.compactMap(\.enterpriseID)).count
        let chainNames = Dictionary(try await ReferenceEntryModel.query(on: db).filter(\.$district.$id == districtID)
            .filter(\.$kind == ReferenceKind.chain.rawValue).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
        let unitIDs = Dictionary(try await ReferenceEntryModel.query(on: db).filter(\.$district.$id == districtID)
            .filter(\.$kind == ReferenceKind.unit.rawValue).all().map { ($0.name, $0.id!) }, uniquingKeysWith: { a, _ in a })

        var others: [EnterpriseModel] = []
        for i in 0..<otherEnterprises {
            let (name, code) = enterprise(i)
            let e = EnterpriseModel()
            e.id = UUID(); e.districtID = districtID; e.name = name; e.nameKey = EnterpriseName.key(name); e.creditCode = code
            e.industry = chains[i % 8]; e.aboveScale = i % 3 == 0; e.version = 1
            others.append(e)
        }
        try await others.create(on: db)

        var trips: [TripModel] = []
        for t in 0..<(leaderTrips + teamTrips) {
            let trip = TripModel()
            let start = day(8 + t * 6)
            trip.id = UUID(); trip.districtID = districtID; trip.kind = (t % 4 == 0 && t / 4 < leaderTrips ? TripKind.leader : .team).rawValue
            trip.startedOn = start; trip.endedOn = start.adding(days: 2); trip.version = 1
            trip.ledBy = trip.kind == TripKind.leader.rawValue ? DemoFigures.leaders[t % DemoFigures.leaders.count] : "招商小分队（\(people[t % 8])）"
            trip.destinations = [cities[t % 10], cities[(t + 3) % 10]].joined(separator: "、")
            trips.append(trip)
        }
        // Seven of the first 28 slots are leader-led (every fourth); the rest small teams.
        precondition(trips.filter { $0.kind == TripKind.leader.rawValue }.count == leaderTrips)
        try await trips.create(on: db)
        var visits: [TripVisitModel] = []
        for (t, trip) in trips.enumerated() {
            for k in 0..<4 { visits.append(TripVisitModel(tripID: trip.id!, enterpriseID: others[(t * 7 + k * 3) % contactedOthers].id!)) }
        }
        try await visits.create(on: db)

        var leadModels: [LeadModel] = [], steps: [LeadStepModel] = [], contacts: [LeadContactModel] = []
        for i in 0..<leads {
            let l = LeadModel()
            l.id = UUID(); l.districtID = districtID; l.version = 1
            let collected = day(i < signed ? i * 3 : (i * 173) % (i < negotiated + inspected ? 120 : 170))
            l.collectedOn = collected
            let source = LeadSource.allCases[i % LeadSource.allCases.count]
            l.source = source.rawValue
            if source == .trip { l.tripID = trips[(i / 6) % trips.count].id }
            l.chain = chains[i % 8]
            if i < signed {
                let p = signedProjects[i]
                l.title = p.name; l.enterpriseID = p.enterpriseID!; l.unitID = p.$unit.id
                l.chain = p.$chain.id.flatMap { chainNames[$0] } ?? l.chain
                l.intendedInvestment = p.totalInvestment; l.contractAmount = p.totalInvestment; l.projectID = p.id
            } else {
                let e = others[(i - signed) % otherEnterprises]
                l.title = "\(e.name.dropFirst(2).prefix(4))\(chains[i % 8])项目"
                l.enterpriseID = e.id!; l.unitID = unitIDs[units[i % 4]]!
                l.intendedInvestment = Money.wan(Int64(2_000 + (i * 7919) % 98_000)).yuan
            }
            // How far the lead went, a week or two per step, all before 30 June.
            let path: [LeadStatus]
            switch i {
            case ..<signed: path = [.contacted, .inspected, .negotiating, .signed]
            case ..<negotiated: path = [.contacted, .inspected, .negotiating]
            case ..<(negotiated + inspected): path = [.contacted, .inspected]
            case ..<(signed + contactedOthers): path = [.contacted]
            case (leads - abandoned)...: path = [.abandoned]
            default: path = []
            }
            follow(l, path, from: collected, by: DemoProgress.asOf, index: i, steps: &steps, contacts: &contacts)
            leadModels.append(l)
        }
        try await leadModels.create(on: db)
        try await steps.create(on: db)
        try await contacts.create(on: db)
    }

    /// The year's industry chains, and one for each project in the four pools (in code order),
    /// so the pipeline breaks down by chain.
    static func assignChains(districtID: UUID, on db: any Database) async throws {
        let entries = chains.enumerated().map { ReferenceEntryModel(districtID: districtID, kind: .chain, year: DemoFigures.year, name: $0.element, sort: $0.offset + 1) }
        try await entries.create(on: db)
        let projects = try await ProjectModel.query(on: db).filter(\.$district.$id == districtID)
            .filter(\.$stage ~~ LifecycleStage.pools.map(\.rawValue)).sort(\.$code).all()
        for (i, p) in projects.enumerated() {
            p.$chain.id = entries[(i * 5) % chains.count].id
            try await p.update(on: db)
        }
    }

    /// Takes the lead along `path` from the day collected, a week or two per step, every step by
    /// `last`; a contact is logged when it is contacted. Sets the lead's status, and its signing
    /// day or reason for giving up.
    static func follow(_ l: LeadModel, _ path: [LeadStatus], from collected: CalendarDate, by last: CalendarDate, index i: Int,
                       steps: inout [LeadStepModel], contacts: inout [LeadContactModel]) {
        var from: LeadStatus = .collected
        var on = collected
        steps.append(step(l, from: nil, to: .collected, on: collected))
        for (k, to) in path.enumerated() {
            on = max(collected, min(on.adding(days: 7 + (i + k) % 8), last.adding(days: -(path.count - k))))
            steps.append(step(l, from: from, to: to, on: on))
            if to == .contacted {
                let c = LeadContactModel()
                c.id = UUID(); c.leadID = l.id!; c.contactedOn = on; c.who = people[i % 8]; c.recordedBy = "demo"
                c.what = "电话对接\(l.chain ?? "")项目投资意向，约定实地考察"
                contacts.append(c)
            }
            if to == .signed { l.signedOn = on }
            if to == .abandoned { l.abandonReason = "企业投资计划调整" }
            from = to
        }
        l.status = from.rawValue
    }

    static func step(_ l: LeadModel, from: LeadStatus?, to: LeadStatus, on: CalendarDate) -> LeadStepModel {
        let s = LeadStepModel()
        s.id = UUID(); s.leadID = l.id!; s.fromStatus = from?.rawValue; s.toStatus = to.rawValue; s.effectiveOn = on; s.actor = "demo"
        return s
    }
}
