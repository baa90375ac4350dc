import BallastCore
import BallastStore
import Fluent
import Vapor

/// 领导分包 and 领导批示 (issue 28). 我联系的项目 (`/leader`, `GET /api/v1/leader`) is a linked
/// 区领导's own; the list of 批示 and the figures per leader are read by whoever reads projects
/// (a unit: the 批示 addressed to it or on its projects); a 批示 is given by a leader
/// (`giveInstructions`) and worked through its steps by the units addressed, the leader who gave
/// it and the office or 督查室 (`workInstructions`, the problem's rules deciding which step).
/// A 批示's page is the problem page; its steps post here.
struct InstructionsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = routes.access(.requires(.readProjects))
        read.get(Site.instructions, use: listPage)
        read.get(Site.API.instructions, use: listAPI)
        read.get(Site.API.instructionsFigures, use: figuresAPI)
        read.get(Site.API.instruction, use: detailAPI)
        let leader = routes.access(.requires(.giveInstructions))
        leader.get(Site.leaderDesk, use: deskPage)
        leader.get(Site.instructionNew, use: newPage)
        leader.get(Site.API.leaderDesk, use: deskAPI)
        leader.post(Site.API.instructions, use: giveAPI)
        leader.post(Site.instructions, use: givePage)
        let work = routes.access(.requires(.workInstructions))
        work.post(Site.API.instructionSteps, use: stepAPI)
        work.post(Site.instructionSteps, use: stepPage)
    }

    static let noInstruction = Message(zh: "批示不存在", en: "No such instruction")

    func editor(_ req: Request) throws -> InstructionEditor {
        let p = try req.requirePrincipal()
        return InstructionEditor(context: try req.itemContext(), leader: p.may(.giveInstructions) ? p.leaderName : nil,
                                 supervisor: p.may(.superviseProblems))
    }

    // MARK: Bodies and DTOs

    /// Exactly one of `projectID`, `problemID`, `documentID`; the units lead first.
    struct GiveBody: Content {
        init() {}
        var projectID: String?
        var problemID: String?
        var documentID: String?
        var text: String?
        var units: ProblemsController.NameList?
        /// A form's lead unit and other units, joined into `units`.
        var leadUnit: String?
        var otherUnits: ProblemsController.NameList?
        var deadline: String?

        /// What it is given on: exactly one of the three ids.
        func subject() throws -> Instruction.Subject {
            let given = [("projectID", projectID), ("problemID", problemID), ("documentID", documentID)]
                .compactMap { name, raw in raw?.trimmed.nilIfEmpty.map { (name, $0) } }
            guard given.count == 1, let (field, raw) = given.first else {
                throw BallastError.badParameter("projectID", zh: "请指明批示对象：projectID、problemID、documentID 三者之一",
                                                en: "Say what the instruction is on: one of projectID, problemID, documentID")
            }
            guard let id = UUID(uuidString: raw) else {
                throw BallastError.badParameter(field, zh: "\(field) 不是有效的编号", en: "\(field) is not an id")
            }
            return field == "projectID" ? .project(id) : field == "problemID" ? .problem(id) : .document(id)
        }

        func give() throws -> InstructionEditor.Give {
            let subject = try subject()
            var names = units?.names ?? []
            if let lead = leadUnit?.trimmed, !lead.isEmpty { names = [lead] + (otherUnits?.names ?? []) + names }
            return .init(subject: subject, text: text ?? "", units: names, deadline: try RequestParameters.date(deadline, field: "deadline"))
        }
    }

    struct TallyDTO: Content {
        var leader: String, projects: Int, lit: Int, given: Int, done: Int, onTime: Int, overdue: Int
        var doneRate: Double?, onTimeRate: Double?
        init(_ t: LeaderTally) {
            leader = t.leader; projects = t.projects; lit = t.lit; given = t.given; done = t.done; onTime = t.onTime; overdue = t.overdue
            doneRate = t.doneRate; onTimeRate = t.onTimeRate
        }
    }

    struct FiguresDTO: Content { var year: Int; var asOf: String; var leaders: [TallyDTO] }

    struct DeskDTO: Content {
        struct Project: Content {
            var id: UUID, code: String, name: String, unit: String, colour: String?, reasons: [String], completion: Double?
            var openProblems: Int, overdueProblems: Int, openInstructions: Int
        }
        struct Change: Content { var on: String; var kind: String; var projectID: UUID?; var problemID: UUID?; var what: String }
        var leader: String, year: Int, asOf: String, since: String
        var figures: TallyDTO
        var projects: [Project]
        var instructions: [ProblemsController.RowDTO]
        var changes: [Change]
    }

    // MARK: Reading

    struct Window { var year: Int; var asOf: CalendarDate; var today: CalendarDate }

    static func window(_ req: Request) async throws -> Window {
        let d = try req.district()
        let year = try await RequestParameters.yearOrDefault(nil, req, district: d)
        let today = DistrictContext.today(in: d)
        // Figures of a day to come would count what has not happened.
        let asOf = try RequestParameters.pastDay(req, district: d, year: year)
        return Window(year: year, asOf: asOf, today: today)
    }

    /// The year's 批示 given by the day, each as it stood then (`ProblemQuery`'s reading of a past day).
    func filter(_ req: Request, _ w: Window) throws -> ProblemQuery.Filter {
        var f = ProblemQuery.Filter(status: .all, kind: .instruction)
        f.raisedFrom = CalendarDate.clamped(year: w.year, month: 1, day: 1)
        f.raisedTo = min(CalendarDate.clamped(year: w.year, month: 12, day: 31), w.asOf)
        f.asOf = w.asOf
        if let raw = req.param("status"), !raw.isEmpty {
            guard let s = ProblemQuery.StatusFilter(rawValue: raw) else {
                throw BallastError.badParameter("status", zh: "status 应为 open、overdue、solved 或 all，实为“\(raw)”",
                                                en: "status must be open, overdue, solved or all, not “\(raw)”")
            }
            f.status = s
        }
        f.leader = req.param("leader")?.trimmed.nilIfEmpty
        f.projectID = req.param("project").flatMap(UUID.init(uuidString:))
        return f
    }

    func list(_ req: Request) async throws -> (Int, [ProblemQuery.Row]) {
        let paging = try RequestParameters.paging(req, perPage: 100, maxPerPage: 200)
        let d = try req.district()
        return try await ProblemQuery.list(districtID: try d.requireID(), filter: try filter(req, try await Self.window(req)), today: DistrictContext.today(in: d),
                                           scopeUnitID: try req.requirePrincipal().scopeUnitID, limit: paging.perPage, offset: paging.offset, on: req.db)
    }

    func listAPI(req: Request) async throws -> ProblemsController.ListDTO {
        let (total, rows) = try await list(req)
        return .init(total: total, items: rows.map(ProblemsController.RowDTO.init))
    }

    func detailAPI(req: Request) async throws -> ProblemsController.DetailDTO {
        let d = try req.district()
        guard let detail = try await ProblemQuery.detail(id: try req.id("problem", orElse: Self.noInstruction), districtID: try d.requireID(),
                                                         today: DistrictContext.today(in: d), scopeUnitID: try req.requirePrincipal().scopeUnitID, on: req.db),
              detail.row.kind == .instruction else { throw BallastError.notFound(Self.noInstruction) }
        return ProblemsController.DetailDTO(detail)
    }

    /// Per leader; a unit reads the leaders' figures too (they are the district's, not its own).
    /// Kept under the data version: every leader's figures read every project's light.
    static func figures(_ req: Request, _ w: Window) async throws -> [LeaderTally] {
        let districtID = try req.district().requireID(), leader = req.param("leader")?.trimmed.nilIfEmpty, db = req.db
        return try await req.answer("leader-figures \(w.year) \(w.asOf.iso) \(leader ?? "-")") {
            try await LeaderDesk.figures(districtID: districtID, year: w.year, asOf: w.asOf, today: w.today, leader: leader, on: db)
        }
    }

    func figuresAPI(req: Request) async throws -> FiguresDTO {
        let w = try await Self.window(req)
        return FiguresDTO(year: w.year, asOf: w.asOf.iso, leaders: try await Self.figures(req, w).map(TallyDTO.init))
    }

    /// The leader's desk, recording the visit (the changes are counted from the one before).
    func desk(_ req: Request) async throws -> LeaderDesk.View {
        let p = try req.requirePrincipal()
        // Not a refusal of access: the account is a leader's, only not yet linked to a name.
        guard let leader = p.leaderName else { throw ProjectItemContext.Failure.refused([FieldProblem("leader", InstructionText.notLinked)]) }
        let w = try await Self.window(req)
        let since: CalendarDate
        if w.asOf < w.today {
            // A past day is not a visit: it tells the week before that day.
            since = w.asOf.adding(days: -LeaderDesk.firstVisitDays)
        } else if let id = p.userID {
            since = try await LeaderDesk.visit(userID: id, today: w.today, on: req.db)
        } else {
            since = w.today.adding(days: -LeaderDesk.firstVisitDays)
        }
        // Kept under the data version for this leader and the day their changes are counted
        // from (the visit above moves it, and with it the key).
        let districtID = try p.district.requireID(), username = p.name, db = req.db
        return try await req.answer("leader-desk \(leader) \(username) \(w.year) \(w.asOf.iso) since \(since.iso)") {
            try await LeaderDesk.view(districtID: districtID, year: w.year, day: w.asOf, today: w.today, leader: leader,
                                      username: username, since: since, on: db)
        }
    }

    func deskAPI(req: Request) async throws -> DeskDTO {
        let v = try await desk(req)
        let lang = req.language
        return DeskDTO(leader: v.leader, year: v.year, asOf: v.day.iso, since: v.since.iso, figures: TallyDTO(v.tally),
                       projects: v.projects.map { l in
                           .init(id: l.project.id, code: l.project.code, name: l.project.name, unit: l.project.unit,
                                 colour: l.project.warning?.colour.rawValue, reasons: l.project.warning?.reasons.map { $0.text(lang) } ?? [],
                                 completion: l.project.completion, openProblems: l.openProblems, overdueProblems: l.overdueProblems,
                                 openInstructions: l.openInstructions)
                       },
                       instructions: v.instructions.map(ProblemsController.RowDTO.init),
                       changes: v.changes.map { .init(on: $0.on.iso, kind: $0.kind.rawValue, projectID: $0.projectID, problemID: $0.problemID, what: $0.what.text(lang)) })
    }

    // MARK: Writing

    func giveAPI(req: Request) async throws -> Response {
        let p = try await editor(req).give(try req.content.decode(GiveBody.self).give(), on: req.db)
        req.parameters.set("problem", to: try p.requireID().uuidString)
        return try await detailAPI(req: req).encodeResponse(status: .created, for: req)
    }

    func step(_ req: Request, _ b: ProblemsController.StepBody) async throws -> ProblemModel {
        let action = try ProblemsController.action(b)
        return try await editor(req).act(id: try req.id("problem", orElse: Self.noInstruction), version: try RequestParameters.version(b.version),
                                         action, note: b.note,
                                         deadline: action == .deadline ? try RequestParameters.date(b.deadline, field: "deadline") : nil, on: req.db)
    }

    func stepAPI(req: Request) async throws -> ProblemsController.DetailDTO {
        _ = try await step(req, try req.content.decode(ProblemsController.StepBody.self))
        return try await detailAPI(req: req)
    }

    // MARK: Pages

    func deskPage(req: Request) async throws -> Response {
        let w = try await Self.window(req)
        guard try req.requirePrincipal().leaderName != nil else {
            let t = InstructionText.deskTitle.text(req.language)
            return .html(Layout.page(title: t, lang: req.language, section: .leader, path: Site.leaderDesk.link,
                                     .h1(.text(t)), .div(.class("alert pending"), .text(InstructionText.notLinked.text(req.language)))))
        }
        // A leader scores 观摩 too, and has no 工作台: the tours waiting for their score are here.
        let p = try req.requirePrincipal()
        let tours = try await InspectionQuery.work(districtID: try req.district().requireID(), username: p.name, office: false,
                                                   today: w.today, on: req.db)
        return .html(InstructionDeskPage(view: try await desk(req), asOf: w.asOf, tours: tours, lang: req.language).render())
    }

    func listPage(req: Request) async throws -> Response {
        let w = try await Self.window(req)
        let (total, rows) = try await list(req)
        let leaders = try await ReferenceLists.names(districtID: try req.district().requireID(), kind: .leader, on: req.db)
        let page = InstructionsPage(window: w, figures: try await Self.figures(req, w), total: total, rows: rows, leaders: leaders,
                                    leader: req.param("leader")?.trimmed.nilIfEmpty, status: req.param("status") ?? "all", lang: req.language)
        return .html(page.render())
    }

    /// The form, for what the query names; the subject's name and unit read in the caller's scope.
    func newPage(req: Request) async throws -> Response {
        var body = GiveBody()
        body.projectID = req.param("project"); body.problemID = req.param("problem"); body.documentID = req.param("document")
        return try await renderNew(req, body: body, notice: nil, status: .ok)
    }

    func renderNew(_ req: Request, body: GiveBody, notice: PageNotice?, status: HTTPStatus) async throws -> Response {
        let d = try req.district()
        // The subject alone: a refused deadline or unit must not lose the form.
        let subject = try await InstructionSubject.load(try body.subject(), districtID: try d.requireID(), on: req.db)
        let units = try await ReferenceLists.names(districtID: try d.requireID(), kind: .unit, on: req.db)
        let page = InstructionNewPage(subject: subject, body: body, units: units, leader: try req.requirePrincipal().leaderName,
                                      today: DistrictContext.today(in: d), notice: notice, lang: req.language)
        return .html(page.render(), status: status)
    }

    /// Given: on to the 批示's own page. Refused: the form again, with what was typed and why.
    func givePage(req: Request) async throws -> Response {
        let body = try req.content.decode(GiveBody.self)
        var created: ProblemModel?
        let response = try await PageOutcome.run(req, work: {
            created = try await editor(req).give(try body.give(), on: req.db)
            return InstructionText.given_
        }) { notice, status in try await renderNew(req, body: body, notice: notice, status: status) }
        if let id = created?.id { return req.redirect(to: Layout.link(Site.problem.link(id), req.language)) }
        return response
    }

    func stepPage(req: Request) async throws -> Response {
        let body = try req.content.decode(ProblemsController.StepBody.self)
        return try await PageOutcome.run(req, work: {
            ProblemsController.stepDone(body, try await step(req, body))
        }) { notice, status in try await ProblemsController().renderDetail(req, notice: notice, status: status, typed: notice.ok ? nil : body) }
    }
}
