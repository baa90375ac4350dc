import BallastCore
import BallastOffice
import BallastStore
import Fluent
import Vapor

/// The pages officials use: overview, ledger, project, forms, import.
struct PagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.access(.requires(.readSummary)).get(Site.overview, use: overview)
        let read = routes.access(.requires(.readProjects))
        read.get(Site.projects, use: list)
        read.get(Site.project, use: detail)
        read.get(Site.ledgerExport, use: export)
        let manage = routes.access(.requires(.manageProjects))
        manage.get(Site.projectNew, use: newForm)
        manage.post(Site.projectNew, use: create)
        manage.post(Site.projectDelete, use: delete)
        let edit = routes.access(.requires(.editProjects))
        edit.get(Site.projectEdit, use: editForm)
        edit.post(Site.projectEdit, use: update)
        let imports = routes.access(.requires(.importLedger))
        imports.get(Site.ledgerImport, use: importForm)
        imports.on(.POST, Site.ledgerImport, body: .collect(maxSize: LedgerUpload.maxSize), use: importUpload)
            .uploads(LedgerUpload.maxSize)
        let open = routes.access(.open)
        open.get(Site.stylesheet, use: css)
        open.get(Site.screenScript, use: screenScript)
        open.get(Site.mapScript, use: mapScript)
        open.get(Site.ledgerExample, use: example)
    }

    func html(_ s: String, status: HTTPResponseStatus = .ok) -> Response {
        .html(s, status: status)
    }

    func district(_ req: Request) async throws -> DistrictModel { try req.district() }

    func actor(_ req: Request) throws -> ChangeActor { try req.changeActor() }

    func overview(req: Request) async throws -> Response {
        let d = try await district(req)
        let year = try await RequestParameters.yearOrDefault(nil, req, district: d)
        let asOf = try RequestParameters.asOf(req, district: d, year: year)
        let principal = try req.requirePrincipal()
        let districtID = try d.requireID(), unit = principal.scopeUnitID, db = req.db, alongside = req.dbAlongside
        let s = try await req.answer("summary \(year) \(asOf.iso)") {
            try await SummaryQuery.run(districtID: districtID, year: year, asOf: asOf, scopeUnitID: unit, on: db, alongside: alongside)
        }
        // A unit's user sees its own projects, and the heading says whose they are.
        let whose = principal.scopeUnitID != nil ? (principal.unitName ?? d.name) : d.name
        // The year's list changes (动态调整) taking effect by the day, as the summary counts them.
        // Those decided for a later day are counted apart: the figures do not have them yet.
        let all = try await PlanChangeQuery.list(districtID: try d.requireID(), year: year, scopeUnitID: principal.scopeUnitID, on: req.db)
        let changes = all.filter { $0.effectiveOn <= asOf }
        return html(OverviewPage.render(district: whose, summary: s, changes: changes, pending: all.count - changes.count, lang: req.language))
    }

    func list(req: Request) async throws -> Response {
        let d = try await district(req)
        // An empty year field means "all years"; no year parameter at all means the current one.
        let year: Int? = req.param("year") == "" ? nil : try await RequestParameters.yearOrDefault(nil, req, district: d)
        var filter = try RequestParameters.filter(req, year: year)
        filter.scopeUnitID = try req.requirePrincipal().scopeUnitID
        // What the list is drawn from is kept under the district's data version (`Request.answer`).
        let districtID = try d.requireID(), db = req.db, asked = filter
        let page = try await req.answer("project-list \(asked)") { try await ProjectListQuery.run(districtID: districtID, filter: asked, on: db) }
        let opts = try await req.answer("reference-options \(year.map(String.init) ?? "-")") { try await ReferenceOptions.load(d, year: year, on: db) }
        var view = ProjectListPage(year: year, filter: filter, page: page, options: opts, lang: req.language)
        // Columns: asked for in the address, else (a list of one light) those that explain it,
        // else the ones this user keeps, else all.
        view.explicitColumns = ProjectListColumn.parse(req.param("cols"))
        var kept: [ProjectListColumn]?
        if let userID = try req.requirePrincipal().userID {
            kept = ProjectListColumn.parse(try await UserModel.find(userID, on: req.db)?.listColumns)
        }
        view.shown = view.explicitColumns ?? (filter.colour != nil ? ProjectListColumn.explainingLight : kept ?? ProjectListColumn.standard)
        // With a year, each row says its light and why, as of the list's day (`ColourAsOf`, as
        // the dashboard counts them): a leader who opened the red list sees why each is red.
        if let year {
            let day = try filter.colour?.day ?? RequestParameters.asOf(req, district: d, year: year)
            // The one kept list of the day's lights (in the caller's scope, which the filter holds).
            view.lights = Dictionary(try await req.lights(year: year, asOf: day).map { ($0.projectID, $0) }, uniquingKeysWith: { a, _ in a })
            let month = day.year > year ? 12 : day.year < year ? 0 : day.month
            let done = try await req.answer("completed-by-project \(year) \(month)") {
                try await CompletedQuery.byProject(districtID: districtID, year: year, throughMonth: month, on: db)
            }
            for p in page.items {
                if let plan = p.annualPlan, let rate = CompletionRate.of(completed: (done[p.id] ?? .zero).yuan, plan: plan.yuan) {
                    view.completion[p.id] = rate
                }
            }
        }
        return html(view.render())
    }

    func detail(req: Request) async throws -> Response {
        try await detailPage(req, notice: nil)
    }

    /// The project page, with the outcome of a form posted from it when there is one.
    func detailPage(_ req: Request, notice: PageNotice?, status: HTTPStatus = .ok) async throws -> Response {
        let d = try await district(req)
        let id = try RequestParameters.uuid(req, "id")
        let detail = try await req.scopedProject(id)
        let today = DistrictContext.today(in: d), db = req.db
        let page = try await req.answer("project-page \(id)") {
            try await ProjectPageModel.load(detail, district: d, today: today, on: db)
        }
        return html(ProjectDetailPage.render(page, notice: notice, lang: req.language), status: status)
    }

    func newForm(req: Request) async throws -> Response {
        let d = try await district(req)
        let year = try await RequestParameters.defaultYear(district: d, on: req.db)
        let t = UIText.newProject.text(req.language)
        return html(ProjectFormPage(title: t, action: Site.projectNew.link, year: year, version: nil, values: ["stage": "在建", "level": "区重点"],
                                    errors: [:], options: try await ReferenceOptions.load(d, year: year, on: req.db), lang: req.language).render())
    }

    func editForm(req: Request) async throws -> Response {
        let d = try await district(req)
        let id = try RequestParameters.uuid(req, "id")
        let detail = try await req.scopedProject(id)
        let fallback = try await RequestParameters.defaultYear(district: d, on: req.db)
        let year = detail.plans.first?.year ?? fallback
        var values: [String: String] = [:]
        for (column, text) in zip(LedgerColumn.allCases, detail.record.exportCells) { values[FormValidation.fieldName(column)] = text }
        return html(ProjectFormPage(title: UIText.edit.text(req.language) + " · " + detail.record.name,
                                    action: Site.projectEdit.link(id), year: year, version: detail.version, values: values,
                                    errors: [:], options: try await ReferenceOptions.load(d, year: year, on: req.db), lang: req.language).render())
    }

    /// The posted form as ledger cells, keyed by field name, to validate and to show again.
    func formValues(_ req: Request) throws -> [String: String] {
        let all = try req.content.decode([String: String].self)
        return all.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    func save(req: Request, id: UUID?) async throws -> Response {
        let d = try await district(req)
        let values = try formValues(req)
        guard let year = values["year"].flatMap(Int.init) else {
            throw BallastError.badParameter("year", zh: "缺少年度", en: "The year is missing")
        }
        var cells: [LedgerColumn: String] = [:]
        for c in LedgerColumn.allCases { cells[c] = values[FormValidation.fieldName(c)] ?? "" }
        let levels = try await LedgerWriter.knownLevels(districtID: d.requireID(), year: year, on: req.db)
        let editor = ProjectEditor(writer: LedgerWriter(districtID: try d.requireID(), year: year, actor: try actor(req),
                                                        today: DistrictContext.today(in: d)))
        let lang = req.language
        // Checked before validation: a unit trying to take over a field gets 403, not a form.
        var scoped: ProjectDetail?
        if let id { scoped = try await req.scopedProject(id) }
        do {
            let record = try FormValidation.record(from: cells, knownLevels: levels, division: d.divisionCode)
            if let scoped { try UnitEditCheck.check(req, before: scoped.record, after: record) }
            if let id {
                guard let version = values["version"].flatMap(Int.init) else {
                    throw BallastError.badParameter("version", zh: "缺少版本号", en: "The version is missing")
                }
                try await editor.update(id: id, version: version, with: record, on: req.db)
                return req.redirect(to: Layout.link(Site.project.link(id), lang))
            }
            let newID = try await editor.create(record, on: req.db)
            return req.redirect(to: Layout.link(Site.project.link(newID), lang))
        } catch {
            let e = APIErrorMiddleware.describe(error)
            guard e.status == .unprocessableEntity || e.status == .conflict else { throw error }
            var errors: [String: String] = [:]
            for issue in e.details {
                let field = issue.column.flatMap(LedgerColumn.init(rawValue:)).map(FormValidation.fieldName) ?? "code"
                errors[field] = issue.message.text(lang)
            }
            if errors.isEmpty { errors[e.field ?? "code"] = e.message.text(lang) }
            let title = id == nil ? UIText.newProject.text(lang) : UIText.edit.text(lang)
            let page = ProjectFormPage(title: title, action: id.map { Site.projectEdit.link($0) } ?? Site.projectNew.link, year: year,
                                       version: values["version"].flatMap(Int.init), values: values, errors: errors,
                                       options: try await ReferenceOptions.load(d, year: year, on: req.db), lang: lang)
            return html(page.render(), status: e.status)
        }
    }

    func create(req: Request) async throws -> Response { try await save(req: req, id: nil) }
    func update(req: Request) async throws -> Response { try await save(req: req, id: try RequestParameters.uuid(req, "id")) }

    func delete(req: Request) async throws -> Response {
        let d = try await district(req)
        let values = try formValues(req)
        guard let version = values["version"].flatMap(Int.init) else {
            throw BallastError.badParameter("version", zh: "缺少版本号", en: "The version is missing")
        }
        let year = try await RequestParameters.defaultYear(district: d, on: req.db)
        try await ProjectEditor(writer: LedgerWriter(districtID: try d.requireID(), year: year, actor: try actor(req),
                                                     today: DistrictContext.today(in: d)))
            .delete(id: try RequestParameters.uuid(req, "id"), version: version, on: req.db)
        return req.redirect(to: Layout.link(Site.projects.link, req.language))
    }

    func importForm(req: Request) async throws -> Response {
        let year = try await RequestParameters.defaultYear(district: try req.district(), on: req.db)
        return try await ImportPage.response(req, year: year)
    }

    /// An upload is previewed, never applied: the browser goes to the preview, where the user
    /// confirms or cancels (`ImportBatchService`). A file with bad rows shows them here.
    func importUpload(req: Request) async throws -> Response {
        let form = try req.multipartForm()
        let year = try RequestParameters.present(RequestParameters.year(text: form.text("year"), required: true), "year")
        guard let file = form.file("file") else {
            throw BallastError.badParameter("file", zh: "没有上传文件", en: "No file was uploaded")
        }
        let strict = form.text("strict").map { ["true", "on", "1"].contains($0.lowercased()) } ?? false
        let d = try req.district()
        let service = ImportBatchService(district: d, actor: try actor(req))
        switch try await service.stageLedger(year: year, strict: strict, data: file.data, fileName: file.filename, on: req.db) {
        case .batch(let batch):
            return req.redirect(to: Layout.link(Site.importBatch.link(try batch.requireID()), req.language))
        case .refusedLedger(let report):
            return try await ImportPage.response(req, year: year, report: report, status: .unprocessableEntity)
        case .refusedProgress, .refusedList:
            throw Abort(.internalServerError)
        }
    }

    func export(req: Request) async throws -> Response {
        let d = try await district(req)
        let year = try RequestParameters.present(RequestParameters.year(req, required: true), "year")
        return try await LedgerUpload.exportResponse(req, district: d, year: year)
    }

    func css(req: Request) async throws -> Response {
        Response(status: .ok, headers: ["Content-Type": "text/css; charset=utf-8", "Cache-Control": "max-age=3600"],
                 body: .init(string: Stylesheet.css))
    }

    func screenScript(req: Request) async throws -> Response { Self.script(ScreenScript.js) }

    func mapScript(req: Request) async throws -> Response { Self.script(MapScript.js) }

    static func script(_ js: String) -> Response {
        Response(status: .ok, headers: ["Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "max-age=3600"],
                 body: .init(string: js))
    }

    func example(req: Request) async throws -> Response {
        let data = CSVTable.write(header: LedgerRecord.exportHeaders, rows: ExampleLedger.records.map(\.exportCells))
        return Response(status: .ok, headers: ["Content-Type": "text/csv; charset=utf-8",
                                               "Content-Disposition": "attachment; filename=\"ledger-example.csv\""],
                        body: .init(data: data))
    }
}
