import BallastCore
import BallastStore
import Fluent
import Vapor

/// 问题台账: problems raised against projects and enterprises (and meeting decisions, tracked
/// the same way), their steps, and the figures the district reports. Read by whoever reads
/// projects (a unit: what it raised, leads, assists, or is on its projects); raised and
/// answered by whoever works problems; assigned and re-timed by the office and 督查室, which
/// the editor checks step by step.
struct ProblemsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = routes.access(.requires(.readProjects))
        read.get(Site.problems, use: listPage)
        read.get(Site.problem, use: detailPage)
        read.get(Site.API.problems, use: listAPI)
        read.get(Site.API.problemsFigures, use: figuresAPI)
        read.get(Site.API.problemsOverdue, use: overdueAPI)
        read.get(Site.API.problem, use: detailAPI)
        read.get(Site.API.problemAttachment, use: download)
        let work = routes.access(.requires(.workProblems))
        work.on(.POST, Site.API.problemAttachments, body: .collect(maxSize: Self.attachmentLimit), use: attachAPI)
            .uploads(Self.attachmentLimit)
        work.on(.POST, Site.problemAttachments, body: .collect(maxSize: Self.attachmentLimit), use: attachPage)
            .uploads(Self.attachmentLimit)
        work.post(Site.API.problems, use: raiseAPI)
        work.post(Site.API.problemSteps, use: stepAPI)
        work.post(Site.problems, use: raisePage)
        work.post(Site.problemSteps, use: stepPage)
    }

    static let noProblem = Message(zh: "问题不存在", en: "No such problem")
    /// The attachment limit plus room for a multipart envelope.
    static let attachmentLimit: ByteCount = .init(value: ProblemAttachments.maxBytes + 64 * 1024)

    func editor(_ req: Request) throws -> ProblemEditor {
        ProblemEditor(context: try req.itemContext(), supervisor: try req.requirePrincipal().may(.superviseProblems))
    }

    // MARK: Bodies

    /// Units named as a JSON list, or in one text separated by 、 or commas (a form field).
    struct NameList: Codable, Sendable {
        var names: [String]
        init(_ names: [String]) { self.names = names }
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            // A form's one text field ("甲、乙", as its label says) is tried first: a form decoder
            // would also read it as a list of one name, "甲、乙", and refuse it as unknown.
            if let text = try? c.decode(String.self) {
                names = text.split(whereSeparator: { "、,，;；".contains($0) }).map { String($0).trimmed }.filter { !$0.isEmpty }
                return
            }
            names = try c.decode([String].self).map(\.trimmed).filter { !$0.isEmpty }
        }
        func encode(to encoder: any Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(names) }
    }

    struct AssignFields: Content {
        var leadUnit: String?
        var assistingUnits: NameList?
        var leader: String?
        var path: String?
        var deadline: String?

        func assignment() throws -> ProblemEditor.Assignment? {
            guard let lead = leadUnit?.trimmed, !lead.isEmpty else { return nil }
            return .init(leadUnit: lead, assistingUnits: assistingUnits?.names ?? [], leader: leader, path: path,
                         deadline: try RequestParameters.date(deadline, field: "deadline"))
        }
    }

    struct RaiseBody: Content {
        var projectID: String?
        var projectCode: String?
        var enterpriseID: String?
        var enterprise: String?
        var category: String?
        var title: String?
        var description: String?
        /// JSON true/false; a form checkbox sends "on".
        var major: String?
        var leadUnit: String?
        var assistingUnits: NameList?
        var leader: String?
        var path: String?
        var deadline: String?

        var isMajor: Bool { ["on", "true", "1", "是"].contains(major?.lowercased() ?? "") }
        var assign: AssignFields { AssignFields(leadUnit: leadUnit, assistingUnits: assistingUnits, leader: leader, path: path, deadline: deadline) }
    }

    /// JSON bodies may send `major` as a boolean.
    static func raiseBody(_ req: Request) throws -> RaiseBody {
        if req.headers.contentType == .json, let data = req.body.data,
           var object = try? JSONSerialization.jsonObject(with: Data(buffer: data)) as? [String: Any] {
            if let b = object["major"] as? Bool { object["major"] = b ? "true" : "false" }
            return try JSONDecoder().decode(RaiseBody.self, from: try JSONSerialization.data(withJSONObject: object))
        }
        return try req.content.decode(RaiseBody.self)
    }

    struct StepBody: Content {
        var action: String?
        var note: String?
        var version: Int?
        var deadline: String?
        var leadUnit: String?
        var assistingUnits: NameList?
        var leader: String?
        var path: String?
    }

    // MARK: DTOs

    struct RowDTO: Content {
        var id: UUID, kind: String, title: String, category: String, major: Bool
        var projectID: UUID?, projectCode: String?, projectName: String?, enterpriseID: UUID?, enterprise: String?, meetingID: UUID?
        var leadUnit: String?, leader: String?, status: String, raisedBy: String, raisedOn: String
        var deadline: String?, originalDeadline: String?, resolvedOn: String?, overdue: Bool, version: Int
        init(_ r: ProblemQuery.Row) {
            id = r.id; kind = r.kind.rawValue; title = r.title; category = r.category; major = r.major; projectID = r.projectID
            projectCode = r.projectCode; projectName = r.projectName; enterpriseID = r.enterpriseID; enterprise = r.enterprise
            meetingID = r.meetingID; leadUnit = r.leadUnit; leader = r.leader; status = r.status.rawValue; raisedBy = r.raisedBy
            raisedOn = r.raisedOn.iso; deadline = r.deadline?.iso; originalDeadline = r.originalDeadline?.iso; resolvedOn = r.resolvedOn?.iso
            overdue = r.overdue; version = r.version
        }
    }

    struct DetailDTO: Content {
        struct Step: Content { var seq: Int; var action: String; var status: String; var deadline: String?; var on: String; var actor: String; var note: String? }
        struct Clock: Content { var step: String; var due: String; var doneOn: String?; var late: Bool }
        var problem: RowDTO
        var description: String
        var path: String?
        var assistingUnits: [String]
        var assignedOn: String?
        var clocks: [Clock]
        var steps: [Step]
        var attachments: [Attachment] = []
        struct Attachment: Content { var id: UUID; var fileName: String; var size: Int; var uploadedBy: String; var uploadedAt: Date; var url: String }
        init(_ d: ProblemQuery.Detail) {
            problem = RowDTO(d.row); description = d.description; path = d.path; assistingUnits = d.assistingUnits; assignedOn = d.assignedOn?.iso
            clocks = d.clocks.map { Clock(step: $0.step.rawValue, due: $0.due.iso, doneOn: $0.doneOn?.iso, late: $0.isLate) }
            steps = d.steps.map { Step(seq: $0.seq, action: $0.action, status: $0.status, deadline: $0.deadline?.iso, on: $0.on.iso, actor: $0.actor, note: $0.note) }
        }
    }

    struct ListDTO: Content { var total: Int; var items: [RowDTO] }

    struct TallyDTO: Content {
        var group: String, raised: Int, solved: Int, onTime: Int, open: Int, overdue: Int
        var resolutionRate: Double?, onTimeRate: Double?, averageDaysToResolve: Double?
        init(_ l: ProblemFigures.Line) {
            group = l.group; raised = l.tally.raised; solved = l.tally.solved; onTime = l.tally.onTime; open = l.tally.open
            overdue = l.tally.overdue; resolutionRate = l.tally.resolutionRate; onTimeRate = l.tally.onTimeRate
            averageDaysToResolve = l.tally.averageDaysToResolve
        }
    }

    struct FiguresDTO: Content { var from: String; var to: String; var asOf: String; var by: String; var kind: String; var lines: [TallyDTO] }
    struct OverdueDTO: Content { var unit: String; var overdue: Int }

    // MARK: Reading

    func filter(_ req: Request) async throws -> ProblemQuery.Filter {
        let status: ProblemQuery.StatusFilter
        switch req.param("status") ?? "" {
        case "": status = .open
        case let raw:
            guard let s = ProblemQuery.StatusFilter(rawValue: raw) else {
                throw BallastError.badParameter("status", zh: "status 应为 open、overdue、solved 或 all，实为“\(raw)”",
                                                en: "status must be open, overdue, solved or all, not “\(raw)”")
            }
            status = s
        }
        var unitID: UUID?
        if let name = req.param("unit"), !name.isEmpty {
            guard let id = try await ReferenceLists.entry(.unit, named: name, districtID: try req.district().requireID(), on: req.db)?.id else {
                throw BallastError.badParameter("unit", zh: "单位“\(name)”不在本区单位名单中", en: "“\(name)” is not on the district's list of units")
            }
            unitID = id
        }
        return ProblemQuery.Filter(status: status, kind: try kind(req, default: nil), category: req.param("category"), leadUnitID: unitID,
                                   projectID: req.param("project").flatMap(UUID.init(uuidString:)),
                                   enterpriseID: req.param("enterprise").flatMap(UUID.init(uuidString:)),
                                   meetingID: req.param("meeting").flatMap(UUID.init(uuidString:)), text: req.param("q"))
    }

    func kind(_ req: Request, default fallback: ProblemKind?) throws -> ProblemKind? {
        switch req.param("kind") ?? "" {
        case "": return fallback
        case "all": return nil
        case let raw:
            guard let k = ProblemKind(rawValue: raw) else {
                throw BallastError.badParameter("kind", zh: "kind 应为 problem、decision 或 all，实为“\(raw)”", en: "kind must be problem, decision or all, not “\(raw)”")
            }
            return k
        }
    }

    func list(_ req: Request, limit: Int) async throws -> (Int, [ProblemQuery.Row]) {
        let paging = try RequestParameters.paging(req, perPage: limit, maxPerPage: limit)
        return try await ProblemQuery.list(districtID: try req.district().requireID(), filter: try await filter(req),
                                           today: DistrictContext.today(in: try req.district()),
                                           scopeUnitID: try req.requirePrincipal().scopeUnitID, limit: paging.perPage, offset: paging.offset, on: req.db)
    }

    func listAPI(req: Request) async throws -> ListDTO {
        let (total, rows) = try await list(req, limit: 200)
        return ListDTO(total: total, items: rows.map(RowDTO.init))
    }

    func detail(_ req: Request) async throws -> ProblemQuery.Detail {
        let d = try req.district()
        guard let detail = try await ProblemQuery.detail(id: try req.id("problem", orElse: Self.noProblem), districtID: try d.requireID(),
                                                         today: DistrictContext.today(in: d), scopeUnitID: try req.requirePrincipal().scopeUnitID,
                                                         on: req.db) else { throw BallastError.notFound(Self.noProblem) }
        return detail
    }

    func detailAPI(req: Request) async throws -> DetailDTO {
        let d = try await detail(req)
        var dto = DetailDTO(d)
        dto.attachments = try await ProblemAttachments.list(problemID: d.row.id, on: req.db).map {
            .init(id: $0.id, fileName: $0.fileName, size: $0.size, uploadedBy: $0.uploadedBy, uploadedAt: $0.uploadedAt,
                  url: Site.API.problemAttachment.link(d.row.id, $0.id))
        }
        return dto
    }

    // MARK: Attachments

    func attach(_ req: Request) async throws {
        guard req.isMultipart, let upload = try req.multipartForm().file("file") else {
            throw BallastError.badParameter("file", zh: "请选择要上传的附件", en: "Choose a file to attach")
        }
        _ = try await ProblemAttachments(context: try req.itemContext())
            .attach(problemID: try req.id("problem", orElse: Self.noProblem), fileName: upload.filename ?? "附件", bytes: upload.data, on: req.db)
    }

    func attachAPI(req: Request) async throws -> Response {
        try await attach(req)
        return try await detailAPI(req: req).encodeResponse(status: .created, for: req)
    }

    func attachPage(req: Request) async throws -> Response {
        try await PageOutcome.run(req, work: {
            try await attach(req)
            return Message(zh: "附件已上传", en: "Attached")
        }) { notice, status in try await renderDetail(req, notice: notice, status: status) }
    }

    func download(req: Request) async throws -> Response {
        let a = try await ProblemAttachments(context: try req.itemContext())
            .attachment(try req.id("attachment", orElse: Message(zh: "附件不存在", en: "No such attachment")),
                        problemID: try req.id("problem", orElse: Self.noProblem), on: req.db)
        // Downloaded, never shown inline: an uploaded file must not run as a page of ours.
        return .download(a.bytes, contentType: a.contentType, fileName: a.fileName, fallback: "file")
    }

    /// `from`/`to` (raised between; default the year to date), `asOf` (default `to`, at most
    /// today), `by` (total, unit, category), `kind` (problem by default, decision, all).
    func figures(_ req: Request, by fallback: ProblemFigures.Grouping = .total) throws -> (CalendarDate, CalendarDate, CalendarDate, ProblemFigures.Grouping, ProblemKind?) {
        let today = DistrictContext.today(in: try req.district())
        let (from, to) = try RequestParameters.period(req)
        let asOf = try RequestParameters.date(req.param("asOf"), field: "asOf") ?? min(to, today)
        guard asOf <= today else { throw BallastError.badParameter("asOf", zh: "asOf 晚于今天", en: "asOf is after today") }
        let by: ProblemFigures.Grouping
        if let raw = req.param("by"), !raw.isEmpty {
            // By leader is the 批示's figure (`/api/v1/instructions/figures`), not the ledger's.
            guard let g = ProblemFigures.Grouping(rawValue: raw), g != .leader else {
                throw BallastError.badParameter("by", zh: "by 应为 total、unit 或 category，实为“\(raw)”", en: "by must be total, unit or category, not “\(raw)”")
            }
            by = g
        } else { by = fallback }
        return (from, to, asOf, by, try kind(req, default: .problem))
    }

    func figuresAPI(req: Request) async throws -> FiguresDTO {
        let (from, to, asOf, by, kind) = try figures(req)
        let lines = try await ProblemFigures.run(districtID: try req.district().requireID(), from: from, to: to, asOf: asOf, by: by, kind: kind,
                                                 scopeUnitID: try req.requirePrincipal().scopeUnitID, today: DistrictContext.today(in: try req.district()),
                                                 on: req.db)
        return FiguresDTO(from: from.iso, to: to.iso, asOf: asOf.iso, by: by.rawValue, kind: kind?.rawValue ?? "all", lines: lines.map(TallyDTO.init))
    }

    func overdueAPI(req: Request) async throws -> [OverdueDTO] {
        let d = try req.district()
        return try await ProblemFigures.overdueByUnit(districtID: try d.requireID(), today: DistrictContext.today(in: d),
                                                      scopeUnitID: try req.requirePrincipal().scopeUnitID, on: req.db).map { OverdueDTO(unit: $0.unit, overdue: $0.overdue) }
    }

    // MARK: Writing

    func raise(_ req: Request, _ b: RaiseBody) async throws -> ProblemModel {
        let editor = try editor(req)
        var project: UUID?, enterprise: UUID?
        if let raw = b.projectID?.trimmed, !raw.isEmpty {
            guard let id = UUID(uuidString: raw) else { throw BallastError.badParameter("projectID", zh: "projectID 无效", en: "projectID is not an id") }
            project = id
        } else if let code = b.projectCode?.trimmed, !code.isEmpty {
            project = try await editor.context.projectID(code: code, on: req.db)
        }
        if let raw = b.enterpriseID?.trimmed, !raw.isEmpty {
            guard let id = UUID(uuidString: raw) else { throw BallastError.badParameter("enterpriseID", zh: "enterpriseID 无效", en: "enterpriseID is not an id") }
            enterprise = id
        } else if let name = b.enterprise?.trimmed, !name.isEmpty {
            guard let id = try await EnterpriseQuery.named(name, districtID: editor.context.districtID, on: req.db) else {
                throw BallastError.badParameter("enterprise", zh: "企业“\(name)”不在本区企业库中", en: "No enterprise “\(name)” in the district")
            }
            enterprise = id
        }
        return try await editor.raise(.init(projectID: project, enterpriseID: enterprise, category: b.category ?? "", title: b.title ?? "",
                                            description: b.description ?? "", major: b.isMajor, assignment: try b.assign.assignment()), on: req.db)
    }

    func raiseAPI(req: Request) async throws -> Response {
        let p = try await raise(req, try Self.raiseBody(req))
        req.parameters.set("problem", to: try p.requireID().uuidString)
        return try await DetailDTO(try await detail(req)).encodeResponse(status: .created, for: req)
    }

    /// The step a body asks for, or a refusal naming `action`: the problems' and the 批示's routes alike.
    static func action(_ b: StepBody) throws -> ProblemAction {
        guard let action = b.action.flatMap({ ProblemAction(rawValue: $0.trimmed) }) else {
            throw BallastError.badParameter("action", zh: "action 应为 \(ProblemAction.allCases.map(\.rawValue).joined(separator: "、")) 之一",
                                            en: "action must be one of \(ProblemAction.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return action
    }

    /// What a page says after a step: the step and where the item now stands.
    static func stepDone(_ b: StepBody, _ p: ProblemModel) -> Message {
        Message(zh: "已\(ProblemAction(rawValue: b.action ?? "")?.chineseName ?? "保存")，当前状态：\(p.status)",
                en: "Done; now \(ProblemStatus(rawValue: p.status)?.englishName.lowercased() ?? p.status)")
    }

    func step(_ req: Request, _ b: StepBody) async throws -> ProblemModel {
        let action = try Self.action(b)
        let assign = AssignFields(leadUnit: b.leadUnit, assistingUnits: b.assistingUnits, leader: b.leader, path: b.path,
                                  deadline: action == .assign ? b.deadline : nil)
        return try await editor(req).act(id: try req.id("problem", orElse: Self.noProblem), version: try RequestParameters.version(b.version), action,
                                         note: b.note, assignment: try assign.assignment(),
                                         deadline: action == .deadline ? try RequestParameters.date(b.deadline, field: "deadline") : nil, on: req.db)
    }

    func stepAPI(req: Request) async throws -> DetailDTO {
        _ = try await step(req, try req.content.decode(StepBody.self))
        return DetailDTO(try await detail(req))
    }

    // MARK: Pages

    func listPage(req: Request) async throws -> Response { try await renderList(req, notice: nil) }

    func renderList(_ req: Request, notice: PageNotice?, form: RaiseBody? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let d = try req.district()
        let districtID = try d.requireID()
        let scope = try req.requirePrincipal().scopeUnitID
        let (from, to, asOf, _, kind) = try figures(req)
        let paging = try RequestParameters.paging(req, perPage: 100, maxPerPage: 100)
        // The list holds what the figures above it count: the same period, the same kind.
        var filter = try await filter(req)
        filter.raisedFrom = from
        filter.raisedTo = min(to, asOf)
        filter.kind = kind
        filter.asOf = asOf
        let page = try await ProblemsPage.load(districtID: districtID, scopeUnitID: scope, period: (from, to, asOf), kind: kind, filter: filter,
                                               paging: (paging.perPage, paging.offset), today: DistrictContext.today(in: d),
                                               filters: ProblemsPage.Filters(req), notice: notice, form: form, lang: req.language, on: req.db)
        return .html(page.render(), status: status)
    }

    func detailPage(req: Request) async throws -> Response { try await renderDetail(req, notice: nil) }

    func renderDetail(_ req: Request, notice: PageNotice?, status: HTTPStatus = .ok, typed: StepBody? = nil) async throws -> Response {
        let detail = try await detail(req)
        let districtID = try req.district().requireID()
        let p = try req.requirePrincipal()
        let actor = ProblemActor(isSupervisor: p.may(.superviseProblems), isRaiser: detail.row.raisedBy == p.name,
                                 isLeadUnit: p.scopeUnitID != nil && detail.row.leadUnit == p.unitName,
                                 isAssistingUnit: p.unitName.map(detail.assistingUnits.contains) ?? false)
        // A 批示's steps are open to its leader as well as to the units (`workInstructions`).
        let works = detail.row.kind == .instruction ? p.may(.workInstructions) : p.may(.workProblems)
        var page = try await ProblemPage.load(detail, districtID: districtID, actor: works ? actor : nil,
                                              today: DistrictContext.today(in: try req.district()), notice: notice, lang: req.language, on: req.db)
        page.mayInstruct = p.may(.giveInstructions) && p.leaderName != nil
        page.mayAttach = p.may(.workProblems)
        page.typed = typed.map { ProblemPage.Typed(leadUnit: $0.leadUnit, assisting: $0.assistingUnits?.names.joined(separator: "、"),
                                                   leader: $0.leader, path: $0.path, deadline: $0.deadline, note: $0.note) }
        return .html(page.render(), status: status)
    }

    func raisePage(req: Request) async throws -> Response {
        let body = try req.content.decode(RaiseBody.self)
        var created: ProblemModel?
        let response = try await PageOutcome.run(req, work: {
            created = try await raise(req, body)
            return Message(zh: "已登记", en: "Raised")
        }) { notice, status in try await renderList(req, notice: notice, form: notice.ok ? nil : body, status: status) }
        if let id = created?.id { return req.redirect(to: Layout.link(Site.problem.link(id), req.language)) }
        return response
    }

    func stepPage(req: Request) async throws -> Response {
        let body = try req.content.decode(StepBody.self)
        return try await PageOutcome.run(req, work: {
            Self.stepDone(body, try await step(req, body))
        }) { notice, status in try await renderDetail(req, notice: notice, status: status, typed: notice.ok ? nil : body) }
    }
}
