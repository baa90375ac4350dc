import BallastCore
import BallastStore
import Fluent
import Foundation

/// The demo's mid-year 观摩 (its own, not Erqi's record): planned by the office on 12 June
/// 2023 for Friday 16 June, visiting the first 15 projects the rule suggests in route order;
/// four reviewers — the leader, the office, 督查室 and the housing bureau, who stands aside on
/// its own projects — score every project that day on the standard sheet; the office closes
/// the scoring on 19 June; its 讲评通报 is the office's to draft and issue. Scores are drawn per item, lower
/// on a project lit red or yellow, so the ranking reads like one.
enum DemoInspection {
    static let plannedOn = CalendarDate(year: 2023, month: 6, day: 12)!
    static let heldOn = CalendarDate(year: 2023, month: 6, day: 16)!
    static let closedOn = CalendarDate(year: 2023, month: 6, day: 19)!
    static let title = "2023年上半年重点项目观摩"
    static let stops = 15
    static let reviewers = ["leader", "office", "supervision", "unit"]

    static func load(districtID: UUID, on db: any Database) async throws {
        func context(_ who: String, _ day: CalendarDate) -> ProjectItemContext {
            ProjectItemContext(districtID: districtID, actor: ChangeActor(name: who, role: who), today: day, scopeUnitID: nil, recolours: false)
        }
        let planner = InspectionDesk(context: context("office", plannedOn))
        let suggested = try await planner.suggest(year: heldOn.year, on: heldOn, db: db)
        let tour = try await planner.plan(.init(title: title, heldOn: heldOn, projects: suggested.prefix(stops).map(\.code), reviewers: reviewers), on: db)
        let id = try tour.requireID()
        let lit = Set(suggested.filter { $0.reasons.contains(.lit) }.map(\.projectID))
        let sheet = InspectionSheet.standard
        let stopsList = try await InspectionQuery.stops(id, on: db)
        var random = DemoRandom(seed: 2023_0616)
        for username in reviewers {
            guard let user = try await UserModel.query(on: db).filter(\.$district.$id == districtID).filter(\.$username == username).first() else { continue }
            let uid = try user.requireID()
            let desk = InspectionDesk(context: context(username, heldOn))
            for stop in stopsList where user.$unit.id == nil || stop.unitID != user.$unit.id {
                var points: InspectionScoring.Points = [:]
                for item in sheet.items {
                    // 62–96% of the item's points, 12 points of it lower on a lit project.
                    let share = (lit.contains(stop.projectID) ? 0.62 : 0.74) + random.unit() * 0.22
                    points[item.key] = (item.points * share * 10).rounded() / 10
                }
                _ = try await desk.score(inspectionID: id, projectID: stop.projectID, reviewer: uid, points: points, on: db)
            }
        }
        _ = try await InspectionDesk(context: context("office", closedOn)).close(inspectionID: id, version: tour.version, on: db)
        // The 讲评通报 is left for the demo's office to draft and issue: the demo issues no document.
    }
}
