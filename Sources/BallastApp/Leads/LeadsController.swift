import BallastCore
import BallastStore
import Fluent
import Vapor

/// 招商引资: leads with their contact log and status steps, trips, and the figures the district
/// reports. Read by whoever reads projects (a unit sees its own leads); leads registered and
/// followed by whoever edits projects (a unit its own); trips recorded by the project office.
struct LeadsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = routes.access(.requires(.readProjects))
        read.get(Site.leads, use: listPage)
        read.get(Site.lead, use: detailPage)
        read.get(Site.API.leads, use: listAPI)
        read.get(Site.API.lead, use: detailAPI)
        read.get(Site.API.promotion, use: figuresAPI)
        read.get(Site.API.trips, use: tripsAPI)
        let edit = routes.access(.requires(.editProjects))
        edit.post(Site.API.leads, use: createAPI)
        edit.put(Site.API.lead, use: updateAPI)
        edit.post(Site.API.leadStatus, use: moveAPI)
        edit.post(Site.API.leadContacts, use: contactAPI)
        edit.on(.POST, Site.API.leadsImport, body: .collect(maxSize: LedgerUpload.maxSize), use: importAPI)
            .uploads(LedgerUpload.maxSize)
        edit.post(Site.leads, use: createPage)
        edit.post(Site.lead, use: updatePage)
        edit.post(Site.leadStatus, use: movePage)
        edit.post(Site.leadContacts, use: contactPage)
        edit.on(.POST, Site.leadsImport, body: .collect(maxSize: LedgerUpload.maxSize), use: importPage)
            .uploads(LedgerUpload.maxSize)
        let manage = routes.access(.requires(.manageProjects))
        manage.post(Site.API.trips, use: createTripAPI)
        manage.post(Site.trips, use: createTripPage)
    }

    static let noLead = Message(zh: "线索不存在", en: "No such lead")

    func editor(_ req: Request) throws -> LeadEditor {
        LeadEditor(context: try req.itemContext(), office: try req.requirePrincipal().may(.manageProjects))
    }

    /// `from` and `to` (collected / happened between), default the current year up to today.
    func period(_ req: Request) throws -> (CalendarDate, CalendarDate) { try RequestParameters.period(req) }

    func figures(_ req: Request) async throws -> (CalendarDate, CalendarDate, PromotionQuery.Figures) {
        let (from, to) = try period(req)
        return (from, to, try await PromotionQuery.run(districtID: try req.district().requireID(), from: from, to: to,
                                                       scopeUnitID: try req.requirePrincipal().scopeUnitID, on: req.db))
    }

    // MARK: Bodies

    struct LeadBody: Content {
        var title: String?
        var enterprise: String?
        var creditCode: String?
        var source: String?
        var chain: String?
        /// 万元.
        var intendedInvestment: String?
        var unit: String?
        var collectedOn: String?
        var tripID: String?
        var note: String?
        var version: Int?

        func fields(today: CalendarDate) throws -> LeadRecord {
            guard let source = LeadSource.parse(source ?? "") else {
                throw BallastError.badParameter("source", zh: "来源应为\(LeadSource.allCases.map(\.rawValue).joined(separator: "、"))之一",
                                                en: "source must be one of \(LeadSource.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let amount = try RequestParameters.money(intendedInvestment, field: "intendedInvestment", label: "意向投资", nonNegative: true)
            var trip: UUID?
            if let raw = tripID?.trimmed, !raw.isEmpty {
                guard let id = UUID(uuidString: raw) else { throw BallastError.badParameter("tripID", zh: "tripID 无效", en: "tripID is not an id") }
                trip = id
            }
            return LeadRecord(title: title ?? "", enterprise: enterprise ?? "", creditCode: creditCode, source: source, chain: chain,
                                     intendedInvestment: amount, unit: unit ?? "",
                                     collectedOn: try RequestParameters.date(collectedOn, field: "collectedOn") ?? today, tripID: trip, note: note)
        }
    }

    struct MoveBody: Content {
        var to: String?
        var on: String?
        var reason: String?
        var signedOn: String?
        /// 万元.
        var contractAmount: String?
        /// An existing project to move into 签约库 instead of creating one.
        var projectID: String?
        var projectCode: String?
        var category: String?
        var version: Int?
    }

    struct ContactBody: Content { var on: String?; var who: String?; var what: String? }

    // MARK: DTOs

    struct RowDTO: Content {
        var id: UUID, title: String, enterpriseID: UUID, enterprise: String, source: String, chain: String?
        /// 万元.
        var intendedInvestment: Double?
        var unit: String, status: String, collectedOn: String, signedOn: String?
        var contractAmount: Double?
        var projectID: UUID?
        var version: Int
        init(_ r: LeadQuery.Row) {
            id = r.id; title = r.title; enterpriseID = r.enterpriseID; enterprise = r.enterprise; source = r.source; chain = r.chain
            intendedInvestment = r.intendedInvestment?.rounded(in: .wan, places: 4); unit = r.unit; status = r.status
            collectedOn = r.collectedOn.iso; signedOn = r.signedOn?.iso; contractAmount = r.contractAmount?.rounded(in: .wan, places: 4)
            projectID = r.projectID; version = r.version
        }
    }

    struct DetailDTO: Content {
        struct Step: Content { var from: String?; var to: String; var on: String; var actor: String; var note: String? }
        struct Contact: Content { var on: String; var who: String; var what: String; var recordedBy: String }
        var lead: RowDTO
        var note: String?
        var abandonReason: String?
        var tripID: UUID?
        var projectCode: String?
        var steps: [Step]
        var contacts: [Contact]
        init(_ d: LeadQuery.Detail) {
            lead = RowDTO(d.row); note = d.note; abandonReason = d.abandonReason; tripID = d.trip?.id; projectCode = d.project?.code
            steps = d.steps.map { Step(from: $0.fromStatus, to: $0.toStatus, on: $0.effectiveOn.iso, actor: $0.actor, note: $0.note) }
            contacts = d.contacts.map { Contact(on: $0.contactedOn.iso, who: $0.who, what: $0.what, recordedBy: $0.recordedBy) }
        }
    }

    struct FiguresDTO: Content {
        var from: String, to: String
        var leads: Int, enterprisesContacted: Int, leaderTrips: Int, teamTrips: Int, negotiated: Int, signed: Int
        /// 万元.
        var signedAmount: Double
        /// Leads by status on the period's last day.
        var byStatus: [String: Int]
        init(_ from: CalendarDate, _ to: CalendarDate, _ f: PromotionQuery.Figures) {
            self.from = from.iso; self.to = to.iso; leads = f.leads; enterprisesContacted = f.enterprisesContacted
            leaderTrips = f.leaderTrips; teamTrips = f.teamTrips; negotiated = f.negotiated; signed = f.signed
            signedAmount = f.signedAmount.rounded(in: .wan, places: 4)
            byStatus = Dictionary(uniqueKeysWithValues: f.byStatus.map { ($0.key.rawValue, $0.value) })
        }
    }

    struct TripDTO: Content {
        var id: UUID, kind: String, startedOn: String, endedOn: String?, ledBy: String, destinations: String, note: String?
        var enterprisesVisited: Int, leads: Int
    }

    // MARK: API

    func filter(_ req: Request) throws -> LeadQuery.Filter {
        var status: LeadStatus?
        if let raw = req.param("status"), !raw.isEmpty {
            guard let s = LeadStatus.parse(raw) else {
                throw BallastError.badParameter("status", zh: "status 应为线索、接洽、考察、洽谈、签约或放弃", en: "status must be one of 线索, 接洽, 考察, 洽谈, 签约, 放弃")
            }
            status = s
        }
        return LeadQuery.Filter(status: status, text: req.param("q"), from: try RequestParameters.date(req.param("from"), field: "from"),
                                to: try RequestParameters.date(req.param("to"), field: "to"),
                                enterpriseID: req.param("enterprise").flatMap(UUID.init(uuidString:)), tripID: req.param("trip").flatMap(UUID.init(uuidString:)))
    }

    struct ListDTO: Content { var total: Int; var items: [RowDTO] }

    func listAPI(req: Request) async throws -> ListDTO {
        let paging = try RequestParameters.paging(req, perPage: 200, maxPerPage: 200)
        let (total, rows) = try await LeadQuery.list(districtID: try req.district().requireID(), filter: try filter(req),
                                                     scopeUnitID: try req.requirePrincipal().scopeUnitID, limit: paging.perPage, offset: paging.offset, on: req.db)
        return ListDTO(total: total, items: rows.map(RowDTO.init))
    }

    func detail(_ req: Request) async throws -> LeadQuery.Detail {
        let l = try await editor(req).lead(try req.id("lead", orElse: Self.noLead), on: req.db)
        return try await LeadQuery.detail(l, on: req.db)
    }

    func detailAPI(req: Request) async throws -> DetailDTO { DetailDTO(try await detail(req)) }

    func figuresAPI(req: Request) async throws -> FiguresDTO {
        let (from, to, f) = try await figures(req)
        return FiguresDTO(from, to, f)
    }

    func tripsAPI(req: Request) async throws -> [TripDTO] {
        let (from, to) = try period(req)
        return try await LeadQuery.trips(districtID: try req.district().requireID(), from: from, to: to, on: req.db).map { t in
            TripDTO(id: t.trip.id, kind: t.trip.kind, startedOn: t.trip.startedOn.iso, endedOn: t.trip.endedOn?.iso, ledBy: t.trip.ledBy,
                    destinations: t.trip.destinations, note: t.trip.note, enterprisesVisited: t.visits, leads: t.leads)
        }
    }

    func create(_ req: Request, _ b: LeadBody) async throws -> LeadModel {
        try await editor(req).create(try b.fields(today: DistrictContext.today(in: try req.district())), on: req.db)
    }

    func createAPI(req: Request) async throws -> Response {
        let l = try await create(req, try req.content.decode(LeadBody.self))
        return try await DetailDTO(try await LeadQuery.detail(l, on: req.db)).encodeResponse(status: .created, for: req)
    }

    func update(_ req: Request, _ b: LeadBody) async throws -> LeadModel {
        try await editor(req).update(id: try req.id("lead", orElse: Self.noLead), version: try RequestParameters.version(b.version),
                                     try b.fields(today: DistrictContext.today(in: try req.district())), on: req.db)
    }

    func updateAPI(req: Request) async throws -> DetailDTO {
        DetailDTO(try await LeadQuery.detail(try await update(req, try req.content.decode(LeadBody.self)), on: req.db))
    }

    func move(_ req: Request, _ b: MoveBody) async throws -> LeadModel {
        guard let to = b.to.flatMap(LeadStatus.parse) else {
            throw BallastError.badParameter("to", zh: "请指明新状态（接洽、考察、洽谈、签约或放弃）", en: "Say which status to move to")
        }
        let amount = try RequestParameters.money(b.contractAmount, field: "contractAmount", label: "合同金额")
        var project: UUID?
        if let raw = b.projectID?.trimmed, !raw.isEmpty {
            guard let id = UUID(uuidString: raw) else { throw BallastError.badParameter("projectID", zh: "projectID 无效", en: "projectID is not an id") }
            project = id
        } else if let code = b.projectCode?.trimmed, !code.isEmpty {
            project = try await req.itemContext().projectID(code: code, on: req.db)
        }
        let signing = to == .signed ? LeadMove.Signing(signedOn: try RequestParameters.date(b.signedOn, field: "signedOn"), contractAmount: amount) : nil
        let lead = try await editor(req).move(id: try req.id("lead", orElse: Self.noLead), version: try RequestParameters.version(b.version), to: to,
                                              on: try RequestParameters.date(b.on, field: "on"), reason: b.reason, signing: signing,
                                              projectID: project, category: b.category, on: req.db)
        return lead
    }

    func moveAPI(req: Request) async throws -> DetailDTO {
        DetailDTO(try await LeadQuery.detail(try await move(req, try req.content.decode(MoveBody.self)), on: req.db))
    }

    func contact(_ req: Request, _ b: ContactBody) async throws {
        let today = DistrictContext.today(in: try req.district())
        _ = try await editor(req).addContact(leadID: try req.id("lead", orElse: Self.noLead),
                                             on: try RequestParameters.date(b.on, field: "on") ?? today, who: b.who ?? "", what: b.what ?? "", on: req.db)
    }

    func contactAPI(req: Request) async throws -> Response {
        try await contact(req, try req.content.decode(ContactBody.self))
        return try await DetailDTO(try await detail(req)).encodeResponse(status: .created, for: req)
    }

    struct TripBody: Content {
        var kind: String?
        var startedOn: String?
        var endedOn: String?
        var ledBy: String?
        var destinations: String?
        /// Names (optionally followed by a credit code), as a list or one per line.
        var enterprises: [String]?
        var enterpriseLines: String?
        var note: String?
    }

    func createTrip(_ req: Request, _ b: TripBody) async throws -> TripModel {
        guard let kind = TripKind.parse(b.kind ?? "") else {
            throw BallastError.badParameter("kind", zh: "kind 应为领导带队或小分队", en: "kind must be 领导带队 or 小分队")
        }
        guard let start = try RequestParameters.date(b.startedOn, field: "startedOn") else {
            throw BallastError.badParameter("startedOn", zh: "请填写出发日期", en: "Give the day the trip started")
        }
        let names = (b.enterprises ?? []) + (b.enterpriseLines ?? "").split(whereSeparator: \.isNewline).map(String.init)
        return try await TripEditor(context: try req.itemContext()).create(
            TripEditor.Fields(kind: kind, startedOn: start, endedOn: try RequestParameters.date(b.endedOn, field: "endedOn"), ledBy: b.ledBy ?? "",
                              destinations: b.destinations ?? "", enterprises: names, note: b.note), on: req.db)
    }

    func createTripAPI(req: Request) async throws -> Response {
        let t = try await createTrip(req, try req.content.decode(TripBody.self))
        return try await ["id": try t.requireID().uuidString].encodeResponse(status: .created, for: req)
    }

    func importReport(_ req: Request) async throws -> ListImport.ReportDTO {
        let writer = LeadListWriter(editor: try editor(req))
        return try await ListImport.run(req, entity: "lead-list", summary: "招商线索导入", read: LeadListFile.read) { rows in
            let o = try await writer.apply(rows, on: req.db)
            return .init(created: o.created, issues: o.issues)
        }
    }

    func importAPI(req: Request) async throws -> Response {
        try ListImport.response(try await importReport(req))
    }

    // MARK: Pages

    func listPage(req: Request) async throws -> Response {
        try await renderList(req, notice: nil)
    }

    func renderList(_ req: Request, notice: PageNotice?, form: LeadBody? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let d = try req.district()
        let (from, to) = try period(req)
        let p = try req.requirePrincipal()
        let page = try await LeadsPageModel.load(districtID: try d.requireID(), from: from, to: to, filter: try filter(req),
                                                 scopeUnitID: p.scopeUnitID, unitName: p.unitName, on: req.db)
        return .html(LeadsPage(model: page, status: req.param("status") ?? "", query: req.param("q") ?? "", notice: notice, form: form,
                               lang: req.language).render(), status: status)
    }

    /// The units a lead may be registered for: a unit's user only its own.
    func unitChoices(_ req: Request) async throws -> [String] {
        let p = try req.requirePrincipal()
        return try await LeadsPageModel.unitChoices(districtID: try req.district().requireID(), scopeUnitID: p.scopeUnitID,
                                                    unitName: p.unitName, on: req.db)
    }

    func detailPage(req: Request) async throws -> Response {
        try await renderDetail(req, notice: nil)
    }

    func renderDetail(_ req: Request, notice: PageNotice?, status: HTTPStatus = .ok) async throws -> Response {
        let d = try await detail(req)
        let units = try await unitChoices(req)
        return .html(LeadPage(detail: d, units: units, notice: notice, lang: req.language,
                              people: try await People.load(districtID: try req.district().requireID(), on: req.db)).render(), status: status)
    }

    func createPage(req: Request) async throws -> Response {
        let body = try req.content.decode(LeadBody.self)
        var created: LeadModel?
        let response = try await PageOutcome.run(req, work: {
            created = try await create(req, body)
            return Message(zh: "已登记", en: "Registered")
        }) { notice, status in try await renderList(req, notice: notice, form: notice.ok ? nil : body, status: status) }
        if let id = created?.id { return req.redirect(to: Layout.link(Site.lead.link(id), req.language)) }
        return response
    }

    func updatePage(req: Request) async throws -> Response {
        let body = try req.content.decode(LeadBody.self)
        return try await PageOutcome.run(req, work: {
            _ = try await update(req, body)
            return UIText.saved
        }) { notice, status in try await renderDetail(req, notice: notice, status: status) }
    }

    func movePage(req: Request) async throws -> Response {
        let body = try req.content.decode(MoveBody.self)
        return try await PageOutcome.run(req, work: {
            let l = try await move(req, body)
            return Message(zh: "状态已改为“\(l.status)”", en: "Now \(LeadStatus(rawValue: l.status)?.englishName.lowercased() ?? l.status)")
        }) { notice, status in try await renderDetail(req, notice: notice, status: status) }
    }

    func contactPage(req: Request) async throws -> Response {
        let body = try req.content.decode(ContactBody.self)
        return try await PageOutcome.run(req, work: {
            try await contact(req, body)
            return Message(zh: "已记录对接", en: "Contact logged")
        }) { notice, status in try await renderDetail(req, notice: notice, status: status) }
    }

    func createTripPage(req: Request) async throws -> Response {
        let body = try req.content.decode(TripBody.self)
        return try await PageOutcome.run(req, work: {
            _ = try await createTrip(req, body)
            return Message(zh: "已记录外出招商", en: "Trip recorded")
        }) { notice, status in try await renderList(req, notice: notice, status: status) }
    }

    /// The page's upload is previewed first (`/imports/…`); the API applies at once.
    func importPage(req: Request) async throws -> Response {
        try await ListImport.preview(req, kind: .leads) { notice, status in try await renderList(req, notice: notice, status: status) }
    }
}
