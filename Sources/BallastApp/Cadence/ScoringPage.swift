import BallastCore
import BallastStore
import Foundation
import Plot

/// 考核评分办法: the year's scheme as it stands (each indicator, weight, cap and formula), the
/// office's form to change it, and a period's 加减分 with the form to add one.
struct ScoringPage {
    var year: Int
    var current: ScoringSchemes.Current
    var period: String
    var adjustments: [ScoreAdjustments.Entry]
    var units: [String]
    var notice: PageNotice?
    var lang: UILanguage

    var s: ScoringScheme { current.scheme }
    var office: Bool { PageContext.may(.issueDocuments) }
    func item(_ i: ScoringIndicator) -> ScoringScheme.Item? { s.items.first { $0.indicator == i.rawValue } }

    var versionLine: String {
        if current.version == 0 { return CadenceText.standardScheme.text(lang) }
        let by = current.createdBy ?? ""
        return CadenceText.schemeVersion(current.version, by: by).text(lang)
    }

    var monthWeights: String { current.scheme.aggregation.monthWeights.map { $0.map(ScoringScheme.format).joined(separator: ",") } ?? "" }

    func editColumns() -> [DataTable<ScoringIndicator>.Column] {
        return [
            .text(CadenceText.indicator.text(lang)) { i in i.name.text(lang) },
            .init(CadenceText.weight.text(lang)) { i in
                let weight: String = item(i).map { ScoringScheme.format($0.weight) } ?? ""
                return .input(.type(.text), .name("weight_\(i.rawValue)"), .value(weight), .attribute(named: "size", value: "5"))
            },
            .init(CadenceText.capRange.text(lang)) { i in
                let cap: String = item(i)?.cap.map(ScoringScheme.format) ?? ""
                return .input(.type(.text), .name("cap_\(i.rawValue)"), .value(cap), .attribute(named: "size", value: "5"))
            },
        ]
    }

    func render() -> String {
        return Layout.page(title: CadenceText.scoringTitle.text(lang), lang: lang, section: .documents, path: Site.scoring.link + "?year=\(year)",
            .p(.a(.href(attr(Layout.link(Site.documents.link, lang))), .text(CadenceText.allDocumentsLink.text(lang)))),
            .h1(.text(CadenceText.scoringHeading(year: year).text(lang))),
            Layout.notice(notice),
            .p(.class("muted"), .text(versionLine)),
            schemeTable(),
            rules(),
            schemeForm(),
            adjustmentsList(),
            adjustmentForm()
        )
    }

    func schemeTable() -> Node<HTML.BodyContext> {
        typealias Column = DataTable<ScoringScheme.Item>.Column
        func indicator(_ i: ScoringScheme.Item) -> ScoringIndicator? { ScoringIndicator(rawValue: i.indicator) }
        let columns: [Column] = [
            .text(CadenceText.indicator.text(lang)) { i in indicator(i)?.name.text(lang) ?? i.indicator },
            .text(CadenceText.weight.text(lang), .number) { i in ScoringScheme.format(i.weight) },
            .text(CadenceText.cap.text(lang), .number) { i in ScoringScheme.format(i.cap ?? 1) },
            .text(CadenceText.formula.text(lang)) { i in indicator(i)?.formula.text(lang) ?? "" },
        ]
        return DataTable(columns, rows: s.items, empty: CadenceText.noEntries.text(lang),
                         totals: [CadenceText.total.text(lang), ScoringScheme.format(s.weightSum), "", ""]).node
    }

    func rules() -> Node<HTML.BodyContext> {
        return .group(
            .ul(.li(.text(CadenceText.aggregation(s.aggregation.description.text(lang)).text(lang))),
                .li(.text(s.separateGroups ? CadenceText.separateGroups.text(lang) : CadenceText.oneRanking.text(lang))),
                .li(.text(RankingOrder.tieRule.text(lang) + "。")),
                .li(.text(CadenceText.targets(pipeline: s.pipelineTarget, advanced: s.advancedCount, threshold: ScoringScheme.format(s.advancedThreshold)).text(lang))))
        )
    }

    func schemeForm() -> Node<HTML.BodyContext> {
        return .group(
            .if(office, .div(.class("card"),
                .h2(.text(CadenceText.changeScheme.text(lang))),
                .p(.class("muted"), .text(CadenceText.schemeHelp.text(lang))),
                .form(.method(.post), .action(attr(Layout.link(Site.scoring.link + "?year=\(year)", lang))), .csrf(),
                    .input(.type(.hidden), .name("year"), .value(String(year))),
                    .input(.type(.hidden), .name("version"), .value(String(current.version))),
                    schemeFields(),
                    .button(.type(.submit), .text(CadenceText.saveNewVersion.text(lang))))))
        )
    }

    func schemeFields() -> Node<HTML.FormContext> {
        return .group(
                    .component(DataTable(editColumns(), rows: ScoringIndicator.allCases, empty: CadenceText.noEntries.text(lang)).node),
                    .div(.class("options"),
                        .label(.class("check"), .input(.type(.checkbox), .name("separateGroups"), .value("1"), .checked(s.separateGroups)),
                               .text(CadenceText.rankApart.text(lang))),
                        .label(.text(CadenceText.monthWeights.text(lang)),
                               .input(.type(.text), .name("monthWeights"), .value(monthWeights), .attribute(named: "size", value: "8"))),
                        .label(.text(CadenceText.signedLeadsAYear.text(lang)), .input(.type(.number), .name("pipelineTarget"), .value(String(s.pipelineTarget)), .attribute(named: "size", value: "4"))),
                        .label(.text(CadenceText.advancedUnits.text(lang)), .input(.type(.number), .name("advancedCount"), .value(String(s.advancedCount)))),
                        .label(.text(CadenceText.threshold.text(lang)), .input(.type(.text), .name("advancedThreshold"), .value(ScoringScheme.format(s.advancedThreshold)), .attribute(named: "size", value: "5"))))
        )
    }

    func adjustmentsList() -> Node<HTML.BodyContext> {
        let columns: [DataTable<ScoreAdjustments.Entry>.Column] = [
            .text(CadenceText.unit.text(lang)) { a in a.unit },
            .text(CadenceText.points.text(lang), .number) { a in (a.points > 0 ? "+" : "") + ScoringScheme.format(a.points) },
            .text(CadenceText.reason.text(lang)) { a in a.reason },
            .text(CadenceText.by.text(lang)) { a in a.createdBy },
        ]
        return .group(
            .h2(.text(CadenceText.adjustmentsHeading(period).text(lang))),
            .form(.method(.get), .action(Site.scoring.link), .class("filters"),
                .input(.type(.hidden), .name("year"), .value(String(year))),
                .label(.text(CadenceText.assessmentPeriod.text(lang)), .input(.type(.text), .name("period"), .value(period), .attribute(named: "size", value: "8"))),
                .button(.type(.submit), .text(CadenceText.show.text(lang)))),
            DataTable(columns, rows: adjustments, empty: CadenceText.noEntries.text(lang)).node
        )
    }

    func adjustmentForm() -> Node<HTML.BodyContext> {
        return .group(
            .if(office, .div(.class("card"),
                .h2(.text(CadenceText.addAdjustment.text(lang))),
                .form(.method(.post), .action(attr(Layout.link(Site.scoringAdjustments.link + "?year=\(year)&period=\(period)", lang))), .class("filters"), .csrf(),
                    .label(.text(CadenceText.assessmentPeriod.text(lang)), .input(.type(.text), .name("period"), .value(period), .attribute(named: "size", value: "8"))),
                    .label(.text(CadenceText.unit.text(lang)), .select(.attribute(named: "name", value: "unit"), .forEach(units) { .choice($0, $0) })),
                    .label(.text(CadenceText.pointsRange.text(lang)), .input(.type(.text), .name("points"), .attribute(named: "size", value: "5"))),
                    .label(.text(CadenceText.reason.text(lang)), .input(.type(.text), .name("reason"), .attribute(named: "size", value: "30"))),
                    .button(.type(.submit), .text(CadenceText.record.text(lang))))))
        )
    }

}
