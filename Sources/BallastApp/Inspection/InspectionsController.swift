import BallastCore
import BallastStore
import Fluent
import Vapor

/// 观摩讲评 (issue 28, part 2). Whoever reads projects reads the year's tours, their routes and
/// progress, and once scoring has closed their results; the office (`manageProjects`) plans a
/// tour, keeps the scoring sheet, sees provisional results and closes the scoring. A reviewer
/// scores through `readProjects` routes: the desk admits only the tour's own reviewers, each to
/// the projects not of their own unit. The 讲评通报 is drafted and issued as any document
/// (`kind=inspection-review`, `period` the tour's day).
struct InspectionsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = routes.access(.requires(.readProjects))
        read.get(Site.inspections, use: listPage)
        read.get(Site.inspection, use: detailPage)
        read.get(Site.inspectionScore, use: scorePage)
        read.post(Site.inspectionScore, use: scorePost)
        read.get(Site.API.inspections, use: listAPI)
        read.get(Site.API.inspection, use: detailAPI)
        read.post(Site.API.inspectionScores, use: scoreAPI)
        read.get(Site.API.inspectionSheet, use: sheetAPI)
        let office = routes.access(.requires(.manageProjects))
        office.get(Site.inspectionNew, use: newPage)
        office.post(Site.inspections, use: planPage)
        office.post(Site.inspectionClose, use: closePage)
        office.get(Site.inspectionSheet, use: sheetPage)
        office.post(Site.inspectionSheet, use: sheetPost)
        office.get(Site.API.inspectionSuggestions, use: suggestionsAPI)
        office.post(Site.API.inspections, use: planAPI)
        office.post(Site.API.inspectionClose, use: closeAPI)
        office.put(Site.API.inspectionSheet, use: sheetPut)
    }

    static let noTour = Message(zh: "观摩不存在", en: "No such tour")

    // MARK: Bodies and DTOs

    struct PlanBody: Content {
        var title: String?
        var heldOn: String?
        /// Project codes, the first where the tour starts.
        var projects: ProblemsController.NameList?
        /// The page's extra codes, one a line.
        var moreProjects: String?
        /// Usernames.
        var reviewers: ProblemsController.NameList?
        /// Reorder by the route (default true).
        var route: Bool?
        /// The page's box: visit in the order listed (the same as `route=false`).
        var keepOrder: String?

        func plan() throws -> InspectionDesk.Plan {
            let more = (moreProjects ?? "").split(whereSeparator: { $0.isWhitespace || "、,，;；".contains($0) }).map(String.init)
            guard more.count <= InspectionPlan.maxStops * 2 else {
                throw BallastError.badParameter("moreProjects", zh: "项目最多 \(InspectionPlan.maxStops) 个", en: "At most \(InspectionPlan.maxStops) projects")
            }
            var ordered = route ?? true
            if keepOrder == "true" { ordered = false }
            return .init(title: title ?? "", heldOn: try RequestParameters.date(heldOn, field: "heldOn", required: true),
                         projects: (projects?.names ?? []) + more, reviewers: reviewers?.names ?? [], route: ordered)
        }
    }

    struct ScoreBody: Content {
        var projectID: String?
        var points: [String: Double]?
    }

    struct CloseBody: Content { var version: Int? }

    struct SheetBody: Content {
        struct Item: Content { var key: String?; var name: String?; var points: Double? }
        var version: Int?
        var items: [Item]?
        var dropExtremesFrom: Int?
    }

    struct SummaryDTO: Content {
        var id: UUID, title: String, heldOn: String, status: String, closedOn: String?, projects: Int, reviewers: Int, scored: Int, owed: Int
        init(_ s: InspectionQuery.Summary) {
            id = s.id; title = s.title; heldOn = s.heldOn.iso; status = (s.closed ? InspectionStatus.closed : .planned).rawValue; closedOn = s.closedOn?.iso
            projects = s.stops; reviewers = s.reviewers; scored = s.scored; owed = s.owed
        }
    }

    struct ListDTO: Content { var year: Int; var inspections: [SummaryDTO] }

    struct SheetDTO: Content {
        var version: Int
        var items: [InspectionSheet.Item]
        var fullPoints: Double
        var dropExtremesFrom: Int
    }

    struct DetailDTO: Content {
        struct Stop: Content {
            var seq: Int, projectID: UUID, code: String, name: String, unit: String, address: String?
            var lng: Double?, lat: Double?, legKm: Double?, reasons: [String]
        }
        struct Reviewer: Content { var name: String; var scored: Int; var owed: Int }
        struct Mine: Content { var projectID: UUID; var points: [String: Double]?; var total: Double?; var standsAside: Bool }
        var id: UUID, title: String, heldOn: String, status: String, closedOn: String?, version: Int, createdBy: String
        var sheet: SheetDTO
        var stops: [Stop]
        var reviewers: [Reviewer]
        /// Once closed, for everyone; before, the office's provisional view only.
        var results: InspectionResults?
        var provisional: Bool
        /// The caller's own sheets, when they are a reviewer.
        var mine: [Mine]?
        /// The 讲评通报, once drafted (the office) or issued.
        var reviewDocumentID: UUID?
    }

    // MARK: Reading

    /// Everything a tour's page and API show, for the caller.
    struct TourView {
        var tour: InspectionModel
        var sheet: InspectionSheet
        var stops: [InspectionQuery.Stop]
        var results: InspectionResults
        var showResults: Bool
        var reviewer: InspectionReviewerModel?
        var mine: [UUID: InspectionScoring.Points]
        var review: DocumentModel?
        var today: CalendarDate

        func standsAside(_ s: InspectionQuery.Stop) -> Bool { reviewer.map { InspectionQuery.standsAside($0, s) } ?? false }
        func total(_ projectID: UUID) -> Double? { mine[projectID].map { InspectionScoring.total($0, sheet: sheet) } }
    }

    static func view(_ req: Request) async throws -> TourView {
        let p = try req.requirePrincipal()
        let districtID = try req.district().requireID()
        let id = try req.id("inspection", orElse: Self.noTour)
        let tour: InspectionModel
        do { tour = try await InspectionQuery.tour(id, districtID: districtID, on: req.db) } catch { throw BallastError.notFound(Self.noTour) }
        let office = p.may(.manageProjects)
        var reviewer: InspectionReviewerModel?
        var mine: [UUID: InspectionScoring.Points] = [:]
        if let uid = p.userID {
            reviewer = try await InspectionReviewerModel.query(on: req.db).filter(\.$inspectionID == id).filter(\.$userID == uid).first()
            if reviewer != nil { mine = try await InspectionQuery.sheets(id, userID: uid, on: req.db) }
        }
        let review = try await DocumentModel.query(on: req.db).filter(\.$districtID == districtID).filter(\.$kind == .inspectionReview)
            .filter(\.$period == tour.heldOn.iso).first()
        return TourView(tour: tour, sheet: try JSONDecoder().decode(InspectionSheet.self, from: Data(tour.sheet.utf8)),
                        stops: try await InspectionQuery.stops(id, on: req.db), results: try await InspectionResults.build(tour, on: req.db),
                        showResults: tour.isClosed || office, reviewer: reviewer, mine: mine,
                        review: review.flatMap { $0.status == .issued || office ? $0 : nil }, today: DistrictContext.today(in: try req.district()))
    }

    static func sheetDTO(_ s: InspectionSheet, dropExtremesFrom: Int) -> SheetDTO {
        SheetDTO(version: s.version, items: s.items, fullPoints: s.fullPoints, dropExtremesFrom: dropExtremesFrom)
    }

    static func detail(_ v: TourView) throws -> DetailDTO {
        DetailDTO(id: try v.tour.requireID(), title: v.tour.title, heldOn: v.tour.heldOn.iso, status: v.tour.status, closedOn: v.tour.closedOn?.iso,
                  version: v.tour.version, createdBy: v.tour.createdBy, sheet: sheetDTO(v.sheet, dropExtremesFrom: v.tour.dropExtremesFrom),
                  stops: v.stops.map { s in
                      .init(seq: s.seq, projectID: s.projectID, code: s.code, name: s.name, unit: s.unit, address: s.address, lng: s.point?.lng,
                            lat: s.point?.lat, legKm: s.legKm, reasons: s.reasons.map(\.rawValue))
                  },
                  reviewers: v.results.reviewers.map { .init(name: $0.name, scored: $0.scored, owed: $0.owed) },
                  results: v.showResults ? v.results : nil, provisional: !v.tour.isClosed && v.showResults,
                  mine: v.reviewer.map { _ in v.stops.map { s in .init(projectID: s.projectID, points: v.mine[s.projectID], total: v.total(s.projectID), standsAside: v.standsAside(s)) } },
                  reviewDocumentID: v.review?.id)
    }

    static func year(_ req: Request) async throws -> Int {
        try await RequestParameters.yearOrDefault(try RequestParameters.year(req), req, district: try req.district())
    }

    func listAPI(req: Request) async throws -> ListDTO {
        let year = try await Self.year(req)
        return ListDTO(year: year, inspections: try await InspectionQuery.list(districtID: try req.district().requireID(), year: year, on: req.db).map(SummaryDTO.init))
    }

    func detailAPI(req: Request) async throws -> DetailDTO { try Self.detail(try await Self.view(req)) }

    func sheetAPI(req: Request) async throws -> SheetDTO {
        let c = try await InspectionSheets.current(districtID: try req.district().requireID(), on: req.db)
        return Self.sheetDTO(c.sheet, dropExtremesFrom: c.settings.dropExtremesFrom)
    }

    struct SuggestionDTO: Content { var projectID: UUID; var code: String; var name: String; var unit: String; var reasons: [String] }

    func suggestionsAPI(req: Request) async throws -> [SuggestionDTO] {
        let ctx = try req.itemContext()
        let day = try RequestParameters.date(req.param("heldOn"), field: "heldOn") ?? ctx.today
        guard PlanYear.isValid(day.year) else { throw BallastError.badParameter("heldOn", zh: "观摩日期无效", en: "heldOn is not a valid day") }
        return try await InspectionDesk(context: ctx).suggest(year: day.year, on: day, db: req.db).map {
            SuggestionDTO(projectID: $0.projectID, code: $0.code, name: $0.name, unit: $0.unit, reasons: $0.reasons.map(\.rawValue))
        }
    }

    // MARK: Writing

    func planAPI(req: Request) async throws -> Response {
        let t = try await InspectionDesk(context: try req.itemContext()).plan(try req.content.decode(PlanBody.self).plan(), on: req.db)
        // Read back as the detail, through the one reading.
        req.parameters.set("inspection", to: try t.requireID().uuidString)
        return try await Self.detail(try await Self.view(req)).encodeResponse(status: .created, for: req)
    }

    static func points(_ raw: [String: Double]?) throws -> InspectionScoring.Points {
        guard let raw, raw.count <= InspectionSheet.maxItems * 2 else {
            throw BallastError.badParameter("points", zh: "请给出每个评分项的得分", en: "Give points for every item")
        }
        return raw
    }

    func score(_ req: Request, projectID: UUID, points: InspectionScoring.Points) async throws -> Double {
        guard let uid = try req.requirePrincipal().userID else {
            throw BallastError.badParameter("reviewer", zh: "评分须以评委本人账号登录", en: "Scores are given signed in as the reviewer")
        }
        return try await InspectionDesk(context: try req.itemContext()).score(inspectionID: try req.id("inspection", orElse: Self.noTour),
                                                                             projectID: projectID, reviewer: uid, points: points, on: req.db)
    }

    struct ScoredDTO: Content { var projectID: UUID; var total: Double }

    func scoreAPI(req: Request) async throws -> ScoredDTO {
        let b = try req.content.decode(ScoreBody.self)
        guard let raw = b.projectID, let pid = UUID(uuidString: raw.trimmed) else {
            throw BallastError.badParameter("projectID", zh: "请给出 projectID", en: "projectID is required")
        }
        return ScoredDTO(projectID: pid, total: try await score(req, projectID: pid, points: try Self.points(b.points)))
    }

    func closeAPI(req: Request) async throws -> DetailDTO {
        let version = try RequestParameters.version(try req.content.decode(CloseBody.self).version)
        _ = try await InspectionDesk(context: try req.itemContext()).close(inspectionID: try req.id("inspection", orElse: Self.noTour), version: version, on: req.db)
        return try Self.detail(try await Self.view(req))
    }

    static func sheetItems(_ items: [SheetBody.Item]?) throws -> [InspectionSheet.Item] {
        guard let items, items.count <= InspectionSheet.maxItems else {
            throw BallastError.badParameter("items", zh: "请给出 1 至 \(InspectionSheet.maxItems) 个评分项", en: "Give 1 to \(InspectionSheet.maxItems) items")
        }
        return items.enumerated().map { i, it in
            InspectionSheet.Item(key: it.key?.trimmed.nilIfEmpty ?? "item\(i + 1)", name: it.name ?? "", points: it.points ?? 0)
        }
    }

    func sheetPut(req: Request) async throws -> SheetDTO {
        let b = try req.content.decode(SheetBody.self)
        let c = try await InspectionSheets.save(items: try Self.sheetItems(b.items), settings: .init(dropExtremesFrom: b.dropExtremesFrom ?? 5),
                                                version: try RequestParameters.version(b.version), context: try req.itemContext(), on: req.db)
        return Self.sheetDTO(c.sheet, dropExtremesFrom: c.settings.dropExtremesFrom)
    }

    // MARK: Pages

    func listPage(req: Request) async throws -> Response {
        let d = try req.district(), year = try await Self.year(req)
        let tours = try await InspectionQuery.list(districtID: try d.requireID(), year: year, on: req.db)
        return .html(InspectionsPage(year: year, tours: tours, lang: req.language).render())
    }

    func detailPage(req: Request) async throws -> Response { try await renderDetail(req, notice: nil) }

    func renderDetail(_ req: Request, notice: PageNotice?, status: HTTPStatus = .ok) async throws -> Response {
        let v = try await Self.view(req)
        let d = try req.district()
        let layer = try await MapLayers.current(districtID: try d.requireID(), year: v.tour.year, on: req.db)
        let scope = DashboardQuery.Scope(districtID: try d.requireID(), year: v.tour.year, asOf: min(v.today, v.tour.heldOn), today: v.today, scopeUnitID: nil)
        let ids = Set(v.stops.map(\.projectID))
        let points = try await MapPointsQuery.run(scope, filter: .init(), on: req.db).filter { ids.contains($0.id) }
        // Notice from a redirect after planning or scoring: said once.
        let said = notice ?? Self.savedNotice(req, v) ?? req.param("done").flatMap { key -> PageNotice? in
            key == "planned" ? .done(InspectionText.planned(v.tour.title).text(req.language)) : key == "closed" ? .done(InspectionText.closedDone.text(req.language)) : nil
        }
        return .html(InspectionPage(view: v, layer: layer?.layer, points: points, notice: said, lang: req.language).render(), status: status)
    }

    func newPage(req: Request) async throws -> Response { try await renderNew(req, form: nil, notice: nil) }

    func renderNew(_ req: Request, form: PlanBody?, notice: PageNotice?, status: HTTPStatus = .ok) async throws -> Response {
        let ctx = try req.itemContext()
        let day = (try? RequestParameters.date(form?.heldOn ?? req.param("heldOn"), field: "heldOn")).flatMap { $0 } ?? ctx.today
        let suggestions = try await InspectionDesk(context: ctx).suggest(year: PlanYear.isValid(day.year) ? day.year : ctx.today.year, on: day, db: req.db)
        let users = try await UserModel.query(on: req.db).filter(\.$district.$id == ctx.districtID).filter(\.$disabled == false)
            .sort(\.$displayName).limit(500).all()
            .filter { InspectionPlan.mayReview($0.roleList) }
        let sheet = try await InspectionSheets.current(districtID: ctx.districtID, on: req.db)
        return .html(InspectionNewPage(day: day, today: ctx.today, suggestions: suggestions, users: users, sheet: sheet.sheet, form: form,
                                       notice: notice, lang: req.language).render(), status: status)
    }

    func planPage(req: Request) async throws -> Response {
        let form = try req.content.decode(PlanBody.self)
        var made: InspectionModel?
        let response = try await PageOutcome.run(req, work: {
            made = try await InspectionDesk(context: try req.itemContext()).plan(try form.plan(), on: req.db)
            return InspectionText.planned(made?.title ?? "")
        }) { notice, status in try await renderNew(req, form: form, notice: notice, status: status) }
        if let id = made?.id { return req.redirect(to: Layout.link(Site.inspection.link(id, query: ["done": "planned"]), req.language)) }
        return response
    }

    func closePage(req: Request) async throws -> Response {
        let version = try req.content.decode(CloseBody.self).version
        var closed = false
        let response = try await PageOutcome.run(req, work: {
            _ = try await InspectionDesk(context: try req.itemContext()).close(inspectionID: try req.id("inspection", orElse: Self.noTour),
                                                                                version: try RequestParameters.version(version), on: req.db)
            closed = true
            return InspectionText.closedDone
        }) { notice, status in try await renderDetail(req, notice: notice, status: status) }
        if closed { return req.redirect(to: Layout.link(Site.inspection.link(try req.id("inspection", orElse: Self.noTour), query: ["done": "closed"]), req.language)) }
        return response
    }

    /// The phone form for one project.
    func scorePage(req: Request) async throws -> Response { try await renderScore(req, typed: nil, notice: nil) }

    /// Back from saving a sheet (`?saved=` the project): said once, with the sheet's total.
    static func savedNotice(_ req: Request, _ v: TourView) -> PageNotice? {
        guard let raw = req.param("saved"), let pid = UUID(uuidString: raw), let total = v.total(pid),
              let stop = v.stops.first(where: { $0.projectID == pid }) else { return nil }
        return .done(InspectionText.savedStop(stop.name, total).text(req.language))
    }

    func renderScore(_ req: Request, typed: [String: String]?, notice: PageNotice?, status: HTTPStatus = .ok) async throws -> Response {
        let v = try await Self.view(req)
        let pid = try req.id("project", orElse: Message(zh: "这次观摩没有这个项目", en: "The tour does not visit this project"))
        guard let stop = v.stops.first(where: { $0.projectID == pid }) else {
            throw BallastError.notFound(Message(zh: "这次观摩没有这个项目", en: "The tour does not visit this project"))
        }
        return .html(InspectionScorePage(view: v, stop: stop, typed: typed, notice: notice ?? Self.savedNotice(req, v), lang: req.language).render(), status: status)
    }

    struct ScoreForm: Content { var points: [String: String]? }

    func scorePost(req: Request) async throws -> Response {
        let form = try req.content.decode(ScoreForm.self)
        let pid = try req.id("project", orElse: Message(zh: "这次观摩没有这个项目", en: "The tour does not visit this project"))
        var saved = false
        let response = try await PageOutcome.run(req, work: {
            var points: InspectionScoring.Points = [:]
            for (key, raw) in (form.points ?? [:]).prefix(InspectionSheet.maxItems * 2) {
                let text = raw.trimmed
                if text.isEmpty { continue }
                guard let v = Double(text), v.isFinite else {
                    throw BallastError.badParameter(key, zh: "“\(text.prefix(20))”不是分数", en: "“\(text.prefix(20))” is not a score")
                }
                points[key] = v
            }
            let total = try await score(req, projectID: pid, points: points)
            saved = true
            return InspectionText.saved(total)
        }) { notice, status in try await renderScore(req, typed: notice.ok ? nil : form.points, notice: notice, status: status) }
        guard saved else { return response }
        // On to the next stop the reviewer has not scored, else back to the tour.
        let v = try await Self.view(req)
        let next = v.stops.first { $0.seq > (v.stops.first { $0.projectID == pid }?.seq ?? 0) && v.mine[$0.projectID] == nil && !v.standsAside($0) }
        let tourID = try v.tour.requireID()
        let to = next.map { Site.inspectionScore.link(tourID, $0.projectID, query: ["saved": pid.uuidString]) }
            ?? Site.inspection.link(tourID, query: ["saved": pid.uuidString])
        return req.redirect(to: Layout.link(to, req.language))
    }

    func sheetPage(req: Request) async throws -> Response { try await renderSheet(req, form: nil, notice: nil) }

    struct SheetForm: Content { var version: Int?; var lines: String?; var dropExtremesFrom: String? }

    func renderSheet(_ req: Request, form: SheetForm?, notice: PageNotice?, status: HTTPStatus = .ok) async throws -> Response {
        let c = try await InspectionSheets.current(districtID: try req.district().requireID(), on: req.db)
        return .html(InspectionSheetPage(current: c, form: form, notice: notice, lang: req.language).render(), status: status)
    }

    func sheetPost(req: Request) async throws -> Response {
        let form = try req.content.decode(SheetForm.self)
        return try await PageOutcome.run(req, work: {
            let lines = (form.lines ?? "").split(whereSeparator: \.isNewline).map(String.init).filter { !$0.trimmed.isEmpty }
            guard lines.count <= InspectionSheet.maxItems else {
                throw BallastError.badParameter("lines", zh: "评分项最多 \(InspectionSheet.maxItems) 个", en: "At most \(InspectionSheet.maxItems) items")
            }
            let items = try lines.enumerated().map { i, line -> SheetBody.Item in
                let parts = line.trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "　" })
                guard parts.count >= 2, let pts = Double(parts[parts.count - 1]) else {
                    throw BallastError.badParameter("lines", zh: "第 \(i + 1) 行应为“名称 分值”", en: "Line \(i + 1) should be “name points”")
                }
                return SheetBody.Item(key: nil, name: parts.dropLast().joined(separator: " "), points: pts)
            }
            guard let drop = Int((form.dropExtremesFrom ?? "5").trimmed) else {
                throw BallastError.badParameter("dropExtremesFrom", zh: "去掉最高最低分的人数应为整数", en: "dropExtremesFrom must be a whole number")
            }
            let c = try await InspectionSheets.save(items: try Self.sheetItems(items), settings: .init(dropExtremesFrom: drop),
                                                    version: try RequestParameters.version(form.version), context: try req.itemContext(), on: req.db)
            return InspectionText.sheetSaved(c.sheet.version)
        }) { notice, status in try await renderSheet(req, form: notice.ok ? nil : form, notice: notice, status: status) }
    }
}
