import BallastCore
import BallastStore
import Foundation

/// The demo's 领导批示 (its own, not Erqi's record): the first six 分包领导 each instruct on two of
/// their 2023 projects between February and June. Most are done on time and closed by the
/// leader; one was done late; on the demo's day 王立新 (the demo's leader account, `leader`) has
/// one in progress, one done and waiting for 销号, and one given on a problem; 李振华 has one past
/// its deadline, which the nightly run chases with a 催办单.
enum DemoInstructions {
    static let leaders = 6

    static let texts = [
        "请%@牵头，会同相关部门现场办公，%@前解决项目用地和规划手续问题，确保按期开工。",
        "该项目是年度重点项目，请%@倒排工期、挂图作战，%@前报送推进方案。",
        "请%@加快资金拨付和要素保障，%@前将落实情况报区政府。",
        "请%@紧盯形象进度，%@前完成年度计划过半目标。",
    ]

    /// `plans`: the supervision loop's 2023 problems, so one 批示 can be given on one of them.
    static func seeds(_ portfolio: [LedgerRecord], problems: [ProblemSeed], units: [String: UUID], ids: [String: UUID]) -> [ProblemSeed] {
        let work = { (d: CalendarDate, n: Int) in DemoSupervision.work(d, n) }
        let d = { (m: Int, day: Int) in DemoSupervision.workday(CalendarDate(year: 2023, month: m, day: day)!) }
        var out: [ProblemSeed] = []
        for (li, leader) in DemoFigures.leaders.prefix(leaders).enumerated() {
            let own = portfolio.filter { $0.leader == leader && $0.annualPlan != nil }.sorted { $0.code < $1.code }
            // The demo's leader account raises 王立新's; the others' are recorded under their names.
            let raiser = leader == DemoUsers.leader ? "leader" : leader
            for (k, p) in own.prefix(2).enumerated() {
                guard let unit = units[p.unit], let projectID = ids[p.code] else { continue }
                // The demo's unit account answers its own unit's; the others are named by their unit.
                let clerk = p.unit == DemoUsers.unit ? "unit" : p.unit
                let lastOfLeader = k == 1
                // When it was given and by when, chosen first so the words say the same day.
                var given = d(2 + li % 3 + k * 2, 6 + li * 3)
                var due = work(given, 15)
                switch (li, lastOfLeader) {
                case (0, true): given = d(6, 19); due = d(7, 14)
                case (0, false): given = d(6, 12); due = work(given, 15)
                case (1, true): given = d(5, 22); due = d(6, 20)
                // Done late, and before the demo's day.
                case (2, true): given = d(4, 12); due = work(given, 15)
                default: break
                }
                let text = String(format: texts[(li + k) % texts.count], p.unit, "\(due.month)月\(due.day)日")
                var seed = ProblemSeed(projectID: projectID, category: "其他", title: Instruction.title(of: text), description: text,
                                       raisedBy: raiser, raisedOn: given)
                seed.kind = .instruction; seed.leadUnitID = unit; seed.leader = leader
                if let partner = units["区发展改革委"], partner != unit, k == 1 { seed.assisting = [partner] }
                seed.steps = [.init(.assign, on: given, by: raiser, deadline: due),
                              .init(.acknowledge, on: work(given, 1), by: clerk)]
                switch (li, lastOfLeader) {
                case (0, true):
                    // In progress on the demo's day.
                    seed.steps.append(.init(.feedback, on: d(6, 28), by: clerk, note: "已完成方案初稿，正在征求意见"))
                case (0, false):
                    // Done two days ago, for the leader to close.
                    seed.steps.append(.init(.resolve, on: d(6, 28), by: clerk, note: "已按批示要求落实"))
                case (1, true):
                    // Past its deadline on the demo's day, not done.
                    break
                case (2, true):
                    // Done, but after its deadline.
                    seed.steps.append(.init(.feedback, on: work(given, 3), by: clerk, note: "已召开专题会研究，正在推进"))
                    seed.steps.append(.init(.resolve, on: work(due, 4), by: clerk, note: "已落实，因征迁协调延后"))
                    seed.steps.append(.init(.close, on: work(due, 5), by: raiser))
                default:
                    seed.steps.append(.init(.feedback, on: work(given, 3), by: clerk, note: "已召开专题会研究，正在推进"))
                    seed.steps.append(.init(.resolve, on: work(given, 9), by: clerk, note: "已按批示要求落实"))
                    seed.steps.append(.init(.close, on: work(given, 11), by: raiser))
                }
                // Nothing happens after the demo's day.
                seed.steps = seed.steps.filter { $0.on <= DemoProgress.asOf }
                out.append(seed)
            }
        }
        // 王立新 instructs on a 2023 problem on one of his projects, if the loop raised one there.
        let ownIDs = Set(portfolio.filter { $0.leader == DemoUsers.leader }.compactMap { ids[$0.code] })
        if let problem = problems.first(where: { $0.kind == .problem && $0.raisedOn.year == 2023 && $0.projectID.map(ownIDs.contains) == true
                                                 && $0.leadUnitID != nil && $0.raisedOn < CalendarDate(year: 2023, month: 6, day: 1)! }),
           let unit = problem.leadUnitID {
            let given = d(6, 8)
            let unitName = units.first { $0.value == unit }?.key ?? ""
            let clerk = unitName == DemoUsers.unit ? "unit" : unitName
            let text = "此问题影响项目开工，请牵头单位六月底前拿出解决方案，区发改委配合。"
            var seed = ProblemSeed(projectID: problem.projectID, category: "其他", title: Instruction.title(of: text), description: text,
                                   raisedBy: "leader", raisedOn: given)
            seed.kind = .instruction; seed.leadUnitID = unit; seed.leader = DemoUsers.leader; seed.subjectProblemID = problem.id
            if let partner = units["区发展改革委"], partner != unit { seed.assisting = [partner] }
            seed.steps = [.init(.assign, on: given, by: "leader", deadline: d(6, 30)),
                          .init(.acknowledge, on: work(given, 1), by: clerk),
                          .init(.resolve, on: d(6, 27), by: clerk, note: "方案已报区政府"),
                          .init(.close, on: d(6, 29), by: "leader")]
            out.append(seed)
        }
        return out
    }
}
