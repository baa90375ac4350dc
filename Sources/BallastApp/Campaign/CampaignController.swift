import BallastCore
import BallastStore
import Fluent
import Vapor

/// 三个一批: periods, their lists and follow-up rates. Read by whoever reads projects (a unit
/// sees its own projects' entries); follow-up by whoever edits the project; periods, lists and
/// list imports by the project office.
struct CampaignController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = routes.access(.requires(.readProjects))
        read.get(Site.campaign, use: page)
        read.get(Site.campaignPeriod, use: periodPage)
        read.get(Site.API.campaign, use: figuresAPI)
        read.get(Site.API.campaignPeriod, use: entriesAPI)
        let edit = routes.access(.requires(.editProjects))
        edit.put(Site.API.campaignEntry, use: followUpAPI)
        edit.post(Site.campaignEntry, use: followUpPage)
        let manage = routes.access(.requires(.manageProjects))
        manage.post(Site.API.campaignPeriods, use: createPeriodAPI)
        manage.post(Site.API.campaignPeriodEntries, use: addEntryAPI)
        manage.delete(Site.API.campaignEntry, use: removeEntryAPI)
        manage.on(.POST, Site.API.campaignImport, body: .collect(maxSize: LedgerUpload.maxSize), use: importAPI)
            .uploads(LedgerUpload.maxSize)
        manage.post(Site.campaignPeriods, use: createPeriodPage)
        manage.post(Site.campaignPeriodEntries, use: addEntryPage)
        manage.on(.POST, Site.campaignImport, body: .collect(maxSize: LedgerUpload.maxSize), use: importPage)
            .uploads(LedgerUpload.maxSize)
    }

    func editor(_ req: Request) throws -> CampaignEditor { CampaignEditor(context: try req.itemContext()) }

    static let noPeriod = Message(zh: "该期不存在", en: "No such period")
    static let noEntry = Message(zh: "该条目不存在", en: "No such campaign entry")

    /// The as-of day: `?asOf=`, else the district's today.
    func asOf(_ req: Request) throws -> CalendarDate {
        let d = try req.district()
        return try RequestParameters.date(req.param("asOf"), field: "asOf") ?? DistrictContext.today(in: d)
    }

    func periods(_ req: Request) async throws -> [CampaignQuery.Period] {
        try await CampaignQuery.periods(districtID: try req.district().requireID(), asOf: try asOf(req),
                                        scopeUnitID: try req.requirePrincipal().scopeUnitID, on: req.db)
    }

    // MARK: Figures

    struct TallyDTO: Content {
        var entries: Int
        /// 万元.
        var investment: Double
        var started: Int
        var produced: Int
        var atCapacity: Int
        /// The batch's follow-up rate in percent (签约→开工, 开工→投产, 投产→达效); null with no entries.
        var rate: Double?

        init(_ t: CampaignTally?, _ batch: CampaignBatch) {
            let t = t ?? CampaignTally()
            entries = t.entries; investment = t.investment.rounded(in: .wan, places: 4); started = t.started; produced = t.produced
            atCapacity = t.atCapacity; rate = t.rate(for: batch)
        }

        static func all(_ m: [CampaignBatch: CampaignTally]) -> [String: TallyDTO] {
            Dictionary(uniqueKeysWithValues: CampaignBatch.allCases.map { ($0.rawValue, TallyDTO(m[$0], $0)) })
        }
    }

    struct PeriodDTO: Content {
        var id: UUID
        var number: Int
        var heldOn: String
        var title: String?
        var entries: Int
        var investment: Double
        /// 签约 / 开工 / 投产 → the period's own figures, and the running totals up to it.
        var batches: [String: TallyDTO]
        var cumulative: [String: TallyDTO]

        init(_ p: CampaignQuery.Period) {
            id = p.id; number = p.number; heldOn = p.heldOn.iso; title = p.title; entries = p.figures.entries
            investment = p.figures.investment.rounded(in: .wan, places: 4)
            batches = TallyDTO.all(p.figures.batches); cumulative = TallyDTO.all(p.figures.cumulative)
        }
    }

    struct FiguresDTO: Content {
        var asOf: String
        var periods: [PeriodDTO]
        /// Since the campaign began: entries and 万元, per batch with its rate.
        var totals: Totals
        struct Totals: Content { var entries: Int; var investment: Double; var batches: [String: TallyDTO] }
    }

    func figuresAPI(req: Request) async throws -> FiguresDTO {
        let ps = try await periods(req)
        let last = ps.last?.figures.cumulative ?? [:]
        let total = last.values.reduce(CampaignTally(), +)
        return FiguresDTO(asOf: try asOf(req).iso, periods: ps.map(PeriodDTO.init),
                          totals: .init(entries: total.entries, investment: total.investment.rounded(in: .wan, places: 4), batches: TallyDTO.all(last)))
    }

    struct EntryDTO: Content {
        var id: UUID
        var batch: String
        var projectID: UUID
        var projectCode: String
        var projectName: String
        var investment: Double
        var startedOn: String?
        var producedOn: String?
        var atCapacityOn: String?
        var note: String?
        var version: Int

        init(_ e: CampaignQuery.Entry) {
            id = e.id; batch = e.batch; projectID = e.projectID; projectCode = e.projectCode; projectName = e.projectName
            investment = e.investment.rounded(in: .wan, places: 4); startedOn = e.startedOn?.iso; producedOn = e.producedOn?.iso
            atCapacityOn = e.atCapacityOn?.iso; note = e.note; version = e.version
        }
    }

    func period(_ req: Request) async throws -> CampaignPeriodModel {
        try await editor(req).period(try req.id("period", orElse: Self.noPeriod), on: req.db)
    }

    func entriesAPI(req: Request) async throws -> [EntryDTO] {
        let p = try await period(req)
        return try await CampaignQuery.entries(periodID: try p.requireID(), scopeUnitID: try req.requirePrincipal().scopeUnitID, on: req.db)
            .map(EntryDTO.init)
    }

    // MARK: Edits

    struct PeriodBody: Content { var number: Int?; var heldOn: String?; var title: String? }

    func createPeriod(_ req: Request, _ b: PeriodBody) async throws -> CampaignPeriodModel {
        guard let number = b.number else { throw BallastError.badParameter("number", zh: "请填写期次", en: "Give the period number") }
        guard let day = try RequestParameters.date(b.heldOn, field: "heldOn") else {
            throw BallastError.badParameter("heldOn", zh: "请填写举办日期", en: "Give the day the period is held")
        }
        return try await editor(req).createPeriod(number: number, heldOn: day, title: b.title, on: req.db)
    }

    func createPeriodAPI(req: Request) async throws -> Response {
        let p = try await createPeriod(req, try req.content.decode(PeriodBody.self))
        return try await ["id": try p.requireID().uuidString, "number": String(p.number), "heldOn": p.heldOn.iso].encodeResponse(status: .created, for: req)
    }

    struct EntryBody: Content {
        var projectID: UUID?
        var projectCode: String?
        var batch: String?
        /// 万元.
        var investment: String?
        var startedOn: String?
        var producedOn: String?
        var atCapacityOn: String?
        var note: String?
        var version: Int?

        func followUp() throws -> CampaignFollowUp {
            CampaignFollowUp(startedOn: try RequestParameters.date(startedOn, field: "startedOn"),
                             producedOn: try RequestParameters.date(producedOn, field: "producedOn"),
                             atCapacityOn: try RequestParameters.date(atCapacityOn, field: "atCapacityOn"))
        }
    }

    func addEntry(_ req: Request, _ b: EntryBody) async throws -> (CampaignEntryModel, ProjectModel) {
        let period = try await period(req)
        guard let batch = b.batch.flatMap(CampaignBatch.parse) else {
            throw BallastError.badParameter("batch", zh: "批次应为签约、开工或投产", en: "batch must be 签约, 开工 or 投产")
        }
        let investment = try RequestParameters.present(RequestParameters.money(b.investment, field: "investment", label: "计入投资", required: true, nonNegative: true), "investment")
        let editor = try editor(req)
        let projectID: UUID
        if let id = b.projectID { projectID = id } else if let code = b.projectCode?.trimmed.nilIfEmpty {
            projectID = try await editor.context.projectID(code: code, on: req.db)
        } else {
            throw BallastError.badParameter("projectCode", zh: "请填写项目编号", en: "Give the project code")
        }
        let e = try await editor.addEntry(periodID: try period.requireID(), projectID: projectID, batch: batch,
                                          investment: investment, followUp: try b.followUp(), note: b.note, on: req.db)
        guard let project = try await ProjectModel.find(projectID, on: req.db) else { throw ProjectItemContext.Failure.projectNotFound }
        return (e, project)
    }

    func addEntryAPI(req: Request) async throws -> Response {
        let (e, p) = try await addEntry(req, try req.content.decode(EntryBody.self))
        return try await EntryDTO(CampaignQuery.Entry(e, project: p, period: try await period(req))).encodeResponse(status: .created, for: req)
    }

    func followUp(_ req: Request, _ b: EntryBody) async throws -> CampaignEntryModel {
        try await editor(req).followUp(entryID: try req.id("entry", orElse: Self.noEntry), version: try RequestParameters.version(b.version),
                                       try b.followUp(), note: b.note, on: req.db)
    }

    func followUpAPI(req: Request) async throws -> EntryDTO {
        let e = try await followUp(req, try req.content.decode(EntryBody.self))
        guard let entry = try await CampaignQuery.entry(id: try e.requireID(), on: req.db) else { throw BallastError.notFound(Self.noEntry) }
        return EntryDTO(entry)
    }

    func removeEntryAPI(req: Request) async throws -> HTTPStatus {
        try await editor(req).remove(entryID: try req.id("entry", orElse: Self.noEntry),
                                     version: try RequestParameters.version(req.param("version").flatMap(Int.init)), on: req.db)
        return .noContent
    }

    func importReport(_ req: Request) async throws -> ListImport.ReportDTO {
        let writer = CampaignListWriter(editor: try editor(req))
        return try await ListImport.run(req, entity: "campaign-list", summary: "三个一批名单导入", read: CampaignListFile.read) { rows in
            let o = try await writer.apply(rows, on: req.db)
            return .init(created: o.created, updated: o.updated, unchanged: o.unchanged, issues: o.issues)
        }
    }

    func importAPI(req: Request) async throws -> Response {
        try ListImport.response(try await importReport(req))
    }

    // MARK: Pages

    func page(req: Request) async throws -> Response {
        try await renderPage(req, notice: nil)
    }

    func renderPage(_ req: Request, notice: PageNotice?, status: HTTPStatus = .ok) async throws -> Response {
        let asOf = try asOf(req)
        let upcoming = try await CampaignQuery.upcoming(districtID: try req.district().requireID(), asOf: asOf, on: req.db)
        return .html(CampaignPage(asOf: asOf, periods: try await periods(req), upcoming: upcoming, notice: notice, lang: req.language).render(),
                     status: status)
    }

    func periodPage(req: Request) async throws -> Response {
        try await renderPeriod(req, notice: nil)
    }

    func renderPeriod(_ req: Request, notice: PageNotice?, status: HTTPStatus = .ok) async throws -> Response {
        let p = try await period(req)
        let page = try await CampaignPeriodPageModel.load(p, districtID: try req.district().requireID(), asOf: try asOf(req),
                                                          scopeUnitID: try req.requirePrincipal().scopeUnitID, on: req.db)
        return .html(CampaignPeriodPage(model: page, notice: notice, lang: req.language).render(), status: status)
    }

    func createPeriodPage(req: Request) async throws -> Response {
        let raw = try req.content.decode([String: String].self)
        var created: CampaignPeriodModel?
        let response = try await PageOutcome.run(req, work: {
            guard let n = raw["number"]?.trimmed, let number = Int(n) else {
                throw BallastError.badParameter("number", zh: "期次应为整数", en: "The period number must be a whole number")
            }
            created = try await createPeriod(req, PeriodBody(number: number, heldOn: raw["heldOn"], title: raw["title"]))
            return UIText.saved
        }) { notice, status in try await renderPage(req, notice: notice, status: status) }
        if let id = created?.id { return req.redirect(to: Layout.link(Site.campaignPeriod.link(id), req.language)) }
        return response
    }

    func addEntryPage(req: Request) async throws -> Response {
        let body = try req.content.decode(EntryBody.self)
        return try await PageOutcome.run(req, work: {
            let (_, p) = try await addEntry(req, body)
            return Message(zh: "已列入 \(p.code)", en: "Listed \(p.code)")
        }) { notice, status in try await renderPeriod(req, notice: notice, status: status) }
    }

    func followUpPage(req: Request) async throws -> Response {
        let body = try req.content.decode(EntryBody.self)
        let e = try await CampaignEntryModel.find(try req.id("entry", orElse: Self.noEntry), on: req.db)
        return try await PageOutcome.run(req, work: {
            _ = try await followUp(req, body)
            return UIText.saved
        }) { notice, status in
            guard let e else { throw BallastError.notFound(Self.noEntry) }
            req.parameters.set("period", to: e.$period.id.uuidString)
            return try await renderPeriod(req, notice: notice, status: status)
        }
    }

    /// The page's upload is previewed first (`/imports/…`); the API applies at once.
    func importPage(req: Request) async throws -> Response {
        try await ListImport.preview(req, kind: .campaign) { notice, status in try await renderPage(req, notice: notice, status: status) }
    }
}
