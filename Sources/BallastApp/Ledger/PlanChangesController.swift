import BallastCore
import BallastStore
import Fluent
import Vapor

/// 动态调整 (issue 28, part 3). The year's changes are read by whoever reads projects (a unit: its
/// own projects'); a batch is the office's (`manageProjects`): the page shows it before it is
/// applied, the API checks it alone with `preview: true`.
struct PlanChangesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = routes.access(.requires(.readProjects))
        read.get(Site.planChanges, use: page)
        read.get(Site.API.planChanges, use: listAPI)
        let office = routes.access(.requires(.manageProjects))
        office.post(Site.API.planChanges, use: applyAPI)
        office.post(Site.planChangesPreview, use: previewPage)
        office.post(Site.planChanges, use: applyPage)
    }

    struct RowDTO: Content {
        var projectID: UUID, code: String, name: String, unit: String, kind: String, effectiveOn: String?
        /// 万元.
        var before: Double?, after: Double?
        var reason: String?, createdBy: String?, source: String?
        init(_ r: PlanChangeQuery.Row) {
            projectID = r.projectID; code = r.code; name = r.name; unit = r.unit; kind = r.kind.rawValue; effectiveOn = r.effectiveOn.iso
            before = r.before.map { $0.rounded(in: .wan, places: 4) }; after = r.after.map { $0.rounded(in: .wan, places: 4) }; reason = r.reason; createdBy = r.createdBy; source = r.source
        }
        init(_ r: PlanChangeEditor.Row, effectiveOn day: CalendarDate) {
            projectID = r.projectID; code = r.code; name = r.name; unit = r.unit; kind = r.kind.rawValue; effectiveOn = day.iso
            before = r.before.map { $0.rounded(in: .wan, places: 4) }; after = r.after.map { $0.rounded(in: .wan, places: 4) }
        }
    }

    struct ListDTO: Content { var year: Int; var changes: [RowDTO] }
    struct AppliedDTO: Content { var preview: Bool; var year: Int; var effectiveOn: String; var changes: [RowDTO] }

    struct LineBody: Content { var code: String?; var kind: String?; var amount: Double? }
    struct BatchBody: Content {
        var year: Int?
        var effectiveOn: String?
        var reason: String?
        var changes: [LineBody]?
        var preview: Bool?
    }

    /// The page's form: the lines as typed.
    struct FormBody: Content {
        var year: String?
        var effectiveOn: String?
        var reason: String?
        var lines: String?
    }

    static func year(_ req: Request, _ raw: Int?) async throws -> Int {
        try await RequestParameters.yearOrDefault(try RequestParameters.checkedYear(raw), req, district: try req.district())
    }

    func batch(_ req: Request, _ b: BatchBody) async throws -> PlanChangeEditor.Batch {
        let year = try await Self.year(req, b.year)
        let day = try RequestParameters.date(b.effectiveOn, field: "effectiveOn", required: true) ?? DistrictContext.today(in: try req.district())
        guard let changes = b.changes, changes.count <= PlanChange.maxLines else {
            throw BallastError.badParameter("changes", zh: "请给出 changes（1 至 \(PlanChange.maxLines) 行）", en: "Give changes (1 to \(PlanChange.maxLines) lines)")
        }
        let lines = try changes.enumerated().map { i, c -> PlanChangeEditor.Line in
            guard let code = c.code?.trimmed, !code.isEmpty else {
                throw BallastError.badParameter("changes[\(i)].code", zh: "第 \(i + 1) 行缺少项目编号", en: "Line \(i + 1) has no project code")
            }
            guard let kind = c.kind.flatMap(PlanChangeKind.parse) else {
                throw BallastError.badParameter("changes[\(i)].kind", zh: "第 \(i + 1) 行：kind 应为 in、out 或 adjust", en: "Line \(i + 1): kind must be in, out or adjust")
            }
            var amount: Money?
            if let a = c.amount {
                // 1 万亿元 is the rule's own bound (`PlanChange.check`); past it a Double loses the yuan.
                guard a.isFinite, abs(a) <= 1e8 else {
                    throw BallastError.badParameter("changes[\(i)].amount", zh: "第 \(i + 1) 行：年度计划投资超过 1 万亿元，请核对单位（万元）",
                                                    en: "Line \(i + 1): the annual plan is over 1 trillion yuan; check the unit (10k yuan)")
                }
                // Whole yuan: 万元 to four places (a Double's own error allowed for).
                let yuan = a * 10_000
                guard abs(yuan - yuan.rounded()) <= 1e-6 * max(1, abs(yuan)),
                      case .success(let m) = Money.parse(String(format: "%.4f", a), unit: .wan) else {
                    throw BallastError.badParameter("changes[\(i)].amount", zh: "第 \(i + 1) 行：金额最多精确到元（万元小数点后四位）",
                                                    en: "Line \(i + 1): the amount is to the yuan at most (four places in 10k yuan)")
                }
                amount = m
            }
            return .init(row: i + 1, code: code, kind: kind, amount: amount)
        }
        return .init(year: year, effectiveOn: day, reason: b.reason ?? "", lines: lines)
    }

    func listAPI(req: Request) async throws -> ListDTO {
        let year = try await Self.year(req, try RequestParameters.year(req))
        let rows = try await PlanChangeQuery.list(districtID: try req.district().requireID(), year: year,
                                                  scopeUnitID: try req.requirePrincipal().scopeUnitID, on: req.db)
        return ListDTO(year: year, changes: rows.map(RowDTO.init))
    }

    func applyAPI(req: Request) async throws -> Response {
        let body = try req.content.decode(BatchBody.self)
        let b = try await batch(req, body)
        let editor = PlanChangeEditor(context: try req.itemContext())
        let preview = body.preview ?? false
        let rows = preview ? try await editor.preview(b, on: req.db) : try await editor.apply(b, on: req.db)
        return try await AppliedDTO(preview: preview, year: b.year, effectiveOn: b.effectiveOn.iso,
                                    changes: rows.map { RowDTO($0, effectiveOn: b.effectiveOn) })
            .encodeResponse(status: preview ? .ok : .created, for: req)
    }

    // MARK: Pages

    func formBatch(_ req: Request, _ f: FormBody) async throws -> PlanChangeEditor.Batch {
        let year = try await Self.year(req, try RequestParameters.year(text: f.year))
        let day = try RequestParameters.date(f.effectiveOn, field: "effectiveOn", required: true) ?? DistrictContext.today(in: try req.district())
        let (lines, problems) = PlanChangeLines.parse(f.lines ?? "")
        guard problems.isEmpty else { throw ProjectItemContext.Failure.refused(problems) }
        return .init(year: year, effectiveOn: day, reason: f.reason ?? "",
                     lines: lines.map { .init(row: $0.row, code: $0.code, kind: $0.kind, amount: $0.amount) })
    }

    func page(req: Request) async throws -> Response {
        // Back from applying a batch: say so once, on the list it went into.
        let applied = req.param("applied").flatMap(Int.init).map { PageNotice(ok: true, text: PlanChangesText.applied($0).text(req.language)) }
        return try await render(req, form: nil, preview: nil, notice: applied, status: .ok)
    }

    func render(_ req: Request, form: FormBody?, preview: [PlanChangeEditor.Row]?, notice: PageNotice?, status: HTTPStatus) async throws -> Response {
        let d = try req.district()
        let year = try await Self.year(req, try RequestParameters.year(req) ?? form.flatMap { Int($0.year ?? "") })
        let rows = try await PlanChangeQuery.list(districtID: try d.requireID(), year: year, scopeUnitID: try req.requirePrincipal().scopeUnitID, on: req.db)
        let page = PlanChangesPage(year: year, today: DistrictContext.today(in: d), changes: rows, form: form, preview: preview, notice: notice, lang: req.language)
        return .html(page.render(), status: status)
    }

    /// The batch checked and shown as it would apply; nothing is written.
    func previewPage(req: Request) async throws -> Response {
        let form = try req.content.decode(FormBody.self)
        var rows: [PlanChangeEditor.Row]?
        let response = try await PageOutcome.run(req, work: {
            rows = try await PlanChangeEditor(context: try req.itemContext()).preview(try await formBatch(req, form), on: req.db)
            return PlanChangesText.previewed
        }) { notice, status in try await render(req, form: form, preview: notice.ok ? rows : nil, notice: notice, status: status) }
        return response
    }

    /// Applied: on to the list (a refresh then asks nothing again); refused: the form with the reason.
    func applyPage(req: Request) async throws -> Response {
        let form = try req.content.decode(FormBody.self)
        var applied: Int?
        let response = try await PageOutcome.run(req, work: {
            applied = try await PlanChangeEditor(context: try req.itemContext()).apply(try await formBatch(req, form), on: req.db).count
            return PlanChangesText.applied(applied ?? 0)
        }) { notice, status in try await render(req, form: notice.ok ? nil : form, preview: nil, notice: notice, status: status) }
        if let n = applied {
            return req.redirect(to: Layout.link(Site.planChanges.link(query: ["year": form.year, "applied": String(n)]), req.language) + "#changes")
        }
        return response
    }
}
