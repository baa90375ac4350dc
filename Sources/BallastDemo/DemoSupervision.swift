import BallastCore
import BallastStore
import Fluent
import Foundation

/// Erqi's supervision loop in the demo. 2022's "一办一事" campaign: 45 problems on 45 major
/// projects of 26 units, 36 solved by the year's end — every one taken to the fortnightly
/// 区政府周例会, whose decisions were all carried out — and 9 raised late in the year carried
/// into 2023. 2023's first half: 24 more problems, fortnightly meetings with their decisions,
/// some still open and a few overdue on the demo's day.
enum DemoSupervision {
    static let office = "office"
    static let calendar = WorkCalendar.weekdaysOnly
    static let solved2022 = 36, projects2022 = 45, units2022 = 26, raised2023 = 24

    static let titles: [(category: String, titles: [String])] = [
        ("土地", ["项目用地指标未落实", "土地征收补偿未完成", "用地组卷待省厅批复"]),
        ("资金", ["项目资本金未足额到位", "专项债资金拨付滞后", "配套资金存在缺口"]),
        ("规划", ["规划条件需调整", "控规调整待市局审批"]),
        ("征迁", ["地上附着物征迁未完成", "剩余住户未签约"]),
        ("手续审批", ["施工许可办理滞后", "环评批复未取得", "消防设计审查未通过"]),
        ("水电气暖", ["施工临电未接入", "燃气管网未接通", "供水管线迁改滞后"]),
        ("其他", ["周边道路未打通", "施工扰民投诉待协调"]),
    ]

    static func d(_ y: Int, _ m: Int, _ day: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: day)! }
    static func work(_ day: CalendarDate, _ n: Int) -> CalendarDate { calendar.adding(workingDays: n, to: day) }
    /// The day itself if worked, else the next working day.
    static func workday(_ day: CalendarDate) -> CalendarDate { calendar.isWorkingDay(day) ? day : work(day, 1) }

    /// Fortnightly Wednesdays from `first` through `last`.
    static func wednesdays(from first: CalendarDate, through last: CalendarDate) -> [CalendarDate] {
        stride(from: 0, through: first.days(until: last), by: 14).map { first.adding(days: $0) }
    }

    /// 45 continuing projects of 26 units: one from each of the 26 units with the most, then
    /// more from those units in turn.
    static func projects2022(_ portfolio: [LedgerRecord]) -> [LedgerRecord] {
        let continuing = portfolio.filter { $0.nature == .continuing }.sorted { $0.code < $1.code }
        let byUnit = Dictionary(grouping: continuing, by: \.unit).sorted { a, b in a.value.count != b.value.count ? a.value.count > b.value.count : a.key < b.key }
        let units = Array(byUnit.prefix(units2022))
        precondition(units.count == units2022, "the demo ledger no longer has 26 units with continuing projects")
        var picked: [LedgerRecord] = []
        var round = 0
        while picked.count < projects2022 {
            for (_, list) in units where picked.count < projects2022 && round < list.count { picked.append(list[round]) }
            round += 1
        }
        return picked
    }

    struct Plan {
        var seed: ProblemSeed
        var unitID: UUID
        var project: LedgerRecord
    }

    static func load(_ portfolio: [LedgerRecord], districtID: UUID, ids: [String: UUID], on db: any Database) async throws {
        let units = Dictionary(try await ReferenceEntryModel.query(on: db).filter(\.$district.$id == districtID)
            .filter(\.$kind == ReferenceKind.unit.rawValue).all().map { ($0.name, $0.id!) }, uniquingKeysWith: { a, _ in a })
        var rng = DemoRandom(seed: 2022)
        func plan(_ p: LedgerRecord, _ i: Int, raisedOn: CalendarDate, by raiser: String = office) -> Plan {
            let group = titles[i % titles.count]
            let title = group.titles[(i / titles.count) % group.titles.count]
            var seed = ProblemSeed(projectID: ids[p.code], category: group.category, title: title,
                                   description: "\(p.name)：\(title)，影响项目建设进度，需协调解决。", raisedBy: raiser, raisedOn: raisedOn)
            seed.major = i % 5 == 0
            seed.leadUnitID = units[p.unit]
            seed.leader = p.leader ?? DemoFigures.leaders[i % DemoFigures.leaders.count]
            seed.path = "由\(p.unit)牵头，会同相关部门现场办公，明确时间节点"
            return Plan(seed: seed, unitID: units[p.unit]!, project: p)
        }
        /// Assigned on the day raised with the clock's deadline, acknowledged the next working day.
        func assign(_ plan: inout Plan, ackAfter: Int = 1) {
            let on = plan.seed.raisedOn
            plan.seed.steps.append(.init(.assign, on: on, by: office, deadline: work(on, plan.seed.major ? 30 : 7)))
            plan.seed.steps.append(.init(.acknowledge, on: work(on, ackAfter), by: plan.project.unit))
        }
        func resolve(_ plan: inout Plan, on day: CalendarDate, close: Bool = true) {
            plan.seed.steps.append(.init(.resolve, on: day, by: plan.project.unit, note: "已协调解决，项目正常推进"))
            if close { plan.seed.steps.append(.init(.close, on: work(day, 2), by: plan.seed.raisedBy)) }
        }

        // MARK: 2022
        let chosen = projects2022(portfolio)
        var plans: [Plan] = []
        for (i, p) in chosen.enumerated() {
            let raised = i < solved2022 ? workday(d(2022, 2, 14).adding(days: i * 6)) : workday(d(2022, 11, 14).adding(days: (i - solved2022) * 4))
            var pl = plan(p, i, raisedOn: raised)
            assign(&pl)
            pl.seed.steps.append(.init(.feedback, on: work(raised, 3), by: p.unit, note: "已对接相关部门，正在办理"))
            plans.append(pl)
        }
        var meetings: [(model: MeetingModel, agenda: [Int])] = []
        var decisions: [(seed: ProblemSeed, addresses: UUID)] = []
        func meeting(_ day: CalendarDate, _ n: Int) -> MeetingModel {
            let m = MeetingModel()
            m.id = UUID(); m.districtID = districtID; m.kind = MeetingKind.weekly.rawValue; m.title = "区政府第\(n)次重点项目推进周例会（\(day.year)）"
            m.heldOn = day; m.cutoffOn = day.adding(days: -1); m.chairedBy = DemoFigures.leaders[0]; m.version = 1
            return m
        }
        /// The meeting decides: the problem's deadline moves to the decision's, the unit carries it out.
        func decide(_ m: MeetingModel, _ index: Int, resolvedOn: CalendarDate?, lateBy: Int = 0) {
            let day = m.heldOn
            let due = work(day, 10)
            var pl = plans[index]
            pl.seed.steps.append(.init(.deadline, on: day, by: office, note: "按区政府周例会议定调整", deadline: due))
            if let r = resolvedOn { resolve(&pl, on: r) }
            plans[index] = pl
            var decision = ProblemSeed(projectID: nil, category: "其他", title: "\(pl.project.name)\(pl.seed.title)：由\(pl.project.unit)牵头，\(due.iso)前解决",
                                       description: "会议议定：\(pl.seed.path ?? "")", raisedBy: office, raisedOn: day)
            decision.kind = .decision; decision.meetingID = m.id; decision.leadUnitID = pl.unitID; decision.leader = pl.seed.leader
            decision.steps = [.init(.assign, on: day, by: office, deadline: due), .init(.acknowledge, on: work(day, 1), by: "unit-\(pl.project.unit)")]
            if let r = resolvedOn {
                decision.steps.append(.init(.resolve, on: r, by: "unit-\(pl.project.unit)", note: "已按会议要求落实"))
                decision.steps.append(.init(.close, on: work(r, 2), by: office))
            }
            decisions.append((decision, pl.seed.id))
        }
        var n = 0
        for day in wednesdays(from: d(2022, 2, 23), through: d(2022, 12, 28)) {
            n += 1
            let m = meeting(day, n)
            let cutoff = day.adding(days: -1)
            // The office takes each of the year's problems to the first meeting after it is raised.
            let agenda = (0..<solved2022).filter { i in
                plans[i].seed.raisedOn <= cutoff && !meetings.contains { $0.agenda.contains(i) }
            }
            for i in agenda {
                // Two of the 36 finish a few days after the meeting's deadline.
                let late = i == 7 || i == 23
                decide(m, i, resolvedOn: work(day, late ? 13 : 3 + rng.int(0...5)))
            }
            meetings.append((m, agenda))
        }

        // MARK: 2023
        let portfolio2023 = portfolio.filter { $0.annualPlan != nil }.sorted { $0.code < $1.code }
        for i in 0..<raised2023 {
            let p = portfolio2023[(i * 11 + 3) % portfolio2023.count]
            var pl = plan(p, i + 3, raisedOn: workday(d(2023, 1, 9).adding(days: i * 7)))
            assign(&pl)
            plans.append(pl)
        }
        // One a unit raised on the demo's last day, waiting for the office to assign it.
        if let own = portfolio2023.first(where: { $0.unit == DemoUsers.unit }) {
            var pl = plan(own, 5, raisedOn: d(2023, 6, 29), by: "unit")
            pl.seed.raisedByUnitID = units[DemoUsers.unit]
            plans.append(pl)
        }
        n = 0
        let carried = solved2022..<projects2022
        for day in wednesdays(from: d(2023, 1, 4), through: d(2023, 6, 28)) {
            n += 1
            let m = meeting(day, n)
            let cutoff = day.adding(days: -1)
            let agenda = (solved2022..<plans.count).filter { i in
                plans[i].seed.raisedOn <= cutoff && plans[i].seed.leadUnitID != nil && plans[i].seed.steps.first?.action == .assign
                    && (carried.contains(i) || i % 2 == 0) && !meetings.contains { $0.agenda.contains(i) }
            }
            for i in agenda {
                // Of the carried nine, five are solved by spring; of 2023's, those decided before May.
                let solved = carried.contains(i) ? i < solved2022 + 5 : day < d(2023, 5, 1)
                decide(m, i, resolvedOn: solved ? work(day, 4 + rng.int(0...4)) : nil)
            }
            meetings.append((m, agenda))
        }
        // The next meeting is called; its agenda is for the office to build from the suggestions.
        meetings.append((meeting(d(2023, 7, 5), n + 1), []))
        // 2023 problems never taken to a meeting: the earlier half solved by their units.
        for i in (solved2022 + 9)..<plans.count where !meetings.contains(where: { $0.agenda.contains(i) }) && plans[i].seed.leadUnitID != nil {
            if plans[i].seed.raisedOn < d(2023, 4, 1) && plans[i].seed.steps.count <= 2 { resolve(&plans[i], on: work(plans[i].seed.raisedOn, 6)) }
        }

        let instructions = DemoInstructions.seeds(portfolio, problems: plans.map(\.seed), units: units, ids: ids)
        try await ProblemSeed.insert(plans.map(\.seed) + decisions.map(\.seed) + instructions, districtID: districtID, on: db)
        for (m, agenda) in meetings {
            try await m.create(on: db)
            for (position, i) in agenda.enumerated() {
                let item = MeetingItemModel()
                item.id = UUID(); item.meetingID = m.id!; item.problemID = plans[i].seed.id; item.position = position + 1; item.reason = "chosen"
                try await item.create(on: db)
            }
        }
        for (decision, problem) in decisions {
            let link = DecisionProblemModel()
            link.id = UUID(); link.decisionID = decision.id; link.problemID = problem
            try await link.create(on: db)
        }
        // Notices as the nightly run would have issued them at the start of May (since
        // acknowledged) and on the demo's day (awaiting acknowledgement).
        let may = try await NoticeGenerator.run(districtID: districtID, today: d(2023, 5, 4), actor: ChangeActor(name: "system"), on: db)
        for n in try await NoticeModel.query(on: db).filter(\.$districtID == districtID).filter(\.$number ~~ may.issued).all() {
            n.acknowledgedOn = work(d(2023, 5, 4), 1); n.acknowledgedBy = "unit-ack"
            try await n.update(on: db)
        }
        _ = try await NoticeGenerator.run(districtID: districtID, today: DemoProgress.asOf, actor: ChangeActor(name: "system"), on: db)
    }
}
