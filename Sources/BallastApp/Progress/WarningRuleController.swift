import BallastCore
import BallastStore
import Fluent
import Vapor

/// The district's warning thresholds for a year: read by anyone who reads the board, changed
/// by the project office. A change is a new version (never an edit), audited, and the colours
/// are recomputed under it at once.
struct WarningRuleController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.access(.requires(.readProjects)).get(Site.API.warningRule, use: show)
        routes.access(.requires(.reviewReports)).put(Site.API.warningRule, use: change)
        routes.access(.requires(.reviewReports)).post(Site.warningRule, use: changePage)
    }

    struct RuleDTO: Content {
        var year: Int?
        var version: Int?
        var blueLagPoints: Int
        var yellowLagPoints: Int
        var blueLateDays: Int
        var yellowLateDays: Int
        /// 入库纳统: whole months after the start before 黄 and 红; absent in a change: kept.
        var statsYellowMonths: Int?
        var statsRedMonths: Int?

        init(year: Int, _ t: WarningThresholds) {
            self.year = year; version = t.version; blueLagPoints = t.blueLagPoints; yellowLagPoints = t.yellowLagPoints
            blueLateDays = t.blueLateDays; yellowLateDays = t.yellowLateDays
            statsYellowMonths = t.statsYellowMonths; statsRedMonths = t.statsRedMonths
        }
    }

    func show(req: Request) async throws -> RuleDTO {
        let d = try req.district()
        let year = try await RequestParameters.yearOrDefault(nil, req, district: d)
        return RuleDTO(year: year, try await WarningEngine.thresholds(districtID: try d.requireID(), year: year, on: req.db))
    }

    /// Stores `body` as the next version for the year and recolours the year under it.
    static func save(_ req: Request, year: Int, _ body: RuleDTO) async throws -> WarningThresholds {
        let current = try await WarningEngine.thresholds(districtID: try req.district().requireID(), year: year, on: req.db)
        return try await WarningRuleEditor(context: try req.itemContext()).save(year: year, WarningThresholds(
            version: 0, blueLagPoints: body.blueLagPoints, yellowLagPoints: body.yellowLagPoints,
            blueLateDays: body.blueLateDays, yellowLateDays: body.yellowLateDays,
            statsYellowMonths: body.statsYellowMonths ?? current.statsYellowMonths, statsRedMonths: body.statsRedMonths ?? current.statsRedMonths), on: req.db)
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
        var statsYellowMonths: Int?
        var statsRedMonths: Int?
    }

    func changePage(req: Request) async throws -> Response {
        let d = try req.district()
        let form = try req.content.decode(RuleForm.self)
        let year = try await RequestParameters.yearOrDefault(form.year, req, district: d)
        guard let a = form.blueLagPoints, let b = form.yellowLagPoints, let c = form.blueLateDays, let e = form.yellowLateDays else {
            throw BallastError.badParameter("blueLagPoints", zh: "请填写全部四个阈值（整数）", en: "Give all four thresholds (whole numbers)")
        }
        var body = RuleDTO(year: year, WarningThresholds(version: 0, blueLagPoints: a, yellowLagPoints: b, blueLateDays: c, yellowLateDays: e))
        body.statsYellowMonths = form.statsYellowMonths
        body.statsRedMonths = form.statsRedMonths
        _ = try await Self.save(req, year: year, body)
        return req.redirect(to: Layout.link(Site.warnings.link + "?year=\(year)", req.language))
    }
}
