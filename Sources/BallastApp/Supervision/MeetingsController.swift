import BallastCore
import BallastOffice
import BallastStore
import Fluent
import Vapor

/// 区政府周例会 and special meetings: the agenda the office builds from the rule's suggestions,
/// the printed packet, the minutes and the decisions, tracked like problems. Read by whoever
/// reads projects (a unit sees the items and decisions it has a part in); run by the office and
/// 督查室.
struct MeetingsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = routes.access(.requires(.readProjects))
        read.get(Site.meetings, use: listPage)
        read.get(Site.meetingsLatest, use: latestPage)
        read.get(Site.meeting, use: detailPage)
        read.get(Site.meetingMinutesDocx, use: minutesDocx)
        read.get(Site.meetingMinutesPdf, use: minutesPdf)
        read.get(Site.API.meetings, use: listAPI)
        read.get(Site.API.meetingsLatest, use: latestAPI)
        read.get(Site.API.meeting, use: detailAPI)
        let run = routes.access(.requires(.superviseProblems))
        run.get(Site.meetingPacket, use: packetPage)
        run.post(Site.API.meetings, use: createAPI)
        run.post(Site.API.meetingItems, use: addItemsAPI)
        run.delete(Site.API.meetingItem, use: removeItemAPI)
        run.put(Site.API.meetingMinutes, use: minutesAPI)
        run.post(Site.API.meetingDecisions, use: decisionAPI)
        run.post(Site.meetings, use: createPage)
        run.post(Site.meetingItems, use: addItemsPage)
        run.post(Site.meetingItemDelete, use: removeItemPage)
        run.post(Site.meetingMinutes, use: minutesPage)
        run.post(Site.meetingDecisions, use: decisionPage)
    }

    static let noMeeting = Message(zh: "会议不存在", en: "No such meeting")

    func editor(_ req: Request) throws -> MeetingEditor { MeetingEditor(context: try req.itemContext()) }
    func today(_ req: Request) throws -> CalendarDate { DistrictContext.today(in: try req.district()) }
    func meeting(_ req: Request) async throws -> MeetingModel {
        try await editor(req).meeting(try req.id("meeting", orElse: Self.noMeeting), on: req.db)
    }

    // MARK: Bodies

    struct MeetingBody: Content {
        var kind: String?
        var title: String?
        var heldOn: String?
        var cutoffOn: String?
        var chairedBy: String?

        func fields() throws -> MeetingEditor.Fields {
            guard let kind = MeetingKind.parse(kind ?? "周例会") else {
                throw BallastError.badParameter("kind", zh: "kind 应为周例会或专题会", en: "kind must be 周例会 or 专题会")
            }
            guard let held = try RequestParameters.date(heldOn, field: "heldOn", required: true) else { throw Abort(.badRequest) }
            return .init(kind: kind, title: title ?? "", heldOn: held, cutoffOn: try RequestParameters.date(cutoffOn, field: "cutoffOn"), chairedBy: chairedBy)
        }
    }

    struct ItemsBody: Content {
        var problems: ProblemsController.NameList?
        var version: Int?
    }

    struct MinutesBody: Content { var minutes: String?; var version: Int? }

    struct DecisionBody: Content {
        var title: String?
        var description: String?
        var leadUnit: String?
        var assistingUnits: ProblemsController.NameList?
        var leader: String?
        var deadline: String?
        /// The problems it addresses: ids, as a list or separated.
        var problems: ProblemsController.NameList?
    }

    // MARK: DTOs

    struct RowDTO: Content {
        var id: UUID, kind: String, title: String, heldOn: String, cutoffOn: String, agenda: Int, decisions: Int, decisionsSolved: Int, decisionsOverdue: Int
        init(_ r: MeetingQuery.Row) {
            id = r.id; kind = r.kind; title = r.title; heldOn = r.heldOn.iso; cutoffOn = r.cutoffOn.iso; agenda = r.agenda; decisions = r.decisions
            decisionsSolved = r.decisionsSolved; decisionsOverdue = r.decisionsOverdue
        }
    }

    struct DetailDTO: Content {
        struct Item: Content { var problem: ProblemsController.RowDTO; var reason: String }
        struct Decision: Content { var decision: ProblemsController.RowDTO; var addresses: [String] }
        struct Suggestion: Content { var problem: ProblemsController.RowDTO; var reasons: [String] }
        var id: UUID, kind: String, title: String, heldOn: String, cutoffOn: String, chairedBy: String?, minutes: String?, version: Int
        var agenda: [Item]
        var decisions: [Decision]
        /// For the office: open problems the rule suggests adding.
        var suggestions: [Suggestion]?
        init(_ d: MeetingQuery.Detail, suggestions: [MeetingQuery.Suggestion]?) throws {
            let m = d.meeting
            id = m.id; kind = m.kind; title = m.title; heldOn = m.heldOn.iso; cutoffOn = m.cutoffOn.iso; chairedBy = m.chairedBy; minutes = m.minutes; version = m.version
            agenda = d.agenda.map { Item(problem: .init($0.row), reason: $0.reason) }
            decisions = d.decisions.map { Decision(decision: .init($0), addresses: d.addresses[$0.id] ?? []) }
            self.suggestions = suggestions?.map { Suggestion(problem: .init($0.row), reasons: $0.reasons.map(\.rawValue)) }
        }
    }

    // MARK: API

    func listAPI(req: Request) async throws -> [RowDTO] {
        try await MeetingQuery.list(districtID: try req.district().requireID(), today: try today(req), on: req.db).map(RowDTO.init)
    }

    func detail(_ req: Request, _ m: MeetingModel) async throws -> (MeetingQuery.Detail, [MeetingQuery.Suggestion]?) {
        let p = try req.requirePrincipal()
        let d = try await MeetingQuery.detail(m, today: try today(req), scopeUnitID: p.scopeUnitID, on: req.db)
        // Suggestions while the agenda is open: up to the meeting's day.
        let day = try today(req)
        let s = p.may(.superviseProblems) && m.heldOn >= day ? try await MeetingQuery.suggestions(m, today: day, on: req.db) : nil
        return (d, s)
    }

    func detailAPI(req: Request) async throws -> DetailDTO {
        let (d, s) = try await detail(req, try await meeting(req))
        return try DetailDTO(d, suggestions: s)
    }

    func latest(_ req: Request) async throws -> MeetingModel {
        guard let m = try await MeetingQuery.latestHeld(districtID: try req.district().requireID(), today: try today(req), on: req.db) else {
            throw BallastError.notFound(Message(zh: "尚未召开过会议", en: "No meeting has been held yet"))
        }
        return m
    }

    func latestAPI(req: Request) async throws -> DetailDTO {
        let (d, s) = try await detail(req, try await latest(req))
        return try DetailDTO(d, suggestions: s)
    }

    func createAPI(req: Request) async throws -> Response {
        let m = try await editor(req).create(try req.content.decode(MeetingBody.self).fields(), on: req.db)
        let (d, s) = try await detail(req, m)
        return try await DetailDTO(d, suggestions: s).encodeResponse(status: .created, for: req)
    }

    func ids(_ list: ProblemsController.NameList?, field: String) throws -> [UUID] {
        try (list?.names ?? []).map { raw in
            guard let id = UUID(uuidString: raw) else { throw BallastError.badParameter(field, zh: "“\(raw)”不是问题编号", en: "“\(raw)” is not a problem id") }
            return id
        }
    }

    func addItems(_ req: Request, _ b: ItemsBody) async throws -> MeetingModel {
        let m = try await meeting(req)
        let ids = try ids(b.problems, field: "problems")
        guard !ids.isEmpty else { throw BallastError.badParameter("problems", zh: "请选择要列入议题的问题", en: "Choose the problems to put on the agenda") }
        // Problems the rule suggested keep its reasons on the agenda.
        let suggested = try await MeetingQuery.suggestions(m, today: try today(req), on: req.db)
        let reasons = Dictionary(uniqueKeysWithValues: suggested.map { ($0.row.id, $0.reasons.map(\.rawValue).joined(separator: ",")) })
        return try await editor(req).addItems(meetingID: try m.requireID(), version: try RequestParameters.version(b.version), problems: ids,
                                              reasons: reasons, on: req.db)
    }

    func addItemsAPI(req: Request) async throws -> DetailDTO {
        let (d, s) = try await detail(req, try await addItems(req, try req.content.decode(ItemsBody.self)))
        return try DetailDTO(d, suggestions: s)
    }

    func removeItem(_ req: Request, version: Int?) async throws -> MeetingModel {
        try await editor(req).removeItem(meetingID: try req.id("meeting", orElse: Self.noMeeting), version: try RequestParameters.version(version),
                                         problem: try req.id("problem", orElse: ProblemsController.noProblem), on: req.db)
    }

    func removeItemAPI(req: Request) async throws -> DetailDTO {
        let (d, s) = try await detail(req, try await removeItem(req, version: req.param("version").flatMap(Int.init)))
        return try DetailDTO(d, suggestions: s)
    }

    func minutes(_ req: Request, _ b: MinutesBody) async throws -> MeetingModel {
        try await editor(req).recordMinutes(meetingID: try req.id("meeting", orElse: Self.noMeeting), version: try RequestParameters.version(b.version),
                                            minutes: b.minutes ?? "", on: req.db)
    }

    func minutesAPI(req: Request) async throws -> DetailDTO {
        let (d, s) = try await detail(req, try await minutes(req, try req.content.decode(MinutesBody.self)))
        return try DetailDTO(d, suggestions: s)
    }

    func decision(_ req: Request, _ b: DecisionBody) async throws -> ProblemModel {
        let assignment = try ProblemsController.AssignFields(leadUnit: b.leadUnit, assistingUnits: b.assistingUnits, leader: b.leader, path: nil,
                                                             deadline: b.deadline).assignment()
        guard let assignment else { throw BallastError.badParameter("leadUnit", zh: "议定事项须有牵头单位", en: "A decision needs its lead unit") }
        return try await editor(req).recordDecision(meetingID: try req.id("meeting", orElse: Self.noMeeting), title: b.title ?? "", description: b.description ?? b.title ?? "",
                                                    assignment: assignment, addresses: try ids(b.problems, field: "problems"), on: req.db)
    }

    func decisionAPI(req: Request) async throws -> Response {
        _ = try await decision(req, try req.content.decode(DecisionBody.self))
        let (d, s) = try await detail(req, try await meeting(req))
        return try await DetailDTO(d, suggestions: s).encodeResponse(status: .created, for: req)
    }

    // MARK: Pages

    func listPage(req: Request) async throws -> Response { try await renderList(req, notice: nil) }

    func renderList(_ req: Request, notice: PageNotice?, status: HTTPStatus = .ok) async throws -> Response {
        let districtID = try req.district().requireID()
        let rows = try await MeetingQuery.list(districtID: districtID, today: try today(req), on: req.db)
        let leaders = try await ReferenceLists.names(districtID: districtID, kind: .leader, on: req.db)
        return .html(MeetingsPage(rows: rows, leaders: leaders, notice: notice, lang: req.language).render(), status: status)
    }

    func latestPage(req: Request) async throws -> Response {
        guard let m = try await MeetingQuery.latestHeld(districtID: try req.district().requireID(), today: try today(req), on: req.db) else {
            return try await renderList(req, notice: .refused(Message(zh: "尚未召开过会议", en: "No meeting has been held yet").text(req.language)))
        }
        return req.redirect(to: Layout.link(Site.meeting.link(try m.requireID()), req.language))
    }

    func detailPage(req: Request) async throws -> Response { try await renderDetail(req, notice: nil) }

    func renderDetail(_ req: Request, notice: PageNotice?, status: HTTPStatus = .ok) async throws -> Response {
        let m = try await meeting(req)
        let (d, s) = try await detail(req, m)
        let units = try await ReferenceLists.names(districtID: m.districtID, kind: .unit, on: req.db)
        let leaders = try await ReferenceLists.names(districtID: m.districtID, kind: .leader, on: req.db)
        return .html(MeetingPage(detail: d, suggestions: s, units: units, leaders: leaders, today: try today(req), notice: notice,
                                 lang: req.language).render(), status: status)
    }

    /// 会议纪要 as a Word file and a PDF, from the meeting as the caller sees it.
    func minutesDocx(req: Request) async throws -> Response {
        let (d, _) = try await detail(req, try await meeting(req))
        return .download(try DocxWriter.write(MinutesDocument.blocks(d, style: try await req.documentStyle())), contentType: DocxWriter.contentType,
                         fileName: MinutesDocument.fileName(d.meeting, ext: "docx"), fallback: "minutes.docx")
    }

    func minutesPdf(req: Request) async throws -> Response {
        let (d, _) = try await detail(req, try await meeting(req))
        let data = try await DocumentPDF.make(MinutesDocument.blocks(d, style: try await req.documentStyle()), on: req)
        return .download(data, contentType: DocumentPDF.contentType, fileName: MinutesDocument.fileName(d.meeting, ext: "pdf"), fallback: "minutes.pdf")
    }

    func packetPage(req: Request) async throws -> Response {
        let m = try await meeting(req)
        let pages = try await MeetingQuery.packet(m, today: try today(req), on: req.db)
        return .html(MeetingPacketPage(meeting: MeetingQuery.Meeting(m), pages: pages, lang: req.language,
                                       people: try await People.load(districtID: try req.district().requireID(), on: req.db)).render())
    }

    func createPage(req: Request) async throws -> Response {
        let body = try req.content.decode(MeetingBody.self)
        var created: MeetingModel?
        let response = try await PageOutcome.run(req, work: {
            created = try await editor(req).create(try body.fields(), on: req.db)
            return Message(zh: "已创建", en: "Created")
        }) { notice, status in try await renderList(req, notice: notice, status: status) }
        if let id = created?.id { return req.redirect(to: Layout.link(Site.meeting.link(id), req.language)) }
        return response
    }

    /// Form checkboxes arrive as repeated `problems[]` fields.
    struct ItemsForm: Content { var problems: [String]?; var version: Int? }
    struct DecisionForm: Content {
        var title: String?, description: String?, leadUnit: String?, assistingUnits: String?, leader: String?, deadline: String?
        var problems: [String]?
    }

    func addItemsPage(req: Request) async throws -> Response {
        let form = try req.content.decode(ItemsForm.self)
        let body = ItemsBody(problems: .init(form.problems ?? []), version: form.version)
        return try await PageOutcome.run(req, work: {
            _ = try await addItems(req, body)
            return Message(zh: "已列入议题", en: "Added to the agenda")
        }) { notice, status in try await renderDetail(req, notice: notice, status: status) }
    }

    func removeItemPage(req: Request) async throws -> Response {
        let version = try req.content.decode(MinutesBody.self).version
        return try await PageOutcome.run(req, work: {
            _ = try await removeItem(req, version: version)
            return Message(zh: "已移出议题", en: "Removed from the agenda")
        }) { notice, status in try await renderDetail(req, notice: notice, status: status) }
    }

    func minutesPage(req: Request) async throws -> Response {
        let body = try req.content.decode(MinutesBody.self)
        return try await PageOutcome.run(req, work: {
            _ = try await minutes(req, body)
            return UIText.saved
        }) { notice, status in try await renderDetail(req, notice: notice, status: status) }
    }

    func decisionPage(req: Request) async throws -> Response {
        let f = try req.content.decode(DecisionForm.self)
        let body = DecisionBody(title: f.title, description: f.description, leadUnit: f.leadUnit,
                                assistingUnits: f.assistingUnits.map { ProblemsController.NameList($0.split(whereSeparator: { "、,，".contains($0) }).map(String.init)) },
                                leader: f.leader, deadline: f.deadline, problems: .init(f.problems ?? []))
        return try await PageOutcome.run(req, work: {
            _ = try await decision(req, body)
            return Message(zh: "已记录议定事项", en: "Decision recorded")
        }) { notice, status in try await renderDetail(req, notice: notice, status: status) }
    }
}
