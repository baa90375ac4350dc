import BallastCore
import BallastStore
import Foundation
import Plot

/// 通报考核: every weekly bulletin, ranking and assessment, drafts and issued, searchable by
/// kind, year and words; the office's form to draft one; the way to the scoring scheme.
struct DocumentsPage {
    var documents: [DocumentSummary]
    var search: DocumentsController.Search
    var today: CalendarDate
    var notice: PageNotice?
    var lang: UILanguage

    static func kindName(_ raw: String, _ lang: UILanguage) -> String {
        DocumentKind(rawValue: raw).map { lang == .en ? $0.englishName : $0.chineseName } ?? raw
    }

    /// Supervision bulletins live under 督办; the others here.
    static func href(_ d: DocumentSummary) -> String {
        d.kind == .supervisionBulletin ? Site.bulletin.link(d.idString) : Site.document.link(d.idString)
    }

    /// What the draft form proposes for each kind: last week, last month, this quarter, this year.
    var suggestions: [(DocumentKind, String)] {
        let lastMonth = today.month == 1 ? (today.year - 1, 12) : (today.year, today.month - 1)
        return [(.weeklyBulletin, ISOWeek(containing: today.adding(days: -7)).description),
                (.unitRanking, UnitRanking.period(year: lastMonth.0, month: lastMonth.1)),
                (.quarterlyAssessment, "\(today.year)-Q\((today.month - 1) / 3 + 1)"),
                (.annualEvaluation, String(today.year))]
    }

    func kindSelect() -> Node<HTML.LabelContext> {
        let en = lang == .en
        let options: [(String, String)] = [("", en ? "All" : "全部")] + DocumentKind.allCases.map { ($0.rawValue, en ? $0.englishName : $0.chineseName) }
        return .select(.attribute(named: "name", value: "kind"),
                       .forEach(options) { value, label in .option(.value(attr(value)), .label(attr(label)), .isSelected(search.kind?.rawValue == value)) })
    }

    func render() -> String {
        let en = lang == .en
        return Layout.page(title: en ? "Bulletins and rankings" : "通报考核", lang: lang, section: .documents, path: Site.documents.link,
            .h1(.text(en ? "Bulletins, rankings and assessments" : "周通报 · 月排名 · 季考核 · 年评优")),
            Layout.notice(notice),
            filters(),
            listing(),
            draftCard()
        )
    }

    func filters() -> Node<HTML.BodyContext> {
        let en = lang == .en
        _ = en
        return .group(
            .form(.method(.get), .action(Site.documents.link), .class("filters"),
                .if(en, .input(.type(.hidden), .name("lang"), .value("en"))),
                .label(.text(en ? "Kind" : "类别"), kindSelect()),
                .label(.text(en ? "Year" : "年度"), .input(.type(.number), .name("year"), .value(search.year.map(String.init) ?? ""), .attribute(named: "size", value: "6"))),
                .label(.text(en ? "Words" : "关键词"), .input(.type(.search), .name("q"), .value(search.q ?? ""))),
                .button(.type(.submit), .text(en ? "Search" : "查询")))
        )
    }

    func listing() -> Node<HTML.BodyContext> {
        let en = lang == .en
        _ = en
        let columns: [DataTable<DocumentSummary>.Column] = [
            .text(en ? "Kind" : "类别") { d in Self.kindName(d.kind.rawValue, lang) },
            .text(en ? "Period" : "期间", .date) { d in d.period },
            .init(en ? "Title" : "标题") { d in .a(.href(attr(Layout.link(Self.href(d), lang))), .text(d.title)) },
            .text(en ? "Number" : "期号") { d in d.number ?? "—" },
            .text(en ? "As of" : "统计截至", .date) { d in d.asOf },
            .init(en ? "Status" : "状态") { d in
                let issued = d.status == .issued
                let status: String = issued ? (en ? "issued \(d.issuedOn ?? "")" : "已印发 \(d.issuedOn ?? "")") : (en ? "draft" : "草稿")
                return .span(.class(issued ? "tag" : "tag muted"), .text(status))
            },
        ]
        return .group(
            DataTable(columns, rows: documents, empty: en ? "Nothing found." : "暂无文件。").node
        )
    }

    func draftCard() -> Node<HTML.BodyContext> {
        let en = lang == .en
        _ = en
        return .group(
            .if(PageContext.may(.issueDocuments), .div(.class("card"),
                .h2(.text(en ? "Draft a document" : "生成草稿")),
                .p(.class("muted"), .text(en ? "Periods: week 2023-W23, month 2023-05, quarter 2023-Q2, year 2023. A draft can be generated again until it is issued; an issued document never changes."
                                             : "期次写法：周 2023-W23，月 2023-05，季度 2023-Q2，年度 2023。印发前可重新生成；印发后内容冻结，不再改变。")),
                .forEach(suggestions) { kind, period in
                    .form(.method(.post), .action(attr(Layout.link(Site.documents.link, lang))), .class("filters"), .csrf(),
                        .input(.type(.hidden), .name("kind"), .value(kind.rawValue)),
                        .label(.text(en ? kind.englishName : kind.chineseName), .input(.type(.text), .name("period"), .value(period), .attribute(named: "size", value: "9"))),
                        .label(.text(en ? "As of" : "统计截至"), .input(.type(.date), .name("asOf"))),
                        .button(.type(.submit), .text(en ? "Generate" : "生成")))
                },
                .p(.a(.href(attr(Layout.link(Site.scoring.link, lang))), .text(en ? "Scoring scheme and adjustments →" : "考核评分办法与加减分 →")))))
        )
    }
}
