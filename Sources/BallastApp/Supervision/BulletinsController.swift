import BallastCore
import BallastOffice
import BallastStore
import Fluent
import Vapor

/// 督查通报: the monthly supervision bulletin, drafted from the data as of a day, issued (and
/// from then frozen) by the office or 督查室, read by everyone, printable and downloadable as .docx.
struct BulletinsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = routes.access(.requires(.readProjects))
        read.get(Site.bulletins, use: listPage)
        read.get(Site.bulletin, use: detailPage)
        read.get(Site.bulletinDocx, use: docx)
        read.get(Site.API.bulletins, use: listAPI)
        read.get(Site.API.bulletin, use: detailAPI)
        let run = routes.access(.requires(.superviseProblems))
        run.post(Site.API.bulletins, use: draftAPI)
        run.post(Site.API.bulletinIssue, use: issueAPI)
        run.post(Site.bulletins, use: draftPage)
        run.post(Site.bulletinIssue, use: issuePage)
    }

    static let noDocument = Message(zh: "通报不存在", en: "No such bulletin")

    func desk(_ req: Request) throws -> DocumentDesk { DocumentDesk(context: try req.itemContext()) }

    struct DraftBody: Content { var month: String?; var asOf: String? }
    struct IssueBody: Content { var version: Int? }

    struct RowDTO: Content {
        var id: UUID, period: String, title: String, number: String?, asOf: String, status: String, issuedOn: String?, issuedBy: String?, version: Int
        init(_ d: DocumentModel) throws {
            id = try d.requireID(); period = d.period; title = d.title; number = d.number; asOf = d.asOf; status = d.status.rawValue; issuedOn = d.issuedOn
            issuedBy = d.issuedBy; version = d.version
        }
    }

    struct DetailDTO: Content { var document: RowDTO; var content: SupervisionBulletin }

    func listAPI(req: Request) async throws -> [RowDTO] {
        try await visible(req).map(RowDTO.init)
    }

    /// The district's supervision bulletins the caller may see: drafts only for those who draft them.
    func visible(_ req: Request) async throws -> [DocumentModel] {
        let all = try await DocumentDesk.list(districtID: try req.district().requireID(), kind: .supervisionBulletin, on: req.db)
        return try req.requirePrincipal().may(.superviseProblems) ? all : all.filter { $0.status == .issued }
    }

    /// A supervision bulletin (any other kind is not found here); a draft only for those who
    /// draft them, as the office's drafts are the office's.
    func document(_ req: Request) async throws -> DocumentModel {
        let d = try await desk(req).document(try req.id("doc", orElse: Self.noDocument), on: req.db)
        let drafter = try req.requirePrincipal().may(.superviseProblems)
        guard d.kind == .supervisionBulletin, d.status == .issued || drafter else {
            throw BallastError.notFound(Self.noDocument)
        }
        return d
    }

    func detailAPI(req: Request) async throws -> DetailDTO {
        let d = try await document(req)
        return DetailDTO(document: try RowDTO(d), content: try DocumentDesk.bulletin(d))
    }

    func draft(_ req: Request, _ b: DraftBody) async throws -> DocumentModel {
        let raw = b.month?.trimmed ?? ""
        // The one month parser, within the years a request may name: "1900-01", "+2023-05" and
        // "2023-W-1" were once read as months here.
        guard let ym = ProgressValidator.parseMonth(raw) else {
            throw BallastError.badParameter("month", zh: "month 应为 YYYY-MM（2000～2100 年），实为“\(raw.prefix(20))”", en: "month must be YYYY-MM (2000 to 2100), not “\(raw.prefix(20))”")
        }
        return try await desk(req).draftSupervisionBulletin(year: ym.year, month: ym.month, asOf: try RequestParameters.date(b.asOf, field: "asOf"), on: req.db)
    }

    func draftAPI(req: Request) async throws -> Response {
        let d = try await draft(req, try req.content.decode(DraftBody.self))
        return try await DetailDTO(document: try RowDTO(d), content: try DocumentDesk.bulletin(d)).encodeResponse(status: .created, for: req)
    }

    func issue(_ req: Request, version: Int?) async throws -> DocumentModel {
        _ = try await document(req)
        return try await desk(req).issue(id: try req.id("doc", orElse: Self.noDocument), kinds: [.supervisionBulletin],
                                         version: try RequestParameters.version(version), on: req.db)
    }

    func issueAPI(req: Request) async throws -> DetailDTO {
        let d = try await issue(req, version: try req.content.decode(IssueBody.self).version)
        return DetailDTO(document: try RowDTO(d), content: try DocumentDesk.bulletin(d))
    }

    func docx(req: Request) async throws -> Response {
        let d = try await document(req)
        return .download(try DocxWriter.write(BulletinDocument.layout(d, try DocumentDesk.bulletin(d), district: try req.district().name).docx()),
                         contentType: DocxWriter.contentType, fileName: "督查通报-\(d.period)\(d.status == .issued ? "" : "-草稿").docx", fallback: "bulletin.docx")
    }

    // MARK: Pages

    func listPage(req: Request) async throws -> Response { try await renderList(req, notice: nil) }

    func renderList(_ req: Request, notice: PageNotice?, status: HTTPStatus = .ok) async throws -> Response {
        let docs = try await visible(req)
        return .html(BulletinsPage(documents: docs, today: DistrictContext.today(in: try req.district()), notice: notice, lang: req.language).render(), status: status)
    }

    func detailPage(req: Request) async throws -> Response { try await renderDetail(req, notice: nil) }

    func renderDetail(_ req: Request, notice: PageNotice?, status: HTTPStatus = .ok) async throws -> Response {
        let d = try await document(req)
        return .html(BulletinPage(document: d, layout: BulletinDocument.layout(d, try DocumentDesk.bulletin(d), district: try req.district().name), notice: notice,
                                  lang: req.language).render(), status: status)
    }

    func draftPage(req: Request) async throws -> Response {
        let body = try req.content.decode(DraftBody.self)
        return try await PageOutcome.make(req, work: { Site.bulletin.link(try await draft(req, body).requireID()) }) { notice, status in
            try await renderList(req, notice: notice, status: status)
        }
    }

    func issuePage(req: Request) async throws -> Response {
        let version = try req.content.decode(IssueBody.self).version
        return try await PageOutcome.run(req, work: {
            let d = try await issue(req, version: version)
            return Message(zh: "已印发 \(d.number ?? "")", en: "Issued \(d.number ?? "")")
        }) { notice, status in try await renderDetail(req, notice: notice, status: status) }
    }
}

/// The bulletin's text, shared by the printable page and the .docx.
enum BulletinDocument {
    static func intro(_ b: SupervisionBulletin) -> String {
        let overdueUnits = Set(b.overdue.map(\.unit)).count
        return "截至\(NoticeDocument.chineseDate(b.asOf))，全区逾期未办结的问题和会议议定事项 \(b.overdue.count) 项，涉及 \(overdueUnits) 个单位；"
            + "本月发出催办单 \(b.notices.count) 份，其中 \(b.notices.filter { !$0.acknowledged }.count) 份未签收；"
            + "\(b.lateReports.count) 个单位月度进度未按期报送；连续亮灯未改善项目 \(b.litAllMonth.count) 个。现将有关情况通报如下。"
    }

    static let closing = "请被通报单位高度重视，对照问题逐项整改，于 5 个工作日内将整改情况书面报送区重点项目建设领导小组办公室。"

    static func colourName(_ c: String) -> String { c == "red" ? "红灯" : c == "yellow" ? "黄灯" : c }

    static func unitRows(_ b: SupervisionBulletin) -> [[String]] {
        b.units.map { [$0.unit, String($0.overdueProblems), String($0.overdueDecisions), String($0.notices), String($0.lateReports)] }
    }

    /// The bulletin laid out once for the page and the .docx.
    static func layout(_ d: DocumentModel, _ b: SupervisionBulletin, district: String) -> OfficialDoc {
        func table(_ sheet: String, _ header: [String], _ rows: [[String]]) -> OfficialDoc.Block {
            .table(OfficialDoc.Table(sheet: sheet, header: header, rows: rows.map { $0.map { OfficialDoc.Cell($0) } }))
        }
        var sections: [OfficialDoc.Section] = []
        if !b.units.isEmpty {
            sections.append(.init(heading: "各单位情况", blocks: [table("各单位", ["单位", "逾期问题", "逾期议定事项", "催办单", "逾期未报项目"], unitRows(b))]))
        }
        if !b.overdue.isEmpty {
            sections.append(.init(heading: "逾期未办结事项", blocks: [table("逾期事项", ["牵头单位", "事项", "时间节点", "逾期天数"],
                                                                       b.overdue.map { [$0.unit, $0.title, $0.deadline, String($0.daysOverdue)] })]))
        }
        if !b.notices.isEmpty {
            sections.append(.init(heading: "本月催办情况", blocks: [table("催办", ["编号", "被催办单位", "发出日期", "签收"],
                                                                      b.notices.map { [$0.number, $0.unit, $0.issuedOn, $0.acknowledged ? "已签收" : "未签收"] })]))
        }
        if !b.lateReports.isEmpty {
            sections.append(.init(heading: "月度进度逾期未报", blocks: [table("逾期未报", ["单位", "项目"],
                                                                        b.lateReports.keys.sorted().map { [$0, b.lateReports[$0, default: []].joined(separator: "、")] })]))
        }
        if !b.litAllMonth.isEmpty {
            sections.append(.init(heading: "连续亮灯未改善项目", blocks: [table("连续亮灯", ["项目编号", "项目名称", "责任单位", "灯色", "亮灯以来"],
                                                                         b.litAllMonth.map { [$0.code, $0.name, $0.unit, colourName($0.colour), $0.since] })]))
        }
        return OfficialDoc(title: "重点项目督查通报", numberLine: OfficialDoc.numberLine(d), issuer: NoticeDocument.issuer(district),
                           date: NoticeDocument.chineseDate(d.issuedOn ?? b.asOf),
                           intro: [intro(b)] + (b.isEmpty ? ["本月无逾期事项、催办和亮灯未改善项目。"] : []),
                           sections: OfficialDoc.numbered(sections), closing: closing)
    }
}
