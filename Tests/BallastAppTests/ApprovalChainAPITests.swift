@testable import BallastApp
import BallastCore
@testable import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

/// 前期手续 as a chain through the API, the page and the CLI (issue 27): a step's fields and
/// derived state, the order rule with 容缺受理, bad input named by field, the departments'
/// figures, and the migration of the items kept before.
@Suite struct ApprovalChainAPITests {
    /// A project of the demo with no steps yet (a 续建 project), the office's client.
    static func setUp(_ app: Application) async throws -> (TestClient, ProjectModel) {
        let withSteps = Set(try await ApprovalItemModel.query(on: app.db).all().map { $0.$project.id })
        let project = try #require(try await ProjectModel.query(on: app.db).sort(\.$code).all().first { !withSteps.contains($0.id!) })
        return (try await app.as(.office), project)
    }

    @Test func aChainIsKeptInOrderAndAStepAheadOfItsStepsNeedsAReason() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let (office, p) = try await Self.setUp(app)
            let path = "/api/v1/projects/\(p.id!)/approvals"
            let (s1, first) = try await office.send(.POST, path, ["year": 2023, "name": "立项", "department": "区发展改革委",
                                                                  "applied": "2023-03-01", "promisedDays": 10, "actual": "2023-03-10",
                                                                  "approvalNo": "二七发改〔2023〕9号"])
            #expect(s1 == .created && first["seq"] as? Int == 1 && first["state"] as? String == "done" && first["due"] as? String == "2023-03-15")
            #expect(first["workingDays"] as? Int == 7 && first["approvalNo"] as? String == "二七发改〔2023〕9号")
            let (_, second) = try await office.send(.POST, path, ["year": 2023, "name": "环评", "department": "市生态环境局二七分局",
                                                                  "applied": "2023-06-12", "promisedDays": 20])
            #expect(second["seq"] as? Int == 2 && second["state"] as? String == "in-progress")
            // 施工许可 approved while 环评 is open: refused, naming the step and the field.
            let ahead = try await office.send(.POST, path, ["year": 2023, "name": "施工许可", "department": "区住房城乡建设局",
                                                            "applied": "2023-05-10", "promisedDays": 7, "actual": "2023-05-15"])
            #expect(ahead.0 == .unprocessableEntity && "\(ahead.1)".contains("waivedReason") && "\(ahead.1)".contains("环评"))
            // With the reason (容缺受理), it is approved and the reason kept.
            let (ok, waived) = try await office.send(.POST, path, ["year": 2023, "name": "施工许可", "department": "区住房城乡建设局",
                                                                   "applied": "2023-05-10", "promisedDays": 7, "actual": "2023-05-15",
                                                                   "waivedReason": "市重点项目，环评与施工许可并联审批"])
            #expect(ok == .created && waived["waivedReason"] as? String == "市重点项目，环评与施工许可并联审批" && waived["seq"] as? Int == 3)
            let (_, list) = try await office.send(.GET, path + "?year=2023")
            _ = list
            var chain: [[String: Any]] = []
            try await office.test(.GET, path + "?year=2023") { res in
                chain = (try? JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [[String: Any]]) ?? []
            }
            #expect(chain.compactMap { $0["name"] as? String } == ["立项", "环评", "施工许可"])
            // The project page shows the chain with its states and the reason.
            try await office.test(.GET, "/projects/\(p.id!)") { res in
                let html = res.body.string
                #expect(html.contains("批复文号") && html.contains("二七发改〔2023〕9号") && html.contains("已办结") && html.contains("办理中")
                        && html.contains("容缺受理：市重点项目"))
            }
        }
    }

    /// A project with no steps starts from the district's template for its type; a chain begun
    /// is left alone. A 产业 project is enterprise investment (备案 first), the rest government (立项).
    @Test func aChainStartsFromTheTemplateForTheProjectsType() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let withSteps = Set(try await ApprovalItemModel.query(on: app.db).all().map { $0.$project.id })
            let categories = Dictionary(try await ReferenceEntryModel.query(on: app.db).filter(\.$kind == ReferenceKind.category.rawValue).all()
                .map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
            let all = try await ProjectModel.query(on: app.db).sort(\.$code).all().filter { !withSteps.contains($0.id!) && $0.plannedStart != nil }
            let notStarted = { (p: ProjectModel) in (p.lifecycleStage.order ?? 99) < (LifecycleStage.underConstruction.order ?? 0) }
            let industry = try #require(all.first { categories[$0.$category.id]?.contains("产业") == true && notStarted($0) })
            let running = try #require(all.first { categories[$0.$category.id]?.contains("产业") == false && !notStarted($0) })
            // A project under construction has had its approvals: no template of steps long past due.
            let (refused, why) = try await office.send(.POST, "/api/v1/projects/\(running.id!)/approvals/template", ["year": 2023])
            #expect(refused == .unprocessableEntity && "\(why)".contains("逐项录入"))
            #expect(try await ApprovalItemModel.query(on: app.db).filter(\.$project.$id == running.id!).count() == 0)
            // The demo's not-started projects are all 产业: one of the city's, signed, stands for a government project here.
            let city = running
            city.stage = LifecycleStage.signed.rawValue
            try await city.update(on: app.db)
            let (ok, added) = try await office.send(.POST, "/api/v1/projects/\(city.id!)/approvals/template", ["year": 2023])
            #expect(ok == .ok && added["added"] as? Int == 8)
            let steps = try await ApprovalEditor.items(projectID: city.id!, year: 2023, on: app.db)
            #expect(steps.map(\.name) == ["立项/可研批复", "用地预审与选址", "环评", "能评", "用地规划许可", "工程规划许可", "施工图审查", "施工许可"])
            #expect(steps.first?.department == "区发展改革委" && steps.last?.department == "区住房城乡建设局" && steps.last?.promisedDays == 5)
            // 施工许可 due a week before the planned start; 施工图审查 a month before that.
            #expect(steps.last?.target == city.plannedStart!.adding(days: -7) && steps[6].target == city.plannedStart!.adding(days: -37))
            #expect(steps.map(\.seq) == Array(1...8).map(Optional.init))
            let (_, again) = try await office.send(.POST, "/api/v1/projects/\(city.id!)/approvals/template", ["year": 2023])
            #expect(again["added"] as? Int == 0)
            // The page: the button while the chain is empty, with the departments offered.
            try await office.test(.GET, "/projects/\(industry.id!)") { res in
                let html = res.body.string
                #expect(html.contains("按本区模板生成前期手续") && html.contains("<option value=\"市自然资源和规划局\"") && html.contains("list=\"department-names\""))
            }
            let body = "_csrf=\(office.csrfToken)&action=template&year=2023"
            try await office.test(.POST, "/projects/\(industry.id!)/approvals", beforeRequest: { req in
                req.headers.contentType = .urlEncodedForm
                req.body = ByteBuffer(string: body)
            }) { res in #expect(res.status == .ok && res.body.string.contains("已套用前期手续模板：8 项")) }
            #expect(try await ApprovalEditor.items(projectID: industry.id!, year: 2023, on: app.db).first?.name == "项目备案")
            // A unit cannot reach another unit's project this way.
            let unitID = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$name == "区住房城乡建设局").first()?.id)
            let other = try #require(all.first { $0.$unit.id != unitID && $0.id != city.id && $0.id != industry.id })
            let housing = try await app.as(.unit, unit: "区住房城乡建设局")
            #expect(try await housing.send(.POST, "/api/v1/projects/\(other.id!)/approvals/template", ["year": 2023]).0 == .notFound)
        }
    }

    /// The project page's form sends empty boxes as "" and numbers as text.
    @Test func thePageFormAddsAStepWithBoxesLeftEmpty() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let (office, p) = try await Self.setUp(app)
            func post(_ fields: [(String, String)]) async throws -> (HTTPStatus, String) {
                var out: (HTTPStatus, String) = (.ok, "")
                let body = ([("_csrf", office.csrfToken), ("action", "add"), ("year", "2023")] + fields)
                    .map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
                try await office.test(.POST, "/projects/\(p.id!)/approvals", beforeRequest: { req in
                    req.headers.contentType = .urlEncodedForm
                    req.body = ByteBuffer(string: body)
                }) { res in out = (res.status, res.body.string) }
                return out
            }
            let ok = try await post([("name", "能评"), ("department", ""), ("applied", ""), ("promisedDays", ""), ("target", ""), ("actual", ""),
                                     ("approvalNo", ""), ("waivedReason", "")])
            #expect(ok.0 == .ok && ok.1.contains("能评"))
            let bad = try await post([("name", "环评"), ("promisedDays", "二十")])
            #expect(bad.0 == .badRequest && bad.1.contains("promisedDays"))
            // A form naming no known action writes nothing.
            var other = ""
            let body = [("_csrf", office.csrfToken), ("action", "zzz"), ("year", "2023"), ("name", "测试")]
                .map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
            try await office.test(.POST, "/projects/\(p.id!)/approvals", beforeRequest: { req in
                req.headers.contentType = .urlEncodedForm
                req.body = ByteBuffer(string: body)
            }) { res in #expect(res.status == .badRequest); other = res.body.string }
            #expect(other.contains("action"))
            // A place already taken is refused naming seq: two steps at one place would dodge the order rule.
            let taken = try await post([("name", "环评"), ("seq", "1")])
            #expect(taken.0 == .unprocessableEntity && taken.1.contains("顺序号 1 已是“能评”的"))
            let steps = try await ApprovalItemModel.query(on: app.db).filter(\.$project.$id == p.id!).all()
            #expect(steps.map(\.name) == ["能评"] && steps.first?.promisedDays == nil && steps.first?.seq == 1)
        }
    }

    /// A step past its promised time is overdue on the project page, in the year's rate (SQL)
    /// and in the chain's API alike — and not before the day it fell due.
    @Test func aStepPastItsPromisedTimeIsOverdueEverywhere() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let (office, p) = try await Self.setUp(app)
            // 5-4 + 20 working days = 6-1 (weekdays; 5-5 is the first).
            let (_, step) = try await office.send(.POST, "/api/v1/projects/\(p.id!)/approvals",
                                                  ["year": 2023, "name": "环评", "applied": "2023-05-04", "promisedDays": 20])
            #expect(step["due"] as? String == "2023-06-01" && step["state"] as? String == "overdue")
            let (_, rate) = try await office.send(.GET, "/api/v1/approvals/rate?year=2023&asOf=2023-06-30")
            #expect(rate["total"] as? Int == 115 && rate["overdue"] as? Int == 1 && rate["approved"] as? Int == 114)
            let (_, before) = try await office.send(.GET, "/api/v1/approvals/rate?year=2023&asOf=2023-06-01")
            #expect(before["overdue"] as? Int == 0)
            try await office.test(.GET, "/projects/\(p.id!)") { res in
                #expect(res.body.string.contains("已超时") && res.body.string.contains("逾期未办 1 项"))
            }
        }
    }

    /// The approving department's 工作台 lists the steps it has to give, overdue first; another
    /// unit's does not; the link opens the project's chain (in English too).
    @Test func anOverdueStepIsOnTheApprovingDepartmentsWorkbench() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let (office, p) = try await Self.setUp(app)
            _ = try await office.send(.POST, "/api/v1/projects/\(p.id!)/approvals",
                                      ["year": 2023, "name": "施工许可", "department": "区住房城乡建设局", "applied": "2023-05-04", "promisedDays": 7])
            _ = try await office.send(.POST, "/api/v1/projects/\(p.id!)/approvals",
                                      ["year": 2023, "name": "环评", "department": "区商务局", "applied": "2023-06-20", "promisedDays": 5])
            let housing = try await app.as(.unit, unit: "区住房城乡建设局")
            let (_, work) = try await housing.send(.GET, Site.API.todo.link)
            let items = (work["items"] as? [[String: Any]]) ?? []
            let mine = try #require(items.first { $0["kind"] as? String == "approval" })
            #expect(mine["overdue"] as? Bool == true && (mine["title"] as? String ?? "").contains("施工许可") && mine["due"] as? String == "2023-05-15")
            #expect(items.filter { $0["kind"] as? String == "approval" }.count == 1)
            try await housing.test(.GET, "/work?lang=en") { res in
                #expect(res.body.string.contains("/projects/\(p.id!.uuidString)?lang=en#approvals"))
            }
            // 区商务局's step (due 6-27, within a week of the district's day) is its own.
            let commerce = try await app.as(.unit, unit: "区商务局")
            let (_, theirs) = try await commerce.send(.GET, Site.API.todo.link)
            let other = ((theirs["items"] as? [[String: Any]]) ?? []).filter { $0["kind"] as? String == "approval" }
            #expect(other.count == 1 && (other.first?["title"] as? String ?? "").contains("环评"))
        }
    }

    /// An overdue step gets a 催办单 to its approving department through the notice machinery,
    /// once; a step of a department outside the district (a city office) is not chased.
    @Test func anOverdueStepIsChasedOnceByNotice() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let (office, p) = try await Self.setUp(app)
            _ = try await office.send(.POST, "/api/v1/projects/\(p.id!)/approvals",
                                      ["year": 2023, "name": "施工许可", "department": "区住房城乡建设局", "applied": "2023-05-04", "promisedDays": 7])
            _ = try await office.send(.POST, "/api/v1/projects/\(p.id!)/approvals",
                                      ["year": 2023, "name": "环评", "department": "市生态环境局二七分局", "applied": "2023-05-04", "promisedDays": 7,
                                       "waivedReason": "并联"])
            let district = try #require(try await DistrictModel.query(on: app.db).first())
            let today = try #require(CalendarDate.parse("2023-06-30"))
            _ = try await NoticeGenerator.run(districtID: try district.requireID(), today: today, on: app.db)
            let chased = try await NoticeModel.query(on: app.db).filter(\.$subject == "approval").all()
            #expect(chased.count == 1 && chased[0].item.contains("施工许可") && chased[0].item.contains("2023-05-15"))
            let housing = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$name == "区住房城乡建设局").first())
            #expect(chased[0].unitID == housing.id)
            _ = try await NoticeGenerator.run(districtID: try district.requireID(), today: today, on: app.db)
            #expect(try await NoticeModel.query(on: app.db).filter(\.$subject == "approval").count() == 1)
            // The week's bulletin names the departments with a step overdue (both, city office included).
            let week = try #require(ISOWeek.parse("2023-W26"))
            let bulletin = try await WeeklyBulletin.build(districtID: try district.requireID(), week: week, asOf: today, on: app.db)
            #expect(Set(bulletin.approvalsOverdue?.map(\.department) ?? []) == ["区住房城乡建设局", "市生态环境局二七分局"])
            #expect(bulletin.approvalsOverdue?.allSatisfy { $0.overdue == 1 } == true)
        }
    }

    /// The office raises an overdue step to the weekly meeting: a problem on the project, 手续审批,
    /// assigned to the approving department; raised once; a step not overdue, or a unit, cannot.
    @Test func anOverdueStepIsRaisedToTheMeetingAsAProblemOnce() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let (office, p) = try await Self.setUp(app)
            let (_, late) = try await office.send(.POST, "/api/v1/projects/\(p.id!)/approvals",
                                                  ["year": 2023, "name": "施工许可", "department": "区住房城乡建设局", "applied": "2023-05-04", "promisedDays": 7])
            let (_, fresh) = try await office.send(.POST, "/api/v1/projects/\(p.id!)/approvals",
                                                   ["year": 2023, "name": "环评", "department": "区住房城乡建设局", "applied": "2023-06-28", "promisedDays": 7])
            func raise(_ client: TestClient, _ item: Any?, project: UUID? = nil) async throws -> (HTTPStatus, String) {
                var out: (HTTPStatus, String) = (.ok, "")
                let body = [("_csrf", client.csrfToken), ("item", "\(item ?? "")")]
                    .map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
                try await client.test(.POST, "/projects/\((project ?? p.id!).uuidString)/approvals/raise", beforeRequest: { req in
                    req.headers.contentType = .urlEncodedForm
                    req.body = ByteBuffer(string: body)
                }) { res in out = (res.status, res.body.string) }
                return out
            }
            try await office.test(.GET, "/projects/\(p.id!)") { res in #expect(res.body.string.contains("提交周例会")) }
            // Through another project's address the step is not found.
            let elsewhere = try #require(try await ProjectModel.query(on: app.db).filter(\.$id != p.id!).first())
            #expect(try await raise(office, late["id"], project: elsewhere.id!).0 == .notFound)
            let first = try await raise(try await app.as(.supervision), late["id"])
            #expect(first.0 == .ok && first.1.contains("已提交周例会"))
            let raised = try await ProblemModel.query(on: app.db).filter(\.$projectID == p.id!).all()
            let housing = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$name == "区住房城乡建设局").first())
            #expect(raised.count == 1 && raised[0].category == "手续审批" && raised[0].leadUnitID == housing.id && raised[0].title.contains("施工许可审批超时"))
            #expect(raised[0].description.contains("应于 2023-05-15 办结"))
            _ = try await raise(office, late["id"])
            #expect(try await ProblemModel.query(on: app.db).filter(\.$projectID == p.id!).count() == 1)
            #expect(try await raise(office, fresh["id"]).0 == .unprocessableEntity)
            let unit = try await app.as(.unit, unit: "区住房城乡建设局")
            #expect(try await raise(unit, late["id"]).0 == .forbidden)
        }
    }

    @Test func badStepsAreRefusedNamingTheField() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let (office, p) = try await Self.setUp(app)
            let path = "/api/v1/projects/\(p.id!)/approvals"
            let before = try await office.send(.POST, path, ["year": 2023, "name": "立项", "applied": "2023-03-10", "actual": "2023-03-01"])
            #expect(before.0 == .unprocessableEntity && "\(before.1)".contains("早于申报日期"))
            for days in [0, 10_000] {
                let bad = try await office.send(.POST, path, ["year": 2023, "name": "立项", "applied": "2023-03-01", "promisedDays": days])
                #expect(bad.0 == .unprocessableEntity && "\(bad.1)".contains("promisedDays"), "\(days)")
            }
            #expect(try await ApprovalItemModel.query(on: app.db).filter(\.$project.$id == p.id!).count() == 0)
            // A unit reaches only its own projects' chains.
            let unit = try await app.as(.unit, unit: "区住房城乡建设局")
            let mine = try await ReferenceEntryModel.query(on: app.db).filter(\.$name == "区住房城乡建设局").first()
            if p.$unit.id != mine?.id {
                #expect(try await unit.send(.POST, path, ["year": 2023, "name": "立项"]).0 == .notFound)
            }
        }
    }

    /// The hand-worked example of `ApprovalChainTests` through the API and the CLI: X received
    /// 3, done 2, on time 1, overdue 1, average 8.5, p80 10 (weekdays; the demo has no holidays
    /// in March).
    @Test func theDepartmentsFiguresAgreeOnTheAPIThePageAndTheCLI() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let (office, p) = try await Self.setUp(app)
            let path = "/api/v1/projects/\(p.id!)/approvals"
            let steps: [[String: Any]] = [
                ["name": "X1", "department": "测试审批局", "applied": "2023-03-01", "promisedDays": 10, "actual": "2023-03-10"],
                ["name": "X2", "department": "测试审批局", "applied": "2023-03-06", "promisedDays": 5, "actual": "2023-03-20"],
                ["name": "X3", "department": "测试审批局", "applied": "2023-03-20", "promisedDays": 5],
                ["name": "X4", "department": "测试审批局", "applied": "2023-04-10", "promisedDays": 5],
            ]
            for s in steps {
                var body = s
                body["year"] = 2023
                body["waivedReason"] = "测试"
                #expect(try await office.send(.POST, path, body).0 == .created)
            }
            var rows: [[String: Any]] = []
            try await office.test(.GET, "/api/v1/approvals/departments?from=2023-03-01&to=2023-03-31&asOf=2023-03-31") { res in
                #expect(res.status == .ok)
                rows = (try? JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [[String: Any]]) ?? []
            }
            let x = try #require(rows.first { $0["department"] as? String == "测试审批局" })
            #expect(x["received"] as? Int == 3 && x["done"] as? Int == 2 && x["onTime"] as? Int == 1 && x["overdue"] as? Int == 1)
            #expect(x["averageDays"] as? Double == 8.5 && x["p80Days"] as? Int == 10)
            #expect(try await office.send(.GET, "/api/v1/approvals/departments?from=2023-04-01&to=2023-03-01").0 == .badRequest)
            #expect(try await office.send(.GET, "/api/v1/approvals/departments?asOf=2023-02-30").0 == .badRequest)
            try await office.test(.GET, "/approvals/departments?from=2023-03-01&to=2023-03-31&asOf=2023-03-31") { res in
                #expect(res.body.string.contains("测试审批局") && res.body.string.contains("部门审批时效"))
            }
            // The CLI's year: the demo's four steps per new start are all on time; ours is among them.
            let out = try await app.run(command: ["report", "approvals", "--year", "2023", "--as-of", "2023-03-31", "--format", "json"])
            let cli = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
            let cx = try #require(cli.first { $0["department"] as? String == "测试审批局" })
            #expect(cx["received"] as? Int == 3 && cx["onTime"] as? Int == 1 && cx["p80Days"] as? Int == 10)
            let dev = try #require(cli.first { $0["department"] as? String == "区发展改革委" })
            #expect(dev["overdue"] as? Int == 0 && dev["done"] as? Int == dev["onTime"] as? Int)
        }
    }

    /// The items kept before the chain: their names, departments and dates stay, and each
    /// project's become steps in the order of their planned days.
    @Test func theItemsKeptBeforeBecomeChainsInTheOrderOfTheirDays() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let demo = try await ApprovalItemModel.query(on: app.db).all()
            #expect(demo.count == 114 && demo.allSatisfy { $0.actual != nil && $0.seq != nil && $0.applied != nil && $0.approvalNo != nil })
            // Back to the items as they were kept (the migration reverted), then forward again.
            let sql = try app.db.sql()
            try await AddApprovalChain().revert(on: app.db)
            let p = try #require(try await ProjectModel.query(on: app.db).sort(\.$code).first())
            for (name, target, actual) in [("施工许可", "2023-05-01", nil), ("立项", "2023-02-01", "2023-01-30"), ("用地", "2023-03-01", "2023-02-27")] as [(String, String, String?)] {
                try await sql.raw("""
                    INSERT INTO approval_items (id, district_id, project_id, year, name, department, target, actual, version)
                    VALUES (\(bind: UUID()), \(bind: p.$district.id), \(bind: p.id!), 2024, \(bind: name), '区发展改革委', \(bind: target), \(bind: actual), 1)
                    """).run()
            }
            try await AddApprovalChain().prepare(on: app.db)
            let kept = try await ApprovalEditor.items(projectID: p.id!, year: 2024, on: app.db)
            #expect(kept.map(\.name) == ["立项", "用地", "施工许可"] && kept.map(\.seq) == [1, 2, 3])
            #expect(kept.map { $0.target?.iso } == ["2023-02-01", "2023-03-01", "2023-05-01"] && kept[0].actual?.iso == "2023-01-30")
            #expect(try await ApprovalItemModel.query(on: app.db).count() == 117)
        }
    }
}
