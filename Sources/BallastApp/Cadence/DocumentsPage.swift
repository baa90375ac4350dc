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

    /// The periods the draft form offers for each kind, as stored and as written, the usual one
    /// first: the last twelve weeks from last week, the last twelve months from last month, this
    /// and the four quarters before, this year and the last.
    var periods: [(DocumentKind, [(String, String)])] {
        let weeks = (1...12).map { ISOWeek(containing: today.adding(days: -7 * $0)) }
        let months: [YearMonth] = (1...12).compactMap { back in
            let index = today.year * 12 + today.month - 1 - back
            return YearMonth(year: index / 12, month: index % 12 + 1)
        }
        let quarterIndex = today.year * 4 + (today.month - 1) / 3
        let quarters = (0...4).compactMap { AssessmentPeriod(year: (quarterIndex - $0) / 4, quarter: (quarterIndex - $0) % 4 + 1) }
        let years = [today.year, today.year - 1].compactMap { AssessmentPeriod(year: $0, quarter: nil) }
        return [(.weeklyBulletin, weeks.map { ($0.description, $0.fullName(lang)) }),
                (.unitRanking, months.map { (UnitRanking.period(year: $0.year, month: $0.month), $0.name(lang)) }),
                (.quarterlyAssessment, quarters.map { ($0.description, $0.name(lang)) }),
                (.annualEvaluation, years.map { ($0.description, $0.name(lang)) })]
    }

    func kindSelect() -> Node<HTML.LabelContext> {
        let en = lang == .en
        let options: [(String, String)] = [("", CadenceText.all.text(lang))] + DocumentKind.allCases.map { ($0.rawValue, en ? $0.englishName : $0.chineseName) }
        return .select(.attribute(named: "name", value: "kind"),
                       .forEach(options) { value, label in .choice(value, label, selected: search.kind?.rawValue == value) })
    }

    func render() -> String {
        return Layout.page(title: CadenceText.documentsTitle.text(lang), lang: lang, section: .documents, path: Site.documents.link,
            .h1(.text(CadenceText.documentsHeading.text(lang))),
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
                .label(.text(CadenceText.kind.text(lang)), kindSelect()),
                .label(.text(CadenceText.year.text(lang)), .input(.type(.number), .name("year"), .value(search.year.map(String.init) ?? ""), .attribute(named: "min", value: "2000"), .attribute(named: "max", value: "2100"), .class("narrow"))),
                .label(.text(CadenceText.words.text(lang)), .input(.type(.search), .name("q"), .value(search.q ?? ""))),
                .button(.type(.submit), .text(CadenceText.search.text(lang))))
        )
    }

    func listing() -> Node<HTML.BodyContext> {
        let columns: [DataTable<DocumentSummary>.Column] = [
            .text(CadenceText.kind.text(lang)) { d in Self.kindName(d.kind.rawValue, lang) },
            .text(CadenceText.periodColumn.text(lang)) { d in PeriodName.of(d.period, lang) },
            .init(CadenceText.title.text(lang)) { d in .a(.href(attr(Layout.link(Self.href(d), lang))), .text(d.title)) },
            .text(CadenceText.number.text(lang)) { d in d.number ?? "—" },
            .text(CadenceText.asOf.text(lang), .date) { d in d.asOf.iso },
            .init(CadenceText.status.text(lang)) { d in
                let issued = d.status == .issued
                let status: String = issued ? CadenceText.issued(d.issuedOn?.iso ?? "").text(lang) : CadenceText.draft.text(lang)
                return .span(.class(issued ? "tag" : "tag muted"), .text(status))
            },
        ]
        return .group(
            DataTable(columns, rows: documents, empty: CadenceText.nothingFound.text(lang)).listed(ListText.documents, lang).node
        )
    }

    func draftCard() -> Node<HTML.BodyContext> {
        let en = lang == .en
        _ = en
        return .group(
            .if(PageContext.may(.issueDocuments), .div(.class("card"),
                .h2(.text(CadenceText.draftDocument.text(lang))),
                .p(.class("muted"), .text(CadenceText.periodsHelp.text(lang))),
                .forEach(periods) { kind, options in
                    .form(.method(.post), .action(attr(Layout.link(Site.documents.link, lang))), .class("filters"), .csrf(),
                        .input(.type(.hidden), .name("kind"), .value(kind.rawValue)),
                        .label(.text(en ? kind.englishName : kind.chineseName),
                               .select(.attribute(named: "name", value: "period"), .forEach(options) { value, name in .choice(value, name) })),
                        .label(.text(CadenceText.asOf.text(lang)), .input(.type(.date), .name("asOf"))),
                        .button(.type(.submit), .text(CadenceText.generate.text(lang))))
                },
                .p(.a(.href(attr(Layout.link(Site.scoring.link, lang))), .text(CadenceText.scoringLink.text(lang))), .text(" · "),
                   .a(.href(attr(Layout.link(Site.documentStyle.link, lang))), .text(CadenceText.documentStyle.text(lang))))))
        )
    }
}
