import BallastCore
import BallastStore
import Fluent
import Vapor

/// The district's warning thresholds for a year: read by anyone who reads the board, changed
/// by the project office. A change is a new version (never an edit), audited, and the colours
/// are recomputed under it at once.
struct WarningRuleController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.access(.requires(.readProjects)).get("api", "v1", "warnings", "rule", use: show)
        routes.access(.requires(.reviewReports)).put("api", "v1", "warnings", "rule", use: change)
        routes.access(.requires(.reviewReports)).post("warnings", "rule", use: changePage)
    }

    struct RuleDTO: Content {
        var year: Int?
        var version: Int?
        var blueLagPoints: Int
        var yellowLagPoints: Int
        var blueLateDays: Int
        var yellowLateDays: Int

        init(year: Int, _ t: WarningThresholds) {
            self.year = year; version = t.version; blueLagPoints = t.blueLagPoints; yellowLagPoints = t.yellowLagPoints
            blueLateDays = t.blueLateDays; yellowLateDays = t.yellowLateDays
        }
    }

    func show(req: Request) async throws -> RuleDTO {
        let d = try req.district()
        let year = try await RequestParameters.yearOrDefault(nil, req, district: d)
        return RuleDTO(year: year, try await WarningEngine.thresholds(districtID: try d.requireID(), year: year, on: req.db))
    }

    /// Stores `body` as the next version for the year and recolours the year under it.
    static func save(_ req: Request, year: Int, _ body: RuleDTO) async throws -> WarningThresholds {
        let d = try req.district()
        let districtID = try d.requireID()
        let current = try await WarningEngine.thresholds(districtID: districtID, year: year, on: req.db)
        let next = WarningThresholds(version: current.version + 1, blueLagPoints: body.blueLagPoints, yellowLagPoints: body.yellowLagPoints,
                                     blueLateDays: body.blueLateDays, yellowLateDays: body.yellowLateDays)
        if let problem = next.problem {
            throw BallastError(status: .unprocessableEntity, code: "invalid", message: problem, field: "yellowLagPoints")
        }
        let actor = try req.changeActor()
        try await req.db.writeTransaction { tx in
            let rule = WarningRuleModel()
            rule.id = UUID(); rule.districtID = districtID; rule.year = year; rule.version = next.version
            rule.blueLag = next.blueLagPoints; rule.yellowLag = next.yellowLagPoints
            rule.blueDays = next.blueLateDays; rule.yellowDays = next.yellowLateDays
            rule.createdBy = actor.name; rule.createdAt = Date()
            try await rule.create(on: tx)
            try await Audit.record(on: tx, districtID: districtID, actor: actor, action: "update", entity: "warning-rule",
                                   entityID: rule.id, summary: "\(year)年预警规则 第\(next.version)版",
                                   before: RuleDTO(year: year, current), after: RuleDTO(year: year, next))
        }
        try await WarningService.recompute(district: d, year: year, on: req.db)
        return next
    }

    func change(req: Request) async throws -> RuleDTO {
        let d = try req.district()
        let body = try req.content.decode(RuleDTO.self)
        let year = try await RequestParameters.yearOrDefault(body.year, req, district: d)
        return RuleDTO(year: year, try await Self.save(req, year: year, body))
    }

    struct RuleForm: Content {
        var year: Int?
        var blueLagPoints: Int?
        var yellowLagPoints: Int?
        var blueLateDays: Int?
        var yellowLateDays: Int?
    }

    func changePage(req: Request) async throws -> Response {
        let d = try req.district()
        let form = try req.content.decode(RuleForm.self)
        let year = try await RequestParameters.yearOrDefault(form.year, req, district: d)
        guard let a = form.blueLagPoints, let b = form.yellowLagPoints, let c = form.blueLateDays, let e = form.yellowLateDays else {
            throw BallastError.badParameter("blueLagPoints", zh: "请填写全部四个阈值（整数）", en: "Give all four thresholds (whole numbers)")
        }
        _ = try await Self.save(req, year: year, RuleDTO(year: year, WarningThresholds(version: 0, blueLagPoints: a, yellowLagPoints: b,
                                                                                        blueLateDays: c, yellowLateDays: e)))
        return req.redirect(to: Layout.link("/warnings?year=\(year)", req.language))
    }
}
