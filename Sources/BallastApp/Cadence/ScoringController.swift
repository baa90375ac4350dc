import BallastCore
import BallastStore
import Fluent
import Vapor

/// 考核评分办法 and 加减分: everyone reads how units are scored and what was adjusted; the project
/// office changes the scheme (a new version each time, refused unless the weights add up to
/// 100) and records adjustments with their reasons.
struct ScoringController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = routes.access(.requires(.readProjects))
        read.get(Site.scoring, use: page)
        read.get(Site.API.scoringScheme, use: schemeAPI)
        read.get(Site.API.scoreAdjustments, use: adjustmentsAPI)
        let office = routes.access(.requires(.issueDocuments))
        office.put(Site.API.scoringScheme, use: saveSchemeAPI)
        office.post(Site.API.scoreAdjustments, use: addAdjustmentAPI)
        office.post(Site.scoring, use: saveSchemePage)
        office.post(Site.scoringAdjustments, use: addAdjustmentPage)
    }

    struct SchemeDTO: Content { var year: Int; var version: Int; var scheme: ScoringScheme; var weightSum: Double }
    struct SaveBody: Content { var version: Int?; var scheme: ScoringScheme }
    struct AdjustmentBody: Content { var period: String?; var unit: String?; var points: Double?; var reason: String? }
    struct AdjustmentDTO: Content {
        var id: UUID, period: String, unit: String, points: Double, reason: String, createdBy: String, createdAt: Date
        init(_ a: ScoreAdjustments.Entry) {
            id = a.id; period = a.period; unit = a.unit; points = a.points; reason = a.reason; createdBy = a.createdBy; createdAt = a.createdAt
        }
    }

    func year(_ req: Request) throws -> Int {
        guard let raw = req.parameters.get("year"), let y = Int(raw), (2000...2100).contains(y) else {
            throw BallastError.badParameter("year", zh: "年度应为四位数字", en: "year must be a four-digit year")
        }
        return y
    }

    func schemeAPI(req: Request) async throws -> SchemeDTO {
        let y = try year(req)
        let c = try await ScoringSchemes.current(districtID: try req.district().requireID(), year: y, on: req.db)
        return SchemeDTO(year: y, version: c.version, scheme: c.scheme, weightSum: c.scheme.weightSum)
    }

    func saveSchemeAPI(req: Request) async throws -> SchemeDTO {
        let y = try year(req)
        let body = try req.content.decode(SaveBody.self)
        let c = try await ScoringSchemes.save(body.scheme, year: y, version: try RequestParameters.version(body.version), context: try req.itemContext(), on: req.db)
        return SchemeDTO(year: y, version: c.version, scheme: c.scheme, weightSum: c.scheme.weightSum)
    }

    func period(_ req: Request) throws -> String {
        guard let raw = req.param("period"), let p = AssessmentPeriod.parse(raw) else {
            throw BallastError.badParameter("period", zh: "period 应为 YYYY-Qn 或 YYYY", en: "period must be YYYY-Qn or YYYY")
        }
        return p.description
    }

    func adjustmentsAPI(req: Request) async throws -> [AdjustmentDTO] {
        try await ScoreAdjustments.list(districtID: try req.district().requireID(), period: try period(req), on: req.db).map(AdjustmentDTO.init)
    }

    func add(_ req: Request, _ b: AdjustmentBody) async throws -> ScoreAdjustments.Entry {
        guard let points = b.points else { throw BallastError.badParameter("points", zh: "请填写分值", en: "points is required") }
        return try await ScoreAdjustments(context: try req.itemContext())
            .add(period: b.period ?? "", unit: b.unit ?? "", points: points, reason: b.reason ?? "", on: req.db)
    }

    func addAdjustmentAPI(req: Request) async throws -> Response {
        let body = try req.content.decode(AdjustmentBody.self)
        let a = try await add(req, body)
        return try await AdjustmentDTO(a).encodeResponse(status: .created, for: req)
    }

    // MARK: Page

    func page(req: Request) async throws -> Response { try await render(req, notice: nil) }

    func render(_ req: Request, notice: PageNotice?, status: HTTPStatus = .ok) async throws -> Response {
        let district = try req.district()
        let id = try district.requireID()
        let today = DistrictContext.today(in: district)
        let y = try RequestParameters.year(req) ?? today.year
        let periodText = req.param("period").flatMap(AssessmentPeriod.parse)?.description ?? "\(y)-Q\((today.month - 1) / 3 + 1)"
        let units = try await ReferenceLists.names(districtID: id, kind: .unit, on: req.db)
        return .html(ScoringPage(year: y, current: try await ScoringSchemes.current(districtID: id, year: y, on: req.db), period: periodText,
                                 adjustments: try await ScoreAdjustments.list(districtID: id, period: periodText, on: req.db),
                                 units: Array(Set(units)).sorted(), notice: notice, lang: req.language).render(), status: status)
    }

    /// The form's fields: one weight and cap per indicator (a weight of 0 leaves it out).
    struct SchemeForm: Content {
        var year: Int?
        var version: Int?
        var separateGroups: String?
        var monthWeights: String?
        var pipelineTarget: Int?
        var advancedCount: Int?
        var advancedThreshold: Double?
    }

    func saveSchemePage(req: Request) async throws -> Response {
        let form = try req.content.decode(SchemeForm.self)
        return try await PageOutcome.run(req, work: {
            var items: [ScoringScheme.Item] = []
            for i in ScoringIndicator.allCases {
                let raw = (try? req.content.get(String.self, at: "weight_\(i.rawValue)"))?.trimmed ?? ""
                guard !raw.isEmpty else { continue }
                guard let w = Double(raw) else {
                    throw BallastError.badParameter("weight_\(i.rawValue)", zh: "\(i.name.zh)的权重“\(raw)”不是数字", en: "The weight of \(i.name.en) is not a number")
                }
                let capRaw = (try? req.content.get(String.self, at: "cap_\(i.rawValue)"))?.trimmed ?? ""
                if w > 0 { items.append(.init(indicator: i.rawValue, weight: w, cap: Double(capRaw))) }
            }
            let weights = try (form.monthWeights?.trimmed).flatMap { text -> [Double]? in
                guard !text.isEmpty else { return nil }
                return try text.split(whereSeparator: { ",，:：∶ ".contains($0) }).map {
                    guard let w = Double($0) else { throw BallastError.badParameter("monthWeights", zh: "月份权重应为用逗号分隔的数字，如 1,1,2", en: "Month weights are numbers separated by commas, e.g. 1,1,2") }
                    return w
                }
            }
            let scheme = ScoringScheme(items: items, separateGroups: form.separateGroups != nil, aggregation: AssessmentRule(monthWeights: weights),
                                       pipelineTarget: form.pipelineTarget ?? 2, advancedCount: form.advancedCount ?? 5, advancedThreshold: form.advancedThreshold ?? 85)
            let saved = try await ScoringSchemes.save(scheme, year: form.year ?? 0, version: try RequestParameters.version(form.version), context: try req.itemContext(), on: req.db)
            return Message(zh: "已保存评分办法第 \(saved.version) 版", en: "Saved version \(saved.version)")
        }) { notice, status in try await render(req, notice: notice, status: status) }
    }

    func addAdjustmentPage(req: Request) async throws -> Response {
        let body = try req.content.decode(AdjustmentBody.self)
        return try await PageOutcome.run(req, work: {
            let a = try await add(req, body)
            return Message(zh: "已记录加减分 \(ScoringScheme.format(a.points)) 分", en: "Recorded \(ScoringScheme.format(a.points)) points")
        }) { notice, status in try await render(req, notice: notice, status: status) }
    }
}
