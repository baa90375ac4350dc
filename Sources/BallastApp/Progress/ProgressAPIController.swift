import BallastCore
import BallastStore
import Fluent
import Vapor

/// `/api/v1/warnings` (the colours, as the CLI lists them) and `/api/v1/progress/import`.
struct ProgressAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.access(.requires(.readProjects)).get(Site.API.warnings, use: warnings)
        routes.access(.requires(.readProjects)).get(Site.API.warningsChanges, use: changes)
        routes.access(.requires(.readProjects)).get(Site.warnings, use: page)
        routes.access(.requires(.importLedger)).on(.POST, Site.progressImport, body: .collect(maxSize: LedgerUpload.maxSize), use: uploadPage)
            .uploads(LedgerUpload.maxSize)
        routes.access(.requires(.importLedger)).on(.POST, Site.API.progressImport, body: .collect(maxSize: LedgerUpload.maxSize), use: importProgress)
            .uploads(LedgerUpload.maxSize)
    }

    /// `?year=&asOf=&colour=red,yellow`: worst first; a unit sees its own projects only.
    func warnings(req: Request) async throws -> [WarningDTO] {
        let d = try req.district()
        let year = try await RequestParameters.yearOrDefault(nil, req, district: d)
        let asOf = try RequestParameters.asOf(req, district: d, year: year)
        var list = try await req.lights(year: year, asOf: asOf)
        if let raw = req.param("colour"), !raw.isEmpty {
            guard let wanted = WarningColour.parseList(raw) else {
                throw BallastError.badParameter("colour", zh: "colour 只能是 red、yellow、blue、green", en: "colour must be red, yellow, blue or green")
            }
            list = list.filter { wanted.contains($0.outcome.colour) }
        }
        // "Red for three months": lit since on or before a date.
        if let raw = req.param("sinceBefore"), !raw.isEmpty {
            guard let date = CalendarDate.parse(raw), raw.count >= 8 else {
                throw BallastError.badParameter("sinceBefore", zh: "sinceBefore 应为 YYYY-MM-DD", en: "sinceBefore must be YYYY-MM-DD")
            }
            list = list.filter { $0.since <= date }
        }
        return WarningDTO.sorted(list).map { WarningDTO($0, req.language) }
    }

    /// The import page's second form: a progress file, previewed (`ImportBatchService`); a file
    /// with bad rows shows them on the import page.
    func uploadPage(req: Request) async throws -> Response {
        let d = try req.district()
        let (data, fileName) = try LedgerUpload.file(from: req)
        switch try await ImportBatchService(district: d, actor: try req.changeActor()).stageProgress(data: data, fileName: fileName, on: req.db) {
        case .batch(let batch):
            return req.redirect(to: Layout.link(Site.importBatch.link(try batch.requireID()), req.language))
        case .refusedProgress(let report):
            let year = try await RequestParameters.defaultYear(district: d, on: req.db)
            return try await ImportPage.response(req, year: year, progress: report, status: .unprocessableEntity)
        case .refusedLedger, .refusedList:
            throw Abort(.internalServerError)
        }
    }

    func page(req: Request) async throws -> Response {
        let d = try req.district()
        let year = try await RequestParameters.yearOrDefault(nil, req, district: d)
        let asOf = try RequestParameters.asOf(req, district: d, year: year)
        let colour = try req.param("colour").flatMap { raw -> WarningColour? in
            if raw.isEmpty { return nil }
            guard let c = WarningColour(rawValue: raw) else {
                throw BallastError.badParameter("colour", zh: "colour 只能是 red、yellow、blue、green", en: "colour must be red, yellow, blue or green")
            }
            return c
        }
        let districtID = try d.requireID(), unit = try req.requirePrincipal().scopeUnitID, db = req.db
        // The year's 亮灯督办 items are kept beside the lights: at 6 000 projects they were most
        // of what the page still read when the lights were kept.
        let supervision = try await req.answer("lit-supervision \(year)") {
            try await SupervisionQuery.run(districtID: districtID, year: year, open: nil, scopeUnitID: unit, on: db)
        }
        let page = try await WarningsPage.load(districtID: districtID, year: year, asOf: asOf, warnings: try await req.lights(year: year, asOf: asOf),
                                               supervision: supervision, colour: colour, lang: req.language, on: db)
        return .html(page.render())
    }

    struct ChangeDTO: Content {
        var code: String
        var name: String
        var from: String?
        var to: String
        var on: String
    }

    /// `?from=&to=&colour=`: changes of colour in a period ("new reds this week": colour=red
    /// over the last seven days; "turned green": colour=green). Default: the last seven days.
    func changes(req: Request) async throws -> [ChangeDTO] {
        let d = try req.district()
        let year = try await RequestParameters.yearOrDefault(nil, req, district: d)
        let today = JudgingDay.of(year: year, asOf: DistrictContext.today(in: d))
        func date(_ key: String, _ fallback: CalendarDate) throws -> CalendarDate {
            guard let raw = req.param(key), !raw.isEmpty else { return fallback }
            guard let v = CalendarDate.parse(raw), raw.count >= 8 else {
                throw BallastError.badParameter(key, zh: "参数 \(key) 应为 YYYY-MM-DD", en: "Parameter \(key) must be YYYY-MM-DD")
            }
            return v
        }
        var colours: Set<WarningColour>?
        if let raw = req.param("colour"), !raw.isEmpty {
            guard let parsed = WarningColour.parseList(raw) else {
                throw BallastError.badParameter("colour", zh: "colour 只能是 red、yellow、blue、green", en: "colour must be red, yellow, blue or green")
            }
            colours = parsed
        }
        let list = try await WarningChangesQuery.run(districtID: try d.requireID(), year: year, from: try date("from", today.adding(days: -6)),
                                                     through: try date("to", today), to: colours,
                                                     scopeUnitID: try req.requirePrincipal().scopeUnitID, on: req.db)
        return list.map { ChangeDTO(code: $0.code, name: $0.name, from: $0.from?.rawValue, to: $0.to.rawValue, on: $0.on.iso) }
    }

    struct ProgressReportDTO: Content {
        var applied: Bool
        var rows: Int
        var created: Int
        var adjusted: Int
        var unchanged: Int
        /// The first 1 000 problems; `issueTotal` counts them all.
        var issues: [IssueDTO]
        var issueTotal: Int
    }

    func importProgress(req: Request) async throws -> Response {
        let (data, fileName) = try LedgerUpload.file(from: req)
        let report = try await ProgressImportService(district: try req.district(), actor: try req.changeActor())
            .run(data: data, fileName: fileName, on: req.db)
        let response = Response(status: report.applied ? .ok : .unprocessableEntity)
        try response.content.encode(ProgressReportDTO(applied: report.applied, rows: report.rows, created: report.created,
                                                       adjusted: report.adjusted, unchanged: report.unchanged,
                                                       issues: report.issues.prefix(TableLimits.maxReportedIssues).map { IssueDTO($0, req.language) },
                                                       issueTotal: report.issues.count))
        return response
    }
}
