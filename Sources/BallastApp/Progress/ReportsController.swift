import BallastCore
import BallastStore
import Fluent
import Vapor

/// Monthly reporting: units save and submit, the project office approves, returns or adjusts.
/// The same workflow behind `/api/v1/reports…` and the `/reports` page.
struct ReportsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = routes.access(.requires(.readProjects))
        read.get(Site.reports, use: page)
        read.get(Site.API.reports, use: list)
        let edit = routes.access(.requires(.editProjects))
        edit.put(Site.API.projectReport, use: saveAPI)
        edit.post(Site.API.reportSubmit, use: submitAPI)
        edit.on(.POST, Site.projectReportSave, body: .collect(maxSize: PhotosController.cardBodyLimit), use: savePage)
            .uploads(PhotosController.cardBodyLimit)
        let review = routes.access(.requires(.reviewReports))
        review.post(Site.API.reportApprove, use: approveAPI)
        review.post(Site.API.reportReturn, use: returnAPI)
        review.post(Site.API.reportAdjust, use: adjustAPI)
        review.post(Site.reportReview, use: reviewPage)
        review.post(Site.reportsApprove, use: approveSelected)
        review.post(Site.reportsPhotoRules, use: photoRulesPage)
    }

    func workflow(_ req: Request) throws -> MonthlyReportWorkflow {
        let p = try req.requirePrincipal()
        return MonthlyReportWorkflow(districtID: try p.district.requireID(), actor: try req.changeActor(),
                                     today: DistrictContext.today(in: p.district), scopeUnitID: p.scopeUnitID)
    }

    /// `?month=YYYY-MM`, else the district's current month.
    static func month(_ raw: String?, district: DistrictModel, name: String = "month") throws -> (year: Int, month: Int) {
        guard let raw, !raw.isEmpty else {
            let today = DistrictContext.today(in: district)
            return (today.year, today.month)
        }
        guard let ym = ProgressValidator.parseMonth(raw) else {
            throw BallastError.badParameter(name, zh: "月份应为 YYYY-MM，实为“\(raw)”", en: "The month must be YYYY-MM, not “\(raw)”")
        }
        return ym
    }

    static func reportID(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("report").flatMap(UUID.init(uuidString:)) else {
            throw BallastError.notFound(Message(zh: "月报不存在", en: "No such report"))
        }
        return id
    }

    // MARK: API

    struct RowDTO: Content {
        var projectId: UUID
        var code: String
        var name: String
        var unit: String
        var reportId: UUID?
        var amount: Double?
        var progress: String?
        var status: String
        var late: Bool
        var version: Int?
        var returnReason: String?
        /// The project's colour at the month's end with this figure approved (`WarningEngine.wouldGive`).
        var colourIfApproved: String?

        init(_ r: MonthReportRow, colour: WarningColour? = nil) {
            colourIfApproved = colour?.rawValue
            projectId = r.projectID; code = r.code; name = r.name; unit = r.unit; reportId = r.reportID
            amount = r.amount.map { $0.rounded(in: .wan, places: 4) }; progress = r.progress
            status = r.status?.rawValue ?? "missing"; late = r.late; version = r.version; returnReason = r.returnReason
        }
    }

    struct MonthDTO: Content {
        var month: String
        var due: String
        var reports: [RowDTO]
        /// Projects with no submitted or approved report for the month.
        var missing: [RowDTO]
    }

    /// The month's queue: each project's report and its colour at the month's end with the
    /// figures in the queue approved, so a reviewer sees what approving a figure lights before
    /// approving it (one rule, the engine's). The colours' inputs are read on the other
    /// connection while the reports are read here (each is most of the work at 6 000 projects),
    /// then judged with what the reports leave pending.
    struct MonthQueue: Sendable {
        var year: Int
        var month: Int
        var rows: [MonthReportRow]
        var colours: [UUID: WarningOutcome]
    }

    func queue(_ req: Request) async throws -> MonthQueue {
        let d = try req.district()
        let (year, month) = try Self.month(req.param("month"), district: d)
        let districtID = try d.requireID(), unit = try req.requirePrincipal().scopeUnitID, db = req.db, alongside = req.dbAlongside ?? req.db
        let end = CalendarDate.clamped(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))
        // The rows (and so what is pending) follow the data version: kept with their colours.
        return try await req.answer("month-queue \(year)-\(month)") {
            async let reading = WarningEngine.read(districtID: districtID, year: year, asOf: end, scopeUnitID: unit, on: alongside)
            let rows = try await MonthReportsQuery.run(districtID: districtID, year: year, month: month, scopeUnitID: unit, on: db)
            var pending: [UUID: Money] = [:]
            for r in rows where r.status == .submitted || r.status == .draft || r.status == .returned {
                if let amount = r.amount { pending[r.projectID] = amount }
            }
            let lights = WarningEngine.wouldGive(try await reading, adding: pending)
            return MonthQueue(year: year, month: month, rows: rows,
                              colours: Dictionary(lights.map { ($0.projectID, $0.outcome) }, uniquingKeysWith: { a, _ in a }))
        }
    }

    func list(req: Request) async throws -> MonthDTO {
        let q = try await queue(req)
        let (year, month, all, colours) = (q.year, q.month, q.rows, q.colours)
        let rows = try ReportsFilter(req).apply(all, reviewing: false, colours: colours)
        let dto = { (r: MonthReportRow) in RowDTO(r, colour: colours[r.projectID]?.colour) }
        return MonthDTO(month: YearMonth(year: year, month: month)?.description ?? "", due: ReportingDeadline.dueDate(year: year, month: month).iso,
                        reports: rows.filter { $0.reportID != nil }.map(dto),
                        missing: rows.filter { !$0.isReported }.map(dto))
    }

    struct SaveBody: Content {
        var amount: Double?
        var progress: String?
        var version: Int?
    }

    /// Money from a JSON number of 万元, exact to the yuan or refused.
    static func money(_ value: Double?, field: String) throws -> Money {
        guard let value else { throw BallastError.badParameter(field, zh: "缺少金额 \(field)（万元）", en: "The amount \(field) (10k yuan) is missing") }
        switch Money.parse(String(format: "%.6f", value), unit: .wan) {
        case .success(let m): return m
        case .failure:
            throw BallastError.badParameter(field, zh: "金额 \(field) 应精确到元（万元最多四位小数）", en: "The amount \(field) must be exact to the yuan")
        }
    }

    func saveAPI(req: Request) async throws -> RowDTO {
        let d = try req.district()
        let (year, month) = try Self.month(req.parameters.get("month"), district: d)
        let body = try req.content.decode(SaveBody.self)
        let r = try await workflow(req).saveDraft(projectID: try RequestParameters.uuid(req, "id"), year: year, month: month,
                                                  amount: try Self.money(body.amount, field: "amount"),
                                                  progress: body.progress?.trimmed.nilIfEmpty, version: body.version, on: req.db)
        return try await row(req, r)
    }

    func row(_ req: Request, _ r: MonthlyReportModel) async throws -> RowDTO {
        let rows = try await MonthReportsQuery.run(districtID: r.districtID, year: r.year, month: r.month, scopeUnitID: nil,
                                                   projectID: r.$project.id, on: req.db)
        guard let row = rows.first(where: { $0.reportID == r.id }) else { throw BallastError.notFound(Message(zh: "月报不存在", en: "No such report")) }
        return RowDTO(row)
    }

    struct VersionBody: Content {
        var version: Int?
        var reason: String?
        var amount: Double?
    }

    func version(_ body: VersionBody) throws -> Int { try RequestParameters.version(body.version) }

    func submitAPI(req: Request) async throws -> RowDTO {
        let body = try req.content.decode(VersionBody.self)
        return try await row(req, try await workflow(req).submit(try Self.reportID(req), version: try version(body), on: req.db))
    }

    func approveAPI(req: Request) async throws -> RowDTO {
        let body = try req.content.decode(VersionBody.self)
        let r = try await workflow(req).approve(try Self.reportID(req), version: try version(body), on: req.db)
        return try await row(req, r)
    }

    func returnAPI(req: Request) async throws -> RowDTO {
        let body = try req.content.decode(VersionBody.self)
        return try await row(req, try await workflow(req).returnReport(try Self.reportID(req), version: try version(body),
                                                                      reason: body.reason ?? "", on: req.db))
    }

    func adjustAPI(req: Request) async throws -> RowDTO {
        let body = try req.content.decode(VersionBody.self)
        let id = try Self.reportID(req)
        try await workflow(req).adjust(id, to: try Self.money(body.amount, field: "amount"), reason: body.reason ?? "", on: req.db)
        guard let r = try await MonthlyReportModel.find(id, on: req.db) else { throw BallastError.notFound(Message(zh: "月报不存在", en: "No such report")) }
        return try await row(req, r)
    }

    // MARK: Page

    func page(req: Request) async throws -> Response {
        try await render(req, notice: nil)
    }

    func render(_ req: Request, notice: PageNotice?, status: HTTPStatus = .ok,
                refusal: (projectID: UUID, card: ReportCard.Refusal)? = nil) async throws -> Response {
        let q = try await queue(req)
        let (year, month, rows, colours) = (q.year, q.month, q.rows, q.colours)
        let districtID = try req.district().requireID(), db = req.db
        let photos = try await req.answer("month-photos \(year)-\(month)") {
            Dictionary(grouping: try await ReportPhotos.list(districtID: districtID, year: year, month: month, on: db), by: \.reportID)
        }
        let filter = try ReportsFilter(req)
        var page = ReportsPage(year: year, month: month, rows: filter.apply(rows, reviewing: PageContext.may(.reviewReports), colours: colours),
                               notice: notice, photos: photos, lang: req.language)
        page.colours = colours
        page.open = ReportingDeadline.isReportable(year: year, month: month, today: DistrictContext.today(in: try req.district()))
        page.refusal = refusal
        page.filter = filter
        page.units = Array(Set(rows.map(\.unit))).sorted()
        page.monthRows = rows
        if page.reviewing { page.photoRules = try await PhotoRuleStore.load(districtID: try req.district().requireID(), on: req.db) }
        return .html(page.render(), status: status)
    }

    /// The reviewer's change of the photo rules from the queue, said back on the queue.
    func photoRulesPage(req: Request) async throws -> Response {
        try await pageAction(req) {
            let (_, version) = try await PhotoRulesController.save(try req.content.decode(PhotoRulesController.RulesForm.self).body(), req)
            return ProgressText.photoRulesSaved(version: version)
        }
    }

    struct SaveForm: Content {
        var amount: String?
        var progress: String?
        var version: Int?
        var action: String?
        /// The card's key (a UUID drawn with the form): the same draft sent twice — from a
        /// phone's queue after the signal returned, or a double tap — is saved once.
        var draftKey: String?
    }

    static let alreadyReceived = Message(zh: "这份填报此前已收到并保存，未重复保存", en: "This entry was received and saved before; it was not saved again")

    /// Runs a page action and shows the month again with what happened, or why not.
    func pageAction(_ req: Request, _ work: () async throws -> Message) async throws -> Response {
        try await PageOutcome.run(req, work: work) { notice, status in try await render(req, notice: notice, status: status) }
    }

    /// The clerk's card: figure, 形象进度 and a photo in one save, all in one transaction (a
    /// refused photo saves nothing). A refusal comes back at its field, naming the project, with
    /// what was typed kept.
    func savePage(req: Request) async throws -> Response {
        let d = try req.district()
        let (year, month) = try Self.month(req.parameters.get("month"), district: d)
        let projectID = try RequestParameters.uuid(req, "id")
        let form = try req.content.decode(SaveForm.self)
        let photo = try Self.optionalPhoto(req)
        let key = form.draftKey?.trimmed.nilIfEmpty
        if let key, !RequestKeys.valid(key) {
            throw BallastError.badParameter("draftKey", zh: "draftKey 应为 8～64 位字母、数字或连字符", en: "draftKey must be 8 to 64 letters, digits or dashes")
        }
        let actor = try req.changeActor().name
        // What the key is for: this card (project and month).
        let scope = "report:\(projectID):\(YearMonth(year: year, month: month)?.description ?? "")"
        do {
            let done = try await req.db.writeTransaction { tx -> Message in
                if let key, !(try await RequestKeys.claim(key, scope: scope, districtID: try d.requireID(), actor: actor, in: tx)) { return Self.alreadyReceived }
                let amount: Money
                switch Money.parse(form.amount ?? "", unit: .wan) {
                case .success(let m): amount = m
                case .failure:
                    throw BallastError.badParameter("amount", zh: "本月完成投资应为数字（万元），实为“\(form.amount ?? "")”",
                                                    en: "The month's investment must be a number in 10k yuan, not “\(form.amount ?? "")”")
                }
                let flow = try workflow(req)
                let r = try await flow.saveDraft(projectID: projectID, year: year, month: month, amount: amount,
                                                 progress: form.progress?.trimmed.nilIfEmpty, version: form.version, on: tx)
                if let photo {
                    _ = try await ReportPhotos(context: try req.itemContext()).add(reportID: try r.requireID(), bytes: photo, on: tx)
                }
                if form.action == "submit" {
                    try await flow.submit(try r.requireID(), version: r.version, on: tx)
                    return Message(zh: "已报送项目办审核", en: "Submitted to the project office")
                }
                return photo == nil ? UIText.saved : Message(zh: "已保存（含照片）", en: "Saved, with the photo")
            }
            return try await render(req, notice: .done(done.text(req.language)))
        } catch {
            // Two arrivals at once: the one whose claim lost finds the other's committed.
            if let key, try await RequestKeys.taken(key, scope: scope, districtID: try d.requireID(), on: req.db) {
                return try await render(req, notice: .done(Self.alreadyReceived.text(req.language)))
            }
            let e = APIErrorMiddleware.describe(error)
            guard e.status.code < 500, e.status != .forbidden else { throw error }
            let rows = try await MonthReportsQuery.run(districtID: try d.requireID(), year: year, month: month,
                                                       scopeUnitID: try req.requirePrincipal().scopeUnitID, projectID: projectID, on: req.db)
            let name = rows.first.map { "\($0.code) \($0.name)：" } ?? ""
            let field = ["amount", "progress", "photo"].contains(e.field ?? "") ? (e.field ?? "amount")
                : (e.code.hasPrefix("photo") || e.message.zh.contains("照片") ? "photo" : "amount")
            let card = ReportCard.Refusal(field: field, message: e.message.text(req.language),
                                          amount: form.amount ?? "", progress: form.progress ?? "")
            return try await render(req, notice: .refused(name + e.message.text(req.language)), status: e.status,
                                    refusal: (projectID, card))
        }
    }

    /// The photo chosen in the card, if any: a multipart file field with content.
    static func optionalPhoto(_ req: Request) throws -> [UInt8]? {
        guard req.isMultipart, let file = try req.multipartForm().file("photo"), !file.data.isEmpty else { return nil }
        return [UInt8](file.data)
    }

    struct ReviewForm: Content {
        var version: Int?
        var decision: String?
        var reason: String?
    }

    func reviewPage(req: Request) async throws -> Response {
        let form = try req.content.decode(ReviewForm.self)
        let id = try Self.reportID(req)
        return try await pageAction(req) {
            let flow = try workflow(req)
            if form.decision == "return" {
                try await flow.returnReport(id, version: form.version ?? -1, reason: form.reason ?? "", on: req.db)
                return Message(zh: "已退回", en: "Returned")
            }
            let r = try await flow.approve(id, version: form.version ?? -1, on: req.db)
            return Message(zh: "已审定", en: "Approved")
        }
    }

    struct ApproveForm: Content {
        /// "reportID:version" for each ticked report.
        var reports: [String]?
    }

    /// 批量审定: the ticked reports, each at the version shown, all or none (`approveAll`).
    func approveSelected(req: Request) async throws -> Response {
        let form = try req.content.decode(ApproveForm.self)
        return try await pageAction(req) {
            let picked = try (form.reports ?? []).prefix(ReportsPage.maxBatch + 1).map { raw -> (id: UUID, version: Int) in
                let parts = raw.split(separator: ":")
                guard parts.count == 2, let id = UUID(uuidString: String(parts[0])), let v = Int(parts[1]) else {
                    throw BallastError.badParameter("reports", zh: "所选月报“\(raw.prefix(80))”无法识别", en: "The ticked report “\(raw.prefix(80))” is not recognised")
                }
                return (id, v)
            }
            guard !picked.isEmpty else {
                throw BallastError.badParameter("reports", zh: "请先勾选要审定的月报", en: "Tick the reports to approve first")
            }
            guard picked.count <= ReportsPage.maxBatch else {
                throw BallastError.badParameter("reports", zh: "一次最多审定 \(ReportsPage.maxBatch) 份", en: "At most \(ReportsPage.maxBatch) reports at once")
            }
            let n = try await workflow(req).approveAll(picked, on: req.db)
            return Message(zh: "已审定 \(n) 份月报", en: "Approved \(n) reports")
        }
    }
}
