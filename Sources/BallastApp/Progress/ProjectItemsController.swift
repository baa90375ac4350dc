import BallastCore
import BallastStore
import Fluent
import Vapor

/// A project's 节点计划 and 联审联批事项: read by whoever reads the project, edited by whoever
/// edits it (a unit only its own). Milestone changes recolour the year, since late nodes light
/// projects; reaching 开工/竣工/投产 moves the project's stage.
struct ProjectItemsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = routes.access(.requires(.readProjects))
        read.get(Site.API.projectMilestones, use: listMilestones)
        read.get(Site.API.projectApprovals, use: listApprovals)
        read.get(Site.API.approvalsRate, use: rate)
        let edit = routes.access(.requires(.editProjects))
        edit.post(Site.API.projectMilestones, use: addMilestoneAPI)
        edit.post(Site.API.projectMilestonesTemplate, use: templateAPI)
        edit.put(Site.API.milestone, use: updateMilestoneAPI)
        edit.delete(Site.API.milestone, use: deleteMilestoneAPI)
        edit.post(Site.API.projectApprovals, use: addApprovalAPI)
        edit.post(Site.API.projectApprovalsTemplate, use: approvalTemplateAPI)
        edit.put(Site.API.approval, use: updateApprovalAPI)
        edit.delete(Site.API.approval, use: deleteApprovalAPI)
        edit.post(Site.projectMilestones, use: milestonePage)
        edit.post(Site.projectApprovals, use: approvalPage)
        routes.access(.requires(.superviseProblems)).post(Site.projectApprovalRaise, use: raisePage)
    }

    func context(_ req: Request) throws -> ProjectItemContext { try req.itemContext() }

    static func itemID(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("item").flatMap(UUID.init(uuidString:)) else {
            throw BallastError.notFound(Message(zh: "该节点或事项不存在", en: "No such milestone or item"))
        }
        return id
    }

    /// The project's year: `year` in the body or query, else the district's current plan year.
    func year(_ explicit: Int?, _ req: Request) async throws -> Int {
        try await RequestParameters.yearOrDefault(explicit, req, district: try req.district())
    }

    // MARK: Milestones

    struct MilestoneDTO: Content {
        var id: UUID
        var year: Int
        var seq: Int
        var name: String
        var planned: String
        var actual: String?
        var unit: String?
        var version: Int
        /// Set when this change moved the project's stage (开工 → 在建 …).
        var stageMovedTo: String?
    }

    struct MilestoneBody: Content {
        var year: Int?
        var seq: Int?
        var name: String?
        var planned: String?
        var actual: String?
        var unit: String?
        var version: Int?

        func fields() throws -> MilestoneEditor.Fields {
            MilestoneEditor.Fields(name: name ?? "", planned: try RequestParameters.present(RequestParameters.date(planned, field: "planned", required: true), "planned"),
                                   actual: try RequestParameters.date(actual, field: "actual"), unit: unit, seq: seq)
        }
    }

    func unitNames(_ req: Request) async throws -> [UUID: String] {
        try await ReferenceLists.namesByID(.unit, districtID: req.district().requireID(), on: req.db)
    }

    func dto(_ m: MilestoneModel, units: [UUID: String], moved: LifecycleStage? = nil) throws -> MilestoneDTO {
        MilestoneDTO(id: try m.requireID(), year: m.year, seq: m.seq, name: m.name, planned: m.planned.iso, actual: m.actual?.iso,
                     unit: m.unitID.flatMap { units[$0] }, version: m.version, stageMovedTo: moved?.rawValue)
    }

    func listMilestones(req: Request) async throws -> [MilestoneDTO] {
        let project = try await req.scopedProject(try RequestParameters.uuid(req, "id"))
        let year = try await year(nil, req)
        let units = try await unitNames(req)
        return try await MilestoneEditor.nodes(projectID: project.id, year: year, on: req.db).map { try dto($0, units: units) }
    }

    func addMilestoneAPI(req: Request) async throws -> Response {
        let body = try req.content.decode(MilestoneBody.self)
        let year = try await year(body.year, req)
        let saved = try await MilestoneEditor(context: try context(req))
            .add(projectID: try RequestParameters.uuid(req, "id"), year: year, try body.fields(), on: req.db)
        return try await dto(saved.milestone, units: unitNames(req), moved: saved.movedTo).encodeResponse(status: .created, for: req)
    }

    func updateMilestoneAPI(req: Request) async throws -> MilestoneDTO {
        let body = try req.content.decode(MilestoneBody.self)
        let saved = try await MilestoneEditor(context: try context(req))
            .update(id: try Self.itemID(req), version: try RequestParameters.version(body.version), try body.fields(), on: req.db)
        return try dto(saved.milestone, units: try await unitNames(req), moved: saved.movedTo)
    }

    func deleteMilestoneAPI(req: Request) async throws -> HTTPStatus {
        let id = try Self.itemID(req)
        try await MilestoneEditor(context: try context(req)).delete(id: id, version: try RequestParameters.version(req.param("version").flatMap(Int.init)), on: req.db)
        return .noContent
    }

    struct TemplateDTO: Content { var added: Int }

    func templateAPI(req: Request) async throws -> TemplateDTO {
        struct Body: Content { var year: Int? }
        let year = try await year(try? req.content.decode(Body.self).year, req)
        let added = try await MilestoneEditor(context: try context(req))
            .applyTemplate(.standard, projectID: try RequestParameters.uuid(req, "id"), year: year, on: req.db)
        return TemplateDTO(added: added)
    }

    // MARK: Approvals

    /// A step of the chain with what the clock derives from it, as of the district's day.
    struct ApprovalDTO: Content {
        var id: UUID
        var year: Int
        var seq: Int?
        var name: String
        var department: String?
        var applied: String?
        var promisedDays: Int?
        var target: String?
        var actual: String?
        var approvalNo: String?
        var waivedReason: String?
        /// waiting | in-progress | overdue | done (`ApprovalClock`), with the day it is due and
        /// the working days it has taken.
        var state: String
        var due: String?
        var workingDays: Int?
        var version: Int

        init(_ a: ApprovalItemModel, clock: ApprovalClock, asOf: CalendarDate) throws {
            id = try a.requireID(); year = a.year; seq = a.seq; name = a.name; department = a.department
            applied = a.applied?.iso; promisedDays = a.promisedDays; target = a.target?.iso; actual = a.actual?.iso
            approvalNo = a.approvalNo; waivedReason = a.waivedReason; version = a.version
            let step = a.step
            state = clock.state(step, asOf: asOf).rawValue; due = clock.due(step)?.iso; workingDays = clock.workingDays(step, asOf: asOf)
        }
    }

    struct ApprovalBody: Content {
        var year: Int?
        var seq: Int?
        var name: String?
        var department: String?
        var applied: String?
        var promisedDays: Int?
        var target: String?
        var actual: String?
        var approvalNo: String?
        var waivedReason: String?
        var version: Int?

        enum CodingKeys: String, CodingKey {
            case year, seq, name, department, applied, promisedDays, target, actual, approvalNo, waivedReason, version
        }

        /// A page's form sends an empty box as "" and numbers as text; JSON sends numbers. Both
        /// are read, and a number that is neither is refused naming its field.
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            func number(_ key: CodingKeys) throws -> Int? {
                if let n = try? c.decodeIfPresent(Int.self, forKey: key) { return n }
                guard let text = try? c.decodeIfPresent(String.self, forKey: key) else {
                    if c.contains(key), (try? c.decodeNil(forKey: key)) != true {
                        throw BallastError.badParameter(key.rawValue, zh: "\(key.rawValue) 应为整数", en: "\(key.rawValue) must be a whole number")
                    }
                    return nil
                }
                let t = text.trimmingCharacters(in: .whitespaces)
                if t.isEmpty { return nil }
                guard t.count <= 9, let n = Int(t) else {
                    throw BallastError.badParameter(key.rawValue, zh: "\(key.rawValue) 应为整数，实为“\(t.prefix(20))”", en: "\(key.rawValue) must be a whole number, not “\(t.prefix(20))”")
                }
                return n
            }
            year = try number(.year); seq = try number(.seq); promisedDays = try number(.promisedDays); version = try number(.version)
            name = try c.decodeIfPresent(String.self, forKey: .name)
            department = try c.decodeIfPresent(String.self, forKey: .department)
            applied = try c.decodeIfPresent(String.self, forKey: .applied)
            target = try c.decodeIfPresent(String.self, forKey: .target)
            actual = try c.decodeIfPresent(String.self, forKey: .actual)
            approvalNo = try c.decodeIfPresent(String.self, forKey: .approvalNo)
            waivedReason = try c.decodeIfPresent(String.self, forKey: .waivedReason)
        }

        func fields() throws -> ApprovalEditor.Fields {
            ApprovalEditor.Fields(name: name ?? "", department: department,
                                  target: try RequestParameters.date(target, field: "target"),
                                  actual: try RequestParameters.date(actual, field: "actual"), seq: seq,
                                  applied: try RequestParameters.date(applied, field: "applied"), promisedDays: promisedDays,
                                  approvalNo: approvalNo, waivedReason: waivedReason)
        }
    }

    /// The district's clock and day, for a step's derived state.
    func clock(_ req: Request) async throws -> (ApprovalClock, CalendarDate) {
        let d = try req.district()
        let settings = try await SupervisionSettings.load(districtID: try d.requireID(), on: req.db)
        return (ApprovalClock(calendar: settings.calendar), DistrictContext.today(in: d))
    }

    func listApprovals(req: Request) async throws -> [ApprovalDTO] {
        let project = try await req.scopedProject(try RequestParameters.uuid(req, "id"))
        let year = try await year(nil, req)
        let (clock, today) = try await clock(req)
        return try await ApprovalEditor.items(projectID: project.id, year: year, on: req.db).map { try ApprovalDTO($0, clock: clock, asOf: today) }
    }

    func addApprovalAPI(req: Request) async throws -> Response {
        let body = try req.content.decode(ApprovalBody.self)
        let a = try await ApprovalEditor(context: try context(req))
            .add(projectID: try RequestParameters.uuid(req, "id"), year: try await year(body.year, req), try body.fields(), on: req.db)
        let (clock, today) = try await clock(req)
        return try await ApprovalDTO(a, clock: clock, asOf: today).encodeResponse(status: .created, for: req)
    }

    func approvalTemplateAPI(req: Request) async throws -> TemplateDTO {
        struct Body: Content { var year: Int? }
        let year = try await year(try? req.content.decode(Body.self).year, req)
        return TemplateDTO(added: try await ApprovalEditor(context: try context(req))
            .applyTemplate(projectID: try RequestParameters.uuid(req, "id"), year: year, on: req.db))
    }

    func updateApprovalAPI(req: Request) async throws -> ApprovalDTO {
        let body = try req.content.decode(ApprovalBody.self)
        let a = try await ApprovalEditor(context: try context(req))
            .update(id: try Self.itemID(req), version: try RequestParameters.version(body.version), try body.fields(), on: req.db)
        let (clock, today) = try await clock(req)
        return try ApprovalDTO(a, clock: clock, asOf: today)
    }

    func deleteApprovalAPI(req: Request) async throws -> HTTPStatus {
        try await ApprovalEditor(context: try context(req))
            .delete(id: try Self.itemID(req), version: try RequestParameters.version(req.param("version").flatMap(Int.init)), on: req.db)
        return .noContent
    }

    struct RateDTO: Content {
        var year: Int
        var asOf: String
        var total: Int
        var approved: Int
        var onTime: Int
        var overdue: Int
        /// Approved ÷ total in percent (one decimal); null when the year has no items.
        var percent: Double?
    }

    func rate(req: Request) async throws -> RateDTO {
        let d = try req.district()
        let year = try await year(nil, req)
        let asOf = try RequestParameters.asOf(req, district: d, year: year)
        let r = try await ApprovalRateQuery.run(districtID: try d.requireID(), year: year, asOf: asOf,
                                                scopeUnitID: try req.requirePrincipal().scopeUnitID, on: req.db)
        return RateDTO(year: year, asOf: asOf.iso, total: r.total, approved: r.approved, onTime: r.onTime, overdue: r.overdue, percent: r.percent)
    }

    // MARK: Page forms

    /// What a row's form asks for (`add`, `update`, `delete`, `template`) and which row; the
    /// fields themselves decode as the API's body.
    struct RowAction: Content {
        var action: String?
        var item: UUID?
    }

    func milestonePage(req: Request) async throws -> Response {
        let f = try req.content.decode(RowAction.self)
        let body = try req.content.decode(MilestoneBody.self)
        return try await PageOutcome.onProjectPage(req) {
            let editor = MilestoneEditor(context: try context(req))
            let projectID = try RequestParameters.uuid(req, "id")
            let year = try await year(body.year, req)
            var message = UIText.saved
            switch f.action {
            case "template":
                let n = try await editor.applyTemplate(.standard, projectID: projectID, year: year, on: req.db)
                message = Message(zh: "已套用节点模板：\(n) 个节点", en: "Template applied: \(n) nodes")
            case "delete":
                try await editor.delete(id: try f.item.orThrow(), version: try RequestParameters.version(body.version), on: req.db)
                message = Message(zh: "已删除节点", en: "Node deleted")
            case "update":
                let saved = try await editor.update(id: try f.item.orThrow(), version: try RequestParameters.version(body.version), try body.fields(), on: req.db)
                if let s = saved.movedTo { message = Message(zh: "已保存；项目阶段转为“\(s.rawValue)”", en: "Saved; the project is now \(s.englishName)") }
            default:
                let saved = try await editor.add(projectID: projectID, year: year, try body.fields(), on: req.db)
                if let s = saved.movedTo { message = Message(zh: "已添加；项目阶段转为“\(s.rawValue)”", en: "Added; the project is now \(s.englishName)") }
            }
            return message
        }
    }

    func approvalPage(req: Request) async throws -> Response {
        let f = try req.content.decode(RowAction.self)
        let body = try req.content.decode(ApprovalBody.self)
        return try await PageOutcome.onProjectPage(req) {
            let editor = ApprovalEditor(context: try context(req))
            switch f.action {
            case "delete":
                try await editor.delete(id: try f.item.orThrow(), version: try RequestParameters.version(body.version), on: req.db)
                return Message(zh: "已删除事项", en: "Item deleted")
            case "update":
                _ = try await editor.update(id: try f.item.orThrow(), version: try RequestParameters.version(body.version), try body.fields(), on: req.db)
            case "add":
                _ = try await editor.add(projectID: try RequestParameters.uuid(req, "id"), year: try await year(body.year, req),
                                         try body.fields(), on: req.db)
            case "template":
                let n = try await editor.applyTemplate(projectID: try RequestParameters.uuid(req, "id"), year: try await year(body.year, req), on: req.db)
                return Message(zh: "已套用前期手续模板：\(n) 项", en: "Template applied: \(n) steps")
            default:
                throw BallastError.badParameter("action", zh: "未知的操作“\((f.action ?? "").prefix(20))”", en: "Unknown action “\((f.action ?? "").prefix(20))”")
            }
            return UIText.saved
        }
    }

    /// 提交周例会: an overdue step of this project raised as a problem (the office, 督查室).
    func raisePage(req: Request) async throws -> Response {
        let f = try req.content.decode(RowAction.self)
        return try await PageOutcome.onProjectPage(req) {
            let p = try await ApprovalEscalation.raise(stepID: try f.item.orThrow(), projectID: try RequestParameters.uuid(req, "id"),
                                                       context: try context(req), on: req.db)
            return Message(zh: "已提交周例会：问题“\(p.title)”", en: "Raised to the weekly meeting: “\(p.title)”")
        }
    }
}

extension Optional where Wrapped == UUID {
    /// A form's item id, or "not found" naming what is missing.
    func orThrow() throws -> UUID {
        guard let self else { throw BallastError.badParameter("item", zh: "缺少节点或事项编号", en: "The item is missing") }
        return self
    }
}
