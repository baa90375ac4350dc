import BallastCore
import BallastStore
import Fluent
import Vapor

/// 四库: the board and its figures (anyone who reads projects; a unit its own), pool moves
/// (whoever edits the project; skipping and moving back only the project office) and the
/// annual targets (the project office).
struct PipelineController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = routes.access(.requires(.readProjects))
        read.get(Site.pipeline, use: page)
        read.get(Site.API.pipeline, use: figuresAPI)
        read.get(Site.API.pipelineCohort, use: cohortAPI)
        read.get(Site.API.pipelineBreakdown, use: breakdownAPI)
        let edit = routes.access(.requires(.editProjects))
        edit.post(Site.API.projectPool, use: moveAPI)
        edit.post(Site.projectPool, use: movePage)
        let manage = routes.access(.requires(.manageProjects))
        manage.put(Site.API.pipelineTargets, use: targetsAPI)
        manage.post(Site.pipelineTargets, use: targetsPage)
    }

    func figures(_ req: Request) async throws -> PipelineFigures {
        let d = try req.district()
        let year = try await RequestParameters.yearOrDefault(nil, req, district: d)
        let asOf = try RequestParameters.asOf(req, district: d, year: year)
        return try await PipelineQuery.run(districtID: try d.requireID(), year: year, asOf: asOf,
                                           scopeUnitID: try req.requirePrincipal().scopeUnitID, on: req.db)
    }

    // MARK: Figures

    struct FiguresDTO: Content {
        struct Pool: Content { var stage: String; var projects: Int; var totalInvestment: Double; var entered: Int; var target: Int? }
        struct Flow: Content { var from: String?; var to: String; var projects: Int }
        struct Exit: Content { var reason: String; var projects: Int }
        var year: Int
        var asOf: String
        /// 谋划, 招引, 签约, 落地 in order; totalInvestment in 万元.
        var pools: [Pool]
        var flows: [Flow]
        var exits: [Exit]

        init(_ f: PipelineFigures) {
            year = f.year; asOf = f.asOf.iso
            pools = f.pools.map { Pool(stage: $0.stage.rawValue, projects: $0.projects, totalInvestment: $0.totalInvestment.rounded(in: .wan, places: 4),
                                       entered: $0.entered, target: $0.target) }
            flows = f.flows.map { Flow(from: $0.from?.rawValue, to: $0.to.rawValue, projects: $0.projects) }
            exits = f.exitsByReason.map { Exit(reason: $0.reason, projects: $0.projects) }
        }
    }

    func figuresAPI(req: Request) async throws -> FiguresDTO {
        FiguresDTO(try await figures(req))
    }

    struct TargetsBody: Content {
        var year: Int?
        /// Pool name (谋划/招引/签约/落地, or the English name) → projects to enter in the year.
        var targets: [String: Int]
    }

    func setTargets(_ req: Request, _ body: TargetsBody) async throws {
        var parsed: [LifecycleStage: Int] = [:]
        for (name, target) in body.targets {
            guard let stage = LifecycleStage.parse(name), LifecycleStage.pools.contains(stage) else {
                throw BallastError.badParameter("targets", zh: "“\(name)”不是四库之一（谋划、招引、签约、落地）", en: "“\(name)” is not one of the four pools")
            }
            guard (0...100_000).contains(target) else {
                throw BallastError.badParameter("targets", zh: "\(name)库目标应为 0 到 100000 的整数", en: "The \(name) target must be 0 to 100000")
            }
            parsed[stage] = target
        }
        let d = try req.district()
        try await PipelineQuery.setTargets(parsed, districtID: try d.requireID(), year: try await RequestParameters.yearOrDefault(body.year, req, district: d),
                                           actor: try req.changeActor(), on: req.db)
    }

    func targetsAPI(req: Request) async throws -> FiguresDTO {
        try await setTargets(req, try req.content.decode(TargetsBody.self))
        return FiguresDTO(try await figures(req))
    }

    // MARK: Breakdown

    typealias Groups = [(group: String, pools: [(stage: LifecycleStage, projects: Int, total: Money)])]

    func breakdown(_ req: Request, by: PipelineQuery.Breakdown) async throws -> Groups {
        let d = try req.district()
        let year = try await RequestParameters.yearOrDefault(nil, req, district: d)
        return try await PipelineQuery.breakdown(districtID: try d.requireID(), asOf: try RequestParameters.asOf(req, district: d, year: year), by: by,
                                                 scopeUnitID: try req.requirePrincipal().scopeUnitID, on: req.db)
    }

    struct BreakdownDTO: Content {
        struct Pool: Content { var stage: String; var projects: Int; var totalInvestment: Double }
        struct Group: Content { var name: String; var pools: [Pool] }
        var by: String
        /// Per unit or per industry chain ("" for projects without one), largest first; 万元.
        var groups: [Group]
    }

    func breakdownAPI(req: Request) async throws -> BreakdownDTO {
        let raw = req.param("by") ?? "unit"
        guard let by = PipelineQuery.Breakdown(rawValue: raw) else {
            throw BallastError.badParameter("by", zh: "by 应为 unit 或 chain，实为“\(raw)”", en: "by must be unit or chain")
        }
        return BreakdownDTO(by: by.rawValue, groups: try await breakdown(req, by: by).map { g in
            .init(name: g.group, pools: g.pools.map { .init(stage: $0.stage.rawValue, projects: $0.projects, totalInvestment: $0.total.rounded(in: .wan, places: 4)) })
        })
    }

    // MARK: Cohorts

    /// `pool` (default 招引) and the period: `quarter=2023-Q1`, or `from` and `to`; default the
    /// current year's first quarter.
    static func cohortParameters(_ req: Request) throws -> (pool: LifecycleStage, from: CalendarDate, to: CalendarDate) {
        let rawPool = req.param("pool") ?? LifecycleStage.attracting.rawValue
        guard let pool = LifecycleStage.parse(rawPool), LifecycleStage.pools.contains(pool) else {
            throw BallastError.badParameter("pool", zh: "pool 应为谋划、招引、签约或落地，实为“\(rawPool)”", en: "pool must be 谋划, 招引, 签约 or 落地")
        }
        if let q = req.param("quarter"), !q.isEmpty {
            guard let period = AssessmentPeriod.parse(q), period.quarter != nil else {
                throw BallastError.badParameter("quarter", zh: "quarter 应为 YYYY-Qn（如 2023-Q1），实为“\(q.prefix(20))”", en: "quarter must be YYYY-Qn, such as 2023-Q1")
            }
            return (pool, CalendarDate.clamped(year: period.year, month: period.months.lowerBound, day: 1), period.lastDay)
        }
        let d = try req.district()
        let year = DistrictContext.today(in: d).year
        let from = try RequestParameters.date(req.param("from"), field: "from") ?? CalendarDate.clamped(year: year, month: 1, day: 1)
        let to = try RequestParameters.date(req.param("to"), field: "to") ?? CalendarDate.clamped(year: from.year, month: 3, day: 31)
        guard from <= to else { throw BallastError.badParameter("to", zh: "to 早于 from", en: "to is before from") }
        return (pool, from, to)
    }

    struct CohortDTO: Content {
        struct Days: Content { var projects: Int; var median: Int?; var p80: Int? }
        struct Part: Content {
            var projects: Int
            /// Later stage → projects that reached it.
            var reached: [String: Int]
            var exited: Int
            var stillIn: Int
            var daysInPool: Days
            var daysTo: [String: Days]

            init(_ s: Cohort.Summary) {
                projects = s.projects; exited = s.exited; stillIn = s.stillIn
                reached = Dictionary(uniqueKeysWithValues: s.reached.map { ($0.key.rawValue, $0.value) })
                daysInPool = Days(projects: s.daysInPool.projects, median: s.daysInPool.median, p80: s.daysInPool.p80)
                daysTo = Dictionary(uniqueKeysWithValues: s.daysTo.map { ($0.key.rawValue, Days(projects: $0.value.projects, median: $0.value.median, p80: $0.value.p80)) })
            }
        }
        struct Unit: Content { var unit: String; var cohort: Part }
        var pool: String
        var from: String
        var to: String
        var asOf: String
        var cohort: Part
        var byUnit: [Unit]
    }

    func cohortResult(_ req: Request) async throws -> (LifecycleStage, CalendarDate, CalendarDate, CalendarDate, CohortQuery.Result) {
        let d = try req.district()
        let (pool, from, to) = try Self.cohortParameters(req)
        let asOf = try RequestParameters.asOf(req, district: d, year: DistrictContext.today(in: d).year)
        let r = try await CohortQuery.run(districtID: try d.requireID(), pool: pool, from: from, to: to, asOf: asOf,
                                          scopeUnitID: try req.requirePrincipal().scopeUnitID, on: req.db)
        return (pool, from, to, asOf, r)
    }

    func cohortAPI(req: Request) async throws -> CohortDTO {
        let (pool, from, to, asOf, r) = try await cohortResult(req)
        return CohortDTO(pool: pool.rawValue, from: from.iso, to: to.iso, asOf: asOf.iso, cohort: .init(r.summary),
                         byUnit: r.byUnit.map { .init(unit: $0.unit, cohort: .init($0.summary)) })
    }

    // MARK: Moves

    struct MoveBody: Content {
        var to: String?
        var on: String?
        var version: Int?
        var investor: String?
        var signedOn: String?
        /// 万元.
        var contractAmount: String?
        var registeredCompany: String?
        var site: String?
        var plannedStart: String?
        var exitReason: String?

        func target() throws -> LifecycleStage {
            guard let to, let stage = LifecycleStage.parse(to) else {
                throw BallastError.badParameter("to", zh: "请指明流转到哪一库（谋划、招引、签约、落地或退出）", en: "Say which pool to move to")
            }
            return stage
        }

        func evidence() throws -> PoolMove.Evidence {
            let amount = try RequestParameters.money(contractAmount, field: "contractAmount", label: "合同金额")
            return PoolMove.Evidence(investor: investor?.trimmed.nilIfEmpty, signedOn: try RequestParameters.date(signedOn, field: "signedOn"),
                                     contractAmount: amount, registeredCompany: registeredCompany?.trimmed.nilIfEmpty,
                                     site: site?.trimmed.nilIfEmpty, plannedStart: try RequestParameters.date(plannedStart, field: "plannedStart"),
                                     exitReason: exitReason?.trimmed.nilIfEmpty)
        }
    }

    func mover(_ req: Request) throws -> PipelineMover {
        PipelineMover(context: try req.itemContext(), office: try req.requirePrincipal().may(.manageProjects))
    }

    func move(_ req: Request, _ body: MoveBody) async throws -> ProjectModel {
        let p = try await mover(req).move(projectID: try RequestParameters.uuid(req, "id"), version: try RequestParameters.version(body.version), to: try body.target(),
                                          on: try RequestParameters.date(body.on, field: "on"), evidence: try body.evidence(), on: req.db)
        return p
    }

    struct MovedDTO: Content { var id: UUID; var code: String; var stage: String; var version: Int }

    func moveAPI(req: Request) async throws -> MovedDTO {
        let p = try await move(req, try req.content.decode(MoveBody.self))
        return MovedDTO(id: try p.requireID(), code: p.code, stage: p.stage, version: p.version)
    }

    func movePage(req: Request) async throws -> Response {
        let body = try req.content.decode(MoveBody.self)
        return try await PageOutcome.run(req, work: {
            let p = try await move(req, body)
            return Message(zh: "已转入\(p.stage)", en: "Moved to \(p.lifecycleStage.englishName)")
        }) { notice, status in try await PagesController().detailPage(req, notice: notice, status: status) }
    }

    // MARK: Page

    func page(req: Request) async throws -> Response {
        try await renderPage(req, notice: nil)
    }

    func renderPage(_ req: Request, notice: PageNotice?, status: HTTPStatus = .ok) async throws -> Response {
        let d = try req.district()
        let year = try await RequestParameters.yearOrDefault(nil, req, district: d)
        let asOf = try RequestParameters.asOf(req, district: d, year: year)
        let scope = try req.requirePrincipal().scopeUnitID
        let cohort = try Self.cohortParameters(req)
        let cohortAsOf = try RequestParameters.asOf(req, district: d, year: DistrictContext.today(in: d).year)
        let page = try await PipelinePageModel.load(districtID: try d.requireID(), year: year, asOf: asOf, scopeUnitID: scope,
                                                    cohort: cohort, cohortAsOf: cohortAsOf, on: req.db)
        return .html(PipelinePage(model: page, quarter: req.param("quarter"), notice: notice, lang: req.language).render(), status: status)
    }

    func targetsPage(req: Request) async throws -> Response {
        let raw = try req.content.decode([String: String].self)
        return try await PageOutcome.run(req, work: {
            var targets: [String: Int] = [:]
            for s in LifecycleStage.pools {
                guard let text = raw[s.rawValue]?.trimmed, !text.isEmpty else { continue }
                guard let n = Int(text) else {
                    throw BallastError.badParameter(s.rawValue, zh: "\(s.rawValue)库目标应为整数，实为“\(text)”", en: "The \(s.englishName) target must be a whole number")
                }
                targets[s.rawValue] = n
            }
            // A year that is sent must be a year: "abc" is refused, not read as the current one.
            try await setTargets(req, TargetsBody(year: try RequestParameters.year(text: raw["year"]), targets: targets))
            return UIText.saved
        }) { notice, status in try await renderPage(req, notice: notice, status: status) }
    }
}
