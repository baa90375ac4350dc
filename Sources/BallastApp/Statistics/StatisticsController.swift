import BallastCore
import BallastOffice
import BallastStore
import Fluent
import Vapor

/// 入库纳统 (issue 27). The district's figures (`GET /api/v1/statistics`, the `/statistics`
/// page) for anyone who reads projects, a unit its own; a project's record read with the
/// project, written by whoever edits the project (a unit its own); the counted investment of a
/// month (the statistics office's figure) written by the project office.
struct StatisticsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = routes.access(.requires(.readProjects))
        read.get(Site.API.statistics, use: figures)
        read.get(Site.statistics, use: page)
        read.get(Site.API.projectStatistics, use: show)
        let edit = routes.access(.requires(.editProjects))
        edit.put(Site.API.projectStatistics, use: save)
        edit.post(Site.projectStatistics, use: savePage)
        let office = routes.access(.requires(.reviewReports))
        office.put(Site.API.projectStatisticsCounts, use: saveCounted)
        office.post(Site.projectStatisticsCounted, use: saveCountedPage)
        office.on(.POST, Site.API.statisticsImport, body: .collect(maxSize: LedgerUpload.maxSize), use: importAPI)
            .uploads(LedgerUpload.maxSize)
        office.on(.POST, Site.statisticsImport, body: .collect(maxSize: LedgerUpload.maxSize), use: importPage)
            .uploads(LedgerUpload.maxSize)
        read.get(Site.statisticsExport, use: export)
    }

    struct Window { var year: Int, asOf: CalendarDate }

    static func window(_ req: Request) async throws -> Window {
        let d = try req.district()
        let year = try await RequestParameters.yearOrDefault(nil, req, district: d)
        return Window(year: year, asOf: try RequestParameters.asOf(req, district: d, year: year))
    }

    struct Figures: Sendable {
        var window: Window
        var rule: WarningThresholds
        var missing: [StatisticsQuery.Missing]
        var byUnit: [StatisticsQuery.UnitMissing]
        var gap: [StatisticsQuery.GapRow]
    }

    /// One reading for the page and the API, in the caller's scope.
    /// Kept under the data version (at 6 000 projects the reading is 45 ms).
    static func load(_ req: Request) async throws -> Figures {
        let districtID = try req.district().requireID(), w = try await window(req), scope = try req.requirePrincipal().scopeUnitID, db = req.db
        return try await req.answer("statistics \(w.year) \(w.asOf.iso)") {
            try await load(districtID: districtID, window: w, scope: scope, on: db)
        }
    }

    /// The same reading for the CLI (`ballast report statistics`).
    static func load(districtID: UUID, window w: Window, scope: UUID?, on db: any Database) async throws -> Figures {
        let missing = try await StatisticsQuery.missing(districtID: districtID, asOf: w.asOf, scopeUnitID: scope, on: db)
        return Figures(window: w, rule: try await WarningEngine.thresholds(districtID: districtID, year: w.year, on: db),
                       missing: missing, byUnit: StatisticsQuery.byUnit(missing),
                       gap: try await StatisticsQuery.gap(districtID: districtID, year: w.year, asOf: w.asOf, scopeUnitID: scope, on: db))
    }

    // MARK: Figures

    struct FiguresDTO: Content {
        struct Rule: Content { var yellowMonths: Int; var redMonths: Int }
        struct MissingDTO: Content {
            var projectID: UUID, code: String, name: String, unit: String, startedOn: String, status: String
            var declaredOn: String?, months: Int, reportedYTD: Double
        }
        struct UnitDTO: Content { var unit: String, projects: Int, reportedYTD: Double }
        struct GapDTO: Content { var unit: String, month: Int, reported: Double, counted: Double, gap: Double }
        var year: Int
        var asOf: String
        var rule: Rule
        var missing: [MissingDTO]
        var byUnit: [UnitDTO]
        var gap: [GapDTO]

        init(_ f: Figures) {
            let wan = { (m: Money) in m.rounded(in: .wan, places: 4) }
            year = f.window.year; asOf = f.window.asOf.iso
            rule = Rule(yellowMonths: f.rule.statsYellowMonths, redMonths: f.rule.statsRedMonths)
            missing = f.missing.map { m in
                MissingDTO(projectID: m.projectID, code: m.code, name: m.name, unit: m.unit, startedOn: m.startedOn.iso,
                           status: m.status.rawValue, declaredOn: m.declaredOn?.iso, months: m.months, reportedYTD: wan(m.reportedYTD))
            }
            byUnit = f.byUnit.map { UnitDTO(unit: $0.unit, projects: $0.projects, reportedYTD: wan($0.reportedYTD)) }
            gap = f.gap.map { GapDTO(unit: $0.unit, month: $0.month, reported: wan($0.reported), counted: wan($0.counted), gap: wan($0.gap)) }
        }
    }

    func figures(req: Request) async throws -> FiguresDTO { FiguresDTO(try await Self.load(req)) }

    func page(req: Request) async throws -> Response {
        .html(StatisticsPage(figures: try await Self.load(req), lang: req.language).render())
    }

    // MARK: One project

    struct RecordDTO: Content {
        struct MonthDTO: Content { var month: Int; var reported: Double?; var counted: Double? }
        var projectID: UUID
        var startedOn: String?
        var declaredOn: String?
        var includedOn: String?
        var statisticsNumber: String?
        /// Where the project stands on `asOf` (the district's day): `not-included`, `declared`, `included`.
        var status: String
        var asOf: String
        /// 0 while nothing was entered: send it back with a change.
        var version: Int
        var year: Int
        var months: [MonthDTO]

        init(projectID: UUID, _ v: StatisticsQuery.ProjectView, asOf: CalendarDate) {
            self.projectID = projectID
            startedOn = v.record.startedOn?.iso; declaredOn = v.record.declaredOn?.iso; includedOn = v.record.includedOn?.iso
            statisticsNumber = v.record.number; status = v.record.status(asOf: asOf).rawValue; self.asOf = asOf.iso
            version = v.version; year = v.year
            months = v.months.map { MonthDTO(month: $0.month, reported: $0.reported?.rounded(in: .wan, places: 4),
                                             counted: $0.counted?.rounded(in: .wan, places: 4)) }
        }
    }

    struct RecordBody: Content {
        var startedOn: String?
        var declaredOn: String?
        var includedOn: String?
        var statisticsNumber: String?
        var version: Int?

        func record() throws -> StatisticsRecord {
            StatisticsRecord(startedOn: try RequestParameters.date(startedOn, field: "startedOn"),
                             declaredOn: try RequestParameters.date(declaredOn, field: "declaredOn"),
                             includedOn: try RequestParameters.date(includedOn, field: "includedOn"),
                             number: statisticsNumber?.trimmed.nilIfEmpty)
        }
    }

    func view(_ req: Request, projectID: UUID) async throws -> RecordDTO {
        let d = try req.district()
        let year = try await RequestParameters.yearOrDefault(nil, req, district: d)
        return RecordDTO(projectID: projectID, try await StatisticsQuery.project(projectID, year: year, on: req.db),
                         asOf: DistrictContext.today(in: d))
    }

    func show(req: Request) async throws -> RecordDTO {
        let project = try await req.scopedProject(try RequestParameters.uuid(req, "id"))
        return try await view(req, projectID: project.id)
    }

    func save(req: Request) async throws -> RecordDTO {
        let body = try req.content.decode(RecordBody.self)
        let id = try RequestParameters.uuid(req, "id")
        try await StatisticsEditor(context: try req.itemContext()).save(projectID: id, try body.record(), version: body.version, on: req.db)
        return try await view(req, projectID: id)
    }

    struct CountBody: Content {
        var year: Int?
        var month: Int?
        /// 万元; null clears the month's figure.
        var counted: Double?
    }

    func saveCounted(req: Request) async throws -> RecordDTO {
        let body = try req.content.decode(CountBody.self)
        let id = try RequestParameters.uuid(req, "id")
        let year = try await RequestParameters.yearOrDefault(body.year, req, district: try req.district())
        guard let month = body.month else { throw BallastError.badParameter("month", zh: "缺少月份 month（1～12）", en: "month (1 to 12) is missing") }
        let amount = try body.counted.map { try ReportsController.money($0, field: "counted") }
        try await StatisticsEditor(context: try req.itemContext()).setCounted(projectID: id, year: year, month: month, amount, on: req.db)
        return try await view(req, projectID: id)
    }

    // MARK: The project page's forms

    struct PageForm: Content {
        var startedOn: String?
        var declaredOn: String?
        var includedOn: String?
        var statisticsNumber: String?
        var version: Int?
    }

    func savePage(req: Request) async throws -> Response {
        let f = try req.content.decode(PageForm.self)
        return try await PageOutcome.onProjectPage(req) {
            let body = RecordBody(startedOn: f.startedOn, declaredOn: f.declaredOn, includedOn: f.includedOn,
                                  statisticsNumber: f.statisticsNumber, version: f.version)
            try await StatisticsEditor(context: try req.itemContext())
                .save(projectID: try RequestParameters.uuid(req, "id"), try body.record(), version: f.version, on: req.db)
            return UIText.saved
        }
    }

    struct CountForm: Content {
        var year: Int?
        var month: Int?
        var counted: String?
    }

    func saveCountedPage(req: Request) async throws -> Response {
        let f = try req.content.decode(CountForm.self)
        return try await PageOutcome.onProjectPage(req) {
            let year = try await RequestParameters.yearOrDefault(f.year, req, district: try req.district())
            guard let month = f.month else { throw BallastError.badParameter("month", zh: "请选择月份", en: "Choose the month") }
            let amount = try RequestParameters.money(f.counted, field: "counted", label: StatisticsText.counted.zh, nonNegative: true)
            try await StatisticsEditor(context: try req.itemContext())
                .setCounted(projectID: try RequestParameters.uuid(req, "id"), year: year, month: month, amount, on: req.db)
            return StatisticsText.savedCounted(year, month)
        }
    }

    // MARK: The 入库纳统 file

    /// Applied whole (all-or-nothing), or refused with every problem by row and column.
    func importAPI(req: Request) async throws -> Response {
        let year = try await SheetDownload.year(req)
        let writer = StatisticsListWriter(editor: StatisticsEditor(context: try req.itemContext()))
        let report = try await ListImport.run(req, entity: "statistics-list", summary: "入库纳统导入",
                                              read: { table, today in StatisticsListFile.read(table, today: today, year: year) }) { rows in
            let o = try await writer.apply(rows, year: year, on: req.db)
            return .init(created: o.created, updated: o.updated, unchanged: o.unchanged, issues: o.issues)
        }
        return try ListImport.response(report)
    }

    /// From the page: the file previewed, then confirmed (or cancelled, or later undone) on its record.
    func importPage(req: Request) async throws -> Response {
        let year = try await SheetDownload.year(req)
        return try await ListImport.preview(req, kind: .statistics, year: year) { notice, status in
            .html(StatisticsPage(figures: try await Self.load(req), lang: req.language, notice: notice).render(), status: status)
        }
    }

    func export(req: Request) async throws -> Response {
        let d = try req.district()
        let year = try await RequestParameters.yearOrDefault(nil, req, district: d)
        let raw = try SheetDownload.format(req)
        let rows = try await StatisticsQuery.fileRows(districtID: try d.requireID(), year: year,
                                                      scopeUnitID: try req.requirePrincipal().scopeUnitID, on: req.db)
        return try SheetDownload.response(name: "\(d.code)-\(year)-statistics", format: raw, sheet: "\(year)年入库纳统",
                                          header: StatisticsListFile.header, rows: rows, numbersFrom: 6)
    }
}
