@testable import BallastApp
import BallastCore
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// 动态调整 (issue 28, part 3): a batch changes the year's list from its effective day only; the
/// figures of the days before keep the plan then in force.
@Suite struct PlanChangesAPITests {
    static func field(_ body: [String: Any]) -> String? { (body["error"] as? [String: Any])?["field"] as? String }

    /// Red on the demo's day for its investment alone (no milestone or statistics reason), red
    /// since before that day, with investment done: lowering its plan to what is done turns it.
    static func redForInvestment(_ app: Application, skipping: Set<UUID> = []) async throws -> (ProjectModel, YearPlanModel, Int64) {
        let states = try await WarningStateModel.query(on: app.db).filter(\.$year == 2023).filter(\.$colour == "red").all()
            .filter { $0.since < CalendarDate(year: 2023, month: 6, day: 29)! && !skipping.contains($0.projectID) }
        // Not one of the demo's own changes (3 July): a change cannot come before a project's last.
        let changed = Set(try await PlanChangeModel.query(on: app.db).all().map(\.projectID))
        let districtID = try #require(states.first?.districtID)
        let done = try await CompletedQuery.byProject(districtID: districtID, year: 2023, throughMonth: 6, on: app.db)
        for s in states.sorted(by: { $0.projectID.uuidString < $1.projectID.uuidString }) {
            let reasons = WarningEngine.reasons(s.reasons)
            guard !changed.contains(s.projectID), reasons.count == 1, reasons[0].zh.contains("时序进度"), let d = done[s.projectID], d.yuan >= 10_000 else { continue }
            let plan = try #require(try await YearPlanModel.query(on: app.db).filter(\.$project.$id == s.projectID).filter(\.$year == 2023).first())
            let project = try #require(try await ProjectModel.find(s.projectID, on: app.db))
            return (project, plan, d.yuan)
        }
        throw TestFailure("no red project of investment alone")
    }

    struct TestFailure: Error { var what: String; init(_ w: String) { what = w } }

    static func colour(_ app: Application, _ districtID: UUID, _ project: UUID, on day: CalendarDate) async throws -> WarningColour? {
        try await ColourAsOf.resolve(districtID: districtID, year: 2023, on: day, db: app.db).warnings(scopeUnitID: nil, on: app.db)
            .first { $0.projectID == project }?.outcome.colour
    }

    @Test func aChangeMovesTheColourAndThePlanFromItsEffectiveDayOnly() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office), unit = try await app.as(.unit, unit: "区商务局")
            let (project, plan, done) = try await Self.redForInvestment(app)
            let districtID = project.$district.id
            let demoChanges = try await PlanChangeModel.query(on: app.db).count()
            let june29 = CalendarDate(year: 2023, month: 6, day: 29)!, june30 = CalendarDate(year: 2023, month: 6, day: 30)!
            #expect(try await Self.colour(app, districtID, project.id!, on: june30) == .red)
            #expect(try await Self.colour(app, districtID, project.id!, on: june29) == .red)
            let (_, before29) = try await office.send(.GET, "/api/v1/summary?year=2023&asOf=2023-06-29")
            let (_, before30) = try await office.send(.GET, "/api/v1/summary?year=2023&asOf=2023-06-30")
            let oldPlan = try #require(plan.annualPlan)
            let newWan = Double(done) / 10_000
            let body: [String: Any] = ["year": 2023, "effectiveOn": "2023-06-30", "reason": "区政府第26次周例会纪要",
                                       "changes": [["code": project.code, "kind": "adjust", "amount": newWan]]]

            // Refused whole, each naming its field; nothing is written.
            var past = body; past["effectiveOn"] = "2023-06-29"
            let (pastStatus, pastBody) = try await office.send(.POST, "/api/v1/plan-changes", past)
            #expect(pastStatus == .unprocessableEntity && Self.field(pastBody) == "effectiveOn")
            var noReason = body; noReason["reason"] = " "
            #expect(Self.field(try await office.send(.POST, "/api/v1/plan-changes", noReason).1) == "reason")
            var unknown = body; unknown["changes"] = [["code": project.code, "kind": "adjust", "amount": newWan], ["code": "NOPE-1", "kind": "out"]]
            let (unknownStatus, unknownBody) = try await office.send(.POST, "/api/v1/plan-changes", unknown)
            #expect(unknownStatus == .unprocessableEntity && ((unknownBody["error"] as? [String: Any])?["message"] as? String)?.contains("第 2 行") == true)
            #expect(try await unit.send(.POST, "/api/v1/plan-changes", body).0 == .forbidden)
            // A preview says what would happen and changes nothing.
            var preview = body; preview["preview"] = true
            let (previewed, previewBody) = try await office.send(.POST, "/api/v1/plan-changes", preview)
            #expect(previewed == .ok && (previewBody["changes"] as? [[String: Any]])?.first?["after"] as? Double == newWan)
            #expect(try await PlanChangeModel.query(on: app.db).count() == demoChanges)
            #expect(try await YearPlanModel.find(plan.id, on: app.db)?.annualPlan == oldPlan)

            // Applied today: the colour turns today; the day before stays as it was judged.
            let (applied, appliedBody) = try await office.send(.POST, "/api/v1/plan-changes", body)
            #expect(applied == .created, "\(appliedBody)")
            #expect(try await YearPlanModel.find(plan.id, on: app.db)?.annualPlan == done)
            // A project whose plan was changed keeps its record: it is not deleted (once a 500 on the key).
            let current = try #require(try await ProjectModel.find(project.id, on: app.db))
            let (deleted, deletedBody) = try await office.send(.DELETE, "/api/v1/projects/\(project.id!)?version=\(current.version)")
            #expect(deleted == .conflict && ((deletedBody["error"] as? [String: Any])?["message"] as? String)?.contains("计划调整") == true, "\(deletedBody)")
            let now = try await Self.colour(app, districtID, project.id!, on: june30)
            #expect(now != .red && now != nil, "\(String(describing: now))")
            #expect(try await Self.colour(app, districtID, project.id!, on: june29) == .red)
            // The plan in the figures: the day before keeps the old plan, the day itself has the new.
            let (_, after29) = try await office.send(.GET, "/api/v1/summary?year=2023&asOf=2023-06-29")
            let (_, after30) = try await office.send(.GET, "/api/v1/summary?year=2023&asOf=2023-06-30")
            #expect(after29["annualPlan"] as? Double == before29["annualPlan"] as? Double)
            let drop = Money(yuan: oldPlan - done).rounded(in: .wan, places: 2)
            let b30 = try #require(before30["annualPlan"] as? Double), a30 = try #require(after30["annualPlan"] as? Double)
            #expect(abs((b30 - a30) - drop) < 0.011, "\(b30) − \(a30) ≠ \(drop)")

            // A later day's change: today's colour and plan stand until that day.
            let (other, otherPlan, otherDone) = try await Self.redForInvestment(app, skipping: [project.id!])
            let later: [String: Any] = ["effectiveOn": "2023-07-17", "reason": "区政府第27次周例会纪要",
                                        "changes": [["code": other.code, "kind": "adjust", "amount": Double(otherDone) / 10_000]]]
            #expect(try await office.send(.POST, "/api/v1/plan-changes", later).0 == .created)
            #expect(try await Self.colour(app, districtID, other.id!, on: june30) == .red)
            let judged16 = try await WarningEngine.evaluate(districtID: districtID, year: 2023, asOf: CalendarDate(year: 2023, month: 7, day: 16)!, on: app.db)
            let judged17 = try await WarningEngine.evaluate(districtID: districtID, year: 2023, asOf: CalendarDate(year: 2023, month: 7, day: 17)!, on: app.db)
            #expect(judged16.first { $0.projectID == other.id }?.outcome.colour == .red)
            #expect(judged17.first { $0.projectID == other.id }.map { $0.outcome.colour != .red } == true)
            #expect(otherPlan.annualPlan != nil)
            // A change before the project's last one is refused: one chain of plans.
            var earlier = later; earlier["effectiveOn"] = "2023-07-03"
            earlier["changes"] = [["code": other.code, "kind": "adjust", "amount": Double(otherDone) / 10_000 + 1]]
            #expect(Self.field(try await office.send(.POST, "/api/v1/plan-changes", earlier).1) == "effectiveOn")

            // Moved out today: the year's count drops from today, not before.
            let (_, count29) = try await office.send(.GET, "/api/v1/summary?year=2023&asOf=2023-06-29")
            let (_, count30) = try await office.send(.GET, "/api/v1/summary?year=2023&asOf=2023-06-30")
            let out: [String: Any] = ["effectiveOn": "2023-06-30", "reason": "项目终止，调出年度计划", "changes": [["code": project.code, "kind": "out"]]]
            #expect(try await office.send(.POST, "/api/v1/plan-changes", out).0 == .created)
            let (_, out29) = try await office.send(.GET, "/api/v1/summary?year=2023&asOf=2023-06-29")
            let (_, out30) = try await office.send(.GET, "/api/v1/summary?year=2023&asOf=2023-06-30")
            #expect(out29["projects"] as? Int == count29["projects"] as? Int)
            #expect(out30["projects"] as? Int == (count30["projects"] as? Int ?? 0) - 1)
            #expect(try await Self.colour(app, districtID, project.id!, on: june30) == nil)

            // The year's list of changes, newest first, and the year summary's card.
            let (_, listed) = try await office.send(.GET, "/api/v1/plan-changes?year=2023")
            let ours = (listed["changes"] as? [[String: Any]])?.filter { ($0["reason"] as? String)?.hasPrefix("（演示数据）") == false }
            #expect(ours?.compactMap { $0["kind"] as? String } == ["adjust", "out", "adjust"])
            try await office.test(.GET, "/overview?year=2023") { res in
                #expect(res.body.string.contains("项目终止，调出年度计划") && !res.body.string.contains("区政府第27次周例会纪要"))
            }
            let audit = try await AuditEntryModel.query(on: app.db).filter(\.$action == "plan-change").count()
            #expect(audit == demoChanges + 3)
        }
    }

    /// The page: lines typed, previewed, then applied behind a confirmation.
    @Test func thePageShowsABatchBeforeItIsApplied() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let (project, _, _) = try await Self.redForInvestment(app)
            let demoChanges = try await PlanChangeModel.query(on: app.db).count()
            let form = ["year": "2023", "effectiveOn": "2023-06-30", "reason": "专题会议定", "lines": "\(project.code) 调整 1234\nNOPE 调出"]
            try await office.test(.POST, "/plan-changes/preview", beforeRequest: { req in try req.content.encode(form, as: .urlEncodedForm) }) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("第 2 行") && res.body.string.contains("专题会议定"))
            }
            var good = form; good["lines"] = "\(project.code) 调整 1234"
            try await office.test(.POST, "/plan-changes/preview", beforeRequest: { req in try req.content.encode(good, as: .urlEncodedForm) }) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("预览：以下调整尚未生效") && res.body.string.contains("1,234") && res.body.string.contains("确认调整"))
            }
            #expect(try await PlanChangeModel.query(on: app.db).count() == demoChanges)
            var location = ""
            try await office.test(.POST, "/plan-changes", beforeRequest: { req in try req.content.encode(good, as: .urlEncodedForm) }) { res in
                #expect(res.status == .seeOther)
                location = res.headers.first(name: .location) ?? ""
            }
            try await office.test(.GET, location) { res in #expect(res.body.string.contains("已调整 1 个项目")) }
            #expect(try await PlanChangeModel.query(on: app.db).count() == demoChanges + 1)
        }
    }

    /// A plan changed during its year by an edit or a ledger file is recorded as the office's
    /// batch is, from today, so the days before keep the plan they had.
    @Test func aPlanChangedByAnEditIsRecordedFromToday() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let (project, plan, _) = try await Self.redForInvestment(app)
            let (_, detail) = try await office.send(.GET, "/api/v1/projects/\(project.id!.uuidString)?year=2023")
            var body = try #require(detail["project"] as? [String: Any])
            let old = try #require(plan.annualPlan)
            body["annualPlan"] = Double(old) / 10_000 + 100
            body["year"] = 2023
            let (status, saved) = try await office.send(.PUT, "/api/v1/projects/\(project.id!.uuidString)", body)
            #expect(status == .ok, "\(saved)")
            let changes = try await PlanChangeModel.query(on: app.db).filter(\.$projectID == project.id!).all()
            #expect(changes.count == 1)
            #expect(changes.first?.kind == "adjust" && changes.first?.beforePlan == old && changes.first?.afterPlan == old + 1_000_000)
            #expect(changes.first?.effectiveOn == CalendarDate(year: 2023, month: 6, day: 30)! && changes.first?.source != "manual")
        }
    }

    /// Attack findings: moved out and back in on one day hid the project on the days before (a
    /// joining day was set on the way back in); amounts too large or too fine were "not numbers";
    /// an applied form answered a refresh by applying again.
    @Test func outAndBackInKeepsThePastAndAmountsAreNamedForWhatIsWrong() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let (project, _, _) = try await Self.redForInvestment(app)
            let (_, before) = try await office.send(.GET, "/api/v1/summary?year=2023&asOf=2023-06-29")
            let out: [String: Any] = ["effectiveOn": "2023-06-30", "reason": "调出", "changes": [["code": project.code, "kind": "out"]]]
            #expect(try await office.send(.POST, "/api/v1/plan-changes", out).0 == .created)
            let back: [String: Any] = ["effectiveOn": "2023-06-30", "reason": "同日调入", "changes": [["code": project.code, "kind": "in", "amount": 500]]]
            #expect(try await office.send(.POST, "/api/v1/plan-changes", back).0 == .created)
            let (_, after) = try await office.send(.GET, "/api/v1/summary?year=2023&asOf=2023-06-29")
            #expect(after["projects"] as? Int == before["projects"] as? Int)
            #expect(after["annualPlan"] as? Double == before["annualPlan"] as? Double)

            func message(_ amount: Double) async throws -> String {
                let body: [String: Any] = ["effectiveOn": "2023-06-30", "reason": "x", "preview": true,
                                           "changes": [["code": project.code, "kind": "adjust", "amount": amount]]]
                return ((try await office.send(.POST, "/api/v1/plan-changes", body).1["error"] as? [String: Any])?["message"] as? String) ?? ""
            }
            #expect(try await message(1e30).contains("超过 1 万亿元"))
            #expect(try await message(12.3456789).contains("精确到元"))
            let outWithAmount: [String: Any] = ["effectiveOn": "2023-06-30", "reason": "x", "preview": true,
                                                "changes": [["code": project.code, "kind": "out", "amount": 5]]]
            #expect(Self.field(try await office.send(.POST, "/api/v1/plan-changes", outWithAmount).1) == "amount")

            let form = ["year": "2023", "effectiveOn": "2023-06-30", "reason": "专题会议定", "lines": "\(project.code) 调整 900"]
            try await office.test(.POST, "/plan-changes", beforeRequest: { req in try req.content.encode(form, as: .urlEncodedForm) }) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location)?.hasPrefix("/plan-changes?") == true)
            }
        }
    }

    /// A batch decided today for a later day (7月3日 here) leaves today as it was: the same list,
    /// plans, map and colours on every page, and a recompute today keeps the colour of a project
    /// moved out from that day (its state was once deleted as "left the list"). From the day on,
    /// the project moved in is judged and the one moved out is not.
    @Test func aLaterDaysMovesLeaveTodayAsItIsEverywhere() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let july3 = CalendarDate(year: 2023, month: 7, day: 3)!, june30 = CalendarDate(year: 2023, month: 6, day: 30)!
            let demo = Set(try await PlanChangeModel.query(on: app.db).all().map(\.projectID))
            let outside = try #require(try await YearPlanModel.query(on: app.db).filter(\.$year == 2023).filter(\.$annualPlan == nil).sort(\.$id).all()
                .first { !demo.contains($0.$project.id) })
            let moving = try #require(try await ProjectModel.find(outside.$project.id, on: app.db))
            let states = try await WarningStateModel.query(on: app.db).filter(\.$year == 2023).sort(\.$projectID).all()
                .filter { !demo.contains($0.projectID) }
            let first = try #require(states.first), last = try #require(states.last)
            let leaving = try #require(try await ProjectModel.find(first.projectID, on: app.db))
            let leavingColour = first.colour
            let adjusted = try #require(try await ProjectModel.find(last.projectID, on: app.db))
            let adjustedPlan = try #require(try await YearPlanModel.query(on: app.db).filter(\.$project.$id == adjusted.id!).filter(\.$year == 2023).first()?.annualPlan)
            let leavingPlan = try #require(try await YearPlanModel.query(on: app.db).filter(\.$project.$id == leaving.id!).filter(\.$year == 2023).first()?.annualPlan)
            let decided = try await PlanChangeModel.query(on: app.db).count()
            let changesBefore = try await WarningChangeModel.query(on: app.db).filter(\.$projectID == leaving.id!).count()
            // The demo's own, decided for 3 July: the summary counts them apart, none in force.
            try await office.test(.GET, "/overview?year=2023") { res in
                #expect(res.body.string.contains("已决定 \(decided) 项调整，尚未生效") && !res.body.string.contains("本年度计划尚无调整"))
            }
            let (_, before) = try await office.send(.GET, "/api/v1/dashboard?year=2023")
            let projects = try #require(before["projects"] as? Int), plan = try #require(before["annualPlan"] as? Int64)

            let body: [String: Any] = ["year": 2023, "effectiveOn": "2023-07-03", "reason": "区政府第27次周例会纪要",
                                       "changes": [["code": moving.code, "kind": "in", "amount": 1000],
                                                   ["code": leaving.code, "kind": "out"],
                                                   ["code": adjusted.code, "kind": "adjust", "amount": Double(adjustedPlan) / 10_000 + 500]]]
            let (status, applied) = try await office.send(.POST, "/api/v1/plan-changes", body)
            #expect(status == .created, "\(applied)")
            let districtID = leaving.$district.id
            // Another moved out today: the recompute it makes now looks for states that have left.
            let gone = try #require(try await ProjectModel.find(states[1].projectID, on: app.db))
            let goneOut: [String: Any] = ["year": 2023, "effectiveOn": "2023-06-30", "reason": "项目终止", "changes": [["code": gone.code, "kind": "out"]]]
            #expect(try await office.send(.POST, "/api/v1/plan-changes", goneOut).0 == .created)
            // The colour of the project moved out from a later day stands, since the day it was lit.
            let kept = try await WarningStateModel.query(on: app.db).filter(\.$projectID == leaving.id!).all()
            #expect(kept.count == 1 && kept.first?.since == first.since && kept.first?.colour == first.colour)
            let gonePlan = try #require(try await PlanChangeModel.query(on: app.db).filter(\.$projectID == gone.id!).first()?.beforePlan)
            _ = try await WarningEngine.recompute(districtID: districtID, year: 2023, asOf: june30, on: app.db)

            // Today: the dashboard, the list behind it and the map count the same projects as
            // before, less the one moved out today.
            let (_, after) = try await office.send(.GET, "/api/v1/dashboard?year=2023")
            #expect(after["projects"] as? Int == projects - 1 && after["annualPlan"] as? Int64 == plan - gonePlan)
            #expect(try await office.send(.GET, "/api/v1/projects?year=2023&portfolio=1&perPage=1").1["total"] as? Int == projects - 1)
            let points = try #require(try await office.send(.GET, "/api/v1/map/points?year=2023").1["points"] as? [[String: Any]])
            #expect(points.count == projects - 1)
            #expect(points.contains { $0["code"] as? String == leaving.code } && !points.contains { $0["code"] as? String == moving.code })
            #expect(points.first { $0["code"] as? String == adjusted.code }?["annualPlan"] as? Int64 == adjustedPlan)
            // The list reads the plan in force today: the one moved out is in it with its plan,
            // the one moved in is not yet, the one adjusted has its old figure.
            func listed(_ code: String) async throws -> [String: Any]? {
                try await office.send(.GET, "/api/v1/projects?year=2023&portfolio=1&q=\(code)").1["items"].flatMap { ($0 as? [[String: Any]])?.first }
            }
            #expect(try await listed(leaving.code)?["annualPlan"] as? Double == Double(leavingPlan) / 10_000)
            #expect(try await listed(moving.code) == nil)
            #expect(try await listed(adjusted.code)?["annualPlan"] as? Double == Double(adjustedPlan) / 10_000)
            // The colour of the project moved out stands until its day; the one moved in has none.
            #expect(try await Self.colour(app, districtID, leaving.id!, on: june30)?.rawValue == leavingColour)
            #expect(try await WarningChangeModel.query(on: app.db).filter(\.$projectID == leaving.id!).count() == changesBefore)
            #expect(try await Self.colour(app, districtID, moving.id!, on: june30) == nil)
            // The unit's dashboard, list and map agree too.
            let unitName = try #require(try await ReferenceEntryModel.find(leaving.$unit.id, on: app.db)?.name)
            let unit = try await app.as(.unit, unit: unitName)
            let own = try await unit.send(.GET, "/api/v1/dashboard?year=2023").1["projects"] as? Int
            let ownListed = try await unit.send(.GET, "/api/v1/projects?year=2023&portfolio=1&perPage=1").1["total"] as? Int
            let ownPoints = try await unit.send(.GET, "/api/v1/map/points?year=2023").1["points"] as? [[String: Any]]
            #expect(own != nil && own == ownListed && own == ownPoints?.count)

            // The project's page: the plan in force today, and the change to come, marked so.
            try await office.test(.GET, "/projects/\(leaving.id!.uuidString)") { res in
                let html = res.body.string
                #expect(html.contains(Money(yuan: leavingPlan).wanText) && !html.contains("未纳入年度盘子"))
                #expect(html.contains("2023-07-03 起调出") && html.contains("区政府第27次周例会纪要（待生效）"))
            }

            // The year's summary: the one in force today listed, the later ones counted apart.
            try await office.test(.GET, "/overview?year=2023") { res in
                #expect(res.body.string.contains("已生效 1 项，另有 \(decided + 3) 项待生效"))
            }
            try await office.test(.GET, "/plan-changes?year=2023") { res in
                #expect(res.body.string.components(separatedBy: "2023-07-03（待生效）").count - 1 == decided + 3)
            }

            // From the day: judged with the list as changed.
            let judged = try await WarningEngine.evaluate(districtID: districtID, year: 2023, asOf: july3, on: app.db)
            #expect(judged.contains { $0.projectID == moving.id } && !judged.contains { $0.projectID == leaving.id })
            #expect(judged.count == projects - 1)
        }
    }
}
