import BallastCore
import BallastOffice
import BallastStore
import Fluent
import Vapor

/// 资金与要素 (issue 27). The district's figures (`GET /api/v1/elements`, the `/elements` page)
/// for anyone who reads projects, a unit its own; a project's funding and land read with the
/// project and written by whoever edits it (a unit its own).
struct ElementsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = routes.access(.requires(.readProjects))
        read.get(Site.API.elements, use: figures)
        read.get(Site.elements, use: page)
        read.get(Site.API.projectElements, use: show)
        let edit = routes.access(.requires(.editProjects))
        edit.put(Site.API.projectFunds, use: saveFunds)
        edit.put(Site.API.projectLand, use: saveLand)
        edit.post(Site.projectFunds, use: saveFundsPage)
        edit.post(Site.projectLand, use: saveLandPage)
        edit.on(.POST, Site.API.fundsImport, body: .collect(maxSize: LedgerUpload.maxSize), use: importAPI)
            .uploads(LedgerUpload.maxSize)
        edit.on(.POST, Site.fundsImport, body: .collect(maxSize: LedgerUpload.maxSize), use: importPage)
            .uploads(LedgerUpload.maxSize)
        read.get(Site.fundsExport, use: export)
    }

    /// Applied whole (all-or-nothing), or refused with every problem by row and column.
    func importAPI(req: Request) async throws -> Response {
        let year = try await SheetDownload.year(req)
        let writer = FundsListWriter(editor: ElementsEditor(context: try req.itemContext()))
        let report = try await ListImport.run(req, entity: "funds-list", summary: "资金来源导入",
                                              read: { table, _ in FundsListFile.read(table) }) { rows in
            let o = try await writer.apply(rows, year: year, on: req.db)
            return .init(created: o.created, updated: o.updated, unchanged: o.unchanged, issues: o.issues)
        }
        return try ListImport.response(report)
    }

    func importPage(req: Request) async throws -> Response {
        let year = try await SheetDownload.year(req)
        return try await ListImport.preview(req, kind: .funds, year: year) { notice, status in
            .html(ElementsPage(figures: try await Self.load(req), lang: req.language, notice: notice).render(), status: status)
        }
    }

    func export(req: Request) async throws -> Response {
        let d = try req.district()
        let year = try await RequestParameters.yearOrDefault(nil, req, district: d)
        let raw = try SheetDownload.format(req)
        let rows = try await ElementsQuery.fileRows(districtID: try d.requireID(), year: year,
                                                    scopeUnitID: try req.requirePrincipal().scopeUnitID, on: req.db)
        return try SheetDownload.response(name: "\(d.code)-\(year)-funds", format: raw, sheet: "\(year)年资金来源",
                                          header: FundsListFile.header, rows: rows, numbersFrom: 2)
    }

    static func load(_ req: Request) async throws -> ElementsQuery.Figures {
        let d = try req.district()
        let year = try await RequestParameters.yearOrDefault(nil, req, district: d)
        let asOf = try RequestParameters.asOf(req, district: d, year: year)
        // Kept under the data version (at 6 000 projects the reading is 25 ms).
        let districtID = try d.requireID(), scope = try req.requirePrincipal().scopeUnitID, db = req.db
        return try await req.answer("elements \(year) \(asOf.iso)") {
            try await ElementsQuery.figures(districtID: districtID, year: year, asOf: asOf, scopeUnitID: scope, on: db)
        }
    }

    struct FiguresDTO: Content {
        struct Bonds: Content { var unit: String, projects: Int, planned: Double, arrived: Double }
        struct Line: Content { var projectID: UUID, code: String, name: String, unit: String, plannedStart: String?, reason: String }
        var year: Int
        var asOf: String
        var specialBondsByUnit: [Bonds]
        var waitingForLand: [Line]
        var fundsBehind: [Line]
        var arrivedAbovePlanned: [Line]

        init(_ f: ElementsQuery.Figures, lang: UILanguage) {
            let wan = { (m: Money) in m.rounded(in: .wan, places: 4) }
            let line = { (l: ElementsQuery.ProjectLine) in
                Line(projectID: l.projectID, code: l.code, name: l.name, unit: l.unit, plannedStart: l.plannedStart?.iso, reason: l.reason.text(lang))
            }
            year = f.year; asOf = f.asOf.iso
            specialBondsByUnit = f.bondsByUnit.map { Bonds(unit: $0.unit, projects: $0.projects, planned: wan($0.planned), arrived: wan($0.arrived)) }
            waitingForLand = f.waitingForLand.map(line); fundsBehind = f.fundsBehind.map(line); arrivedAbovePlanned = f.arrivedAbovePlanned.map(line)
        }
    }

    func figures(req: Request) async throws -> FiguresDTO { FiguresDTO(try await Self.load(req), lang: req.language) }

    func page(req: Request) async throws -> Response {
        .html(ElementsPage(figures: try await Self.load(req), lang: req.language).render())
    }

    // MARK: One project

    struct ProjectDTO: Content {
        struct Fund: Content { var source: String; var planned: Double; var arrived: Double }
        struct Finding: Content { var kind: String; var message: String }
        var projectID: UUID
        var year: Int
        var funds: [Fund]
        var fundsVersion: Int
        var areaMu: Double?
        var supplyMethod: String?
        var handedOverOn: String?
        var quotas: String?
        var landVersion: Int
        var findings: [Finding]

        init(projectID: UUID, _ v: ElementsQuery.ProjectView, lang: UILanguage) {
            self.projectID = projectID; year = v.year
            funds = v.funds.map { Fund(source: $0.source.rawValue, planned: $0.planned.rounded(in: .wan, places: 4), arrived: $0.arrived.rounded(in: .wan, places: 4)) }
            fundsVersion = v.fundsVersion
            areaMu = v.land?.areaMu; supplyMethod = v.land?.supplyMethod; handedOverOn = v.land?.handedOverOn?.iso; quotas = v.land?.quotas
            landVersion = v.landVersion
            findings = v.findings.map { Finding(kind: $0.kind.rawValue, message: $0.message.text(lang)) }
        }
    }

    func view(_ req: Request, projectID: UUID, year explicit: Int? = nil) async throws -> ProjectDTO {
        let d = try req.district()
        let year = try await RequestParameters.yearOrDefault(explicit, req, district: d)
        guard let p = try await ProjectModel.find(projectID, on: req.db) else { throw BallastError.notFound(Message(zh: "项目不存在", en: "No such project")) }
        let asOf = JudgingDay.of(year: year, asOf: DistrictContext.today(in: d))
        return ProjectDTO(projectID: projectID, try await ElementsQuery.project(p, year: year, asOf: asOf, on: req.db), lang: req.language)
    }

    func show(req: Request) async throws -> ProjectDTO {
        let project = try await req.scopedProject(try RequestParameters.uuid(req, "id"))
        return try await view(req, projectID: project.id)
    }

    struct FundsBody: Content {
        struct Line: Content { var source: String?; var planned: Double?; var arrived: Double? }
        var year: Int?
        var version: Int?
        var funds: [Line]?

        func lines() throws -> [FundLine] {
            guard let funds else { throw BallastError.badParameter("funds", zh: "缺少资金来源列表 funds", en: "funds is missing") }
            guard funds.count <= FundingSource.allCases.count else {
                throw BallastError.badParameter("funds", zh: "资金来源最多 \(FundingSource.allCases.count) 项", en: "At most \(FundingSource.allCases.count) sources")
            }
            return try funds.enumerated().map { i, l in
                guard let raw = l.source, let source = FundingSource.parse(raw) else {
                    throw BallastError.badParameter("funds[\(i)].source", zh: "第 \(i + 1) 项资金来源“\((l.source ?? "").prefix(20))”不在本区资金来源列表中（\(FundingSource.allCases.map(\.rawValue).joined(separator: "、"))）",
                                                    en: "Source \(i + 1) “\((l.source ?? "").prefix(20))” is not on the district's list")
                }
                return FundLine(source: source, planned: try l.planned.map { try ReportsController.money($0, field: "funds[\(i)].planned") } ?? .zero,
                                arrived: try l.arrived.map { try ReportsController.money($0, field: "funds[\(i)].arrived") } ?? .zero)
            }
        }
    }

    func saveFunds(req: Request) async throws -> ProjectDTO {
        let body = try req.content.decode(FundsBody.self)
        let id = try RequestParameters.uuid(req, "id")
        let year = try await RequestParameters.yearOrDefault(body.year, req, district: try req.district())
        try await ElementsEditor(context: try req.itemContext()).saveFunds(projectID: id, year: year, try body.lines(),
                                                                           version: try RequestParameters.version(body.version), on: req.db)
        return try await view(req, projectID: id, year: year)
    }

    struct LandBody: Content {
        var areaMu: Double?
        var supplyMethod: String?
        var handedOverOn: String?
        var quotas: String?
        var version: Int?

        func record() throws -> LandRecord {
            LandRecord(areaMu: areaMu, supplyMethod: supplyMethod, handedOverOn: try RequestParameters.date(handedOverOn, field: "handedOverOn"), quotas: quotas)
        }
    }

    func saveLand(req: Request) async throws -> ProjectDTO {
        let body = try req.content.decode(LandBody.self)
        let id = try RequestParameters.uuid(req, "id")
        try await ElementsEditor(context: try req.itemContext()).saveLand(projectID: id, try body.record(),
                                                                          version: try RequestParameters.version(body.version), on: req.db)
        return try await view(req, projectID: id)
    }

    // MARK: The project page's forms

    /// The form's boxes: `planned-<key>` and `arrived-<key>` per source, in 万元.
    func saveFundsPage(req: Request) async throws -> Response {
        struct Head: Content { var year: Int?; var version: Int? }
        let head = try req.content.decode(Head.self)
        let boxes = try req.content.decode([String: String].self)
        return try await PageOutcome.onProjectPage(req) {
            var lines: [FundLine] = []
            for s in FundingSource.allCases {
                let planned = try RequestParameters.money(boxes["planned-\(s.key)"], field: "planned-\(s.key)", label: "\(s.rawValue)计划", nonNegative: true)
                let arrived = try RequestParameters.money(boxes["arrived-\(s.key)"], field: "arrived-\(s.key)", label: "\(s.rawValue)到位", nonNegative: true)
                if planned != nil || arrived != nil { lines.append(FundLine(source: s, planned: planned ?? .zero, arrived: arrived ?? .zero)) }
            }
            let year = try await RequestParameters.yearOrDefault(head.year, req, district: try req.district())
            try await ElementsEditor(context: try req.itemContext()).saveFunds(projectID: try RequestParameters.uuid(req, "id"), year: year, lines,
                                                                               version: try RequestParameters.version(head.version), on: req.db)
            return UIText.saved
        }
    }

    func saveLandPage(req: Request) async throws -> Response {
        struct Form: Content { var areaMu: String?; var supplyMethod: String?; var handedOverOn: String?; var quotas: String?; var version: Int? }
        let f = try req.content.decode(Form.self)
        return try await PageOutcome.onProjectPage(req) {
            var area: Double?
            if let raw = f.areaMu?.trimmed, !raw.isEmpty {
                guard raw.count <= 12, let v = Double(raw), v.isFinite else {
                    throw BallastError.badParameter("areaMu", zh: "用地面积应为数字（亩），实为“\(raw.prefix(20))”", en: "areaMu must be a number of mu, not “\(raw.prefix(20))”")
                }
                area = v
            }
            let record = LandRecord(areaMu: area, supplyMethod: f.supplyMethod, handedOverOn: try RequestParameters.date(f.handedOverOn, field: "handedOverOn"),
                                    quotas: f.quotas)
            try await ElementsEditor(context: try req.itemContext()).saveLand(projectID: try RequestParameters.uuid(req, "id"), record,
                                                                              version: try RequestParameters.version(f.version), on: req.db)
            return UIText.saved
        }
    }
}
