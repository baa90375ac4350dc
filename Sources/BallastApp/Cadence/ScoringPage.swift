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
        let en = lang == .en
        if current.version == 0 { return en ? "The standard scheme: the office has not saved its own for this year." : "默认办法：本年度尚未保存自定义办法。" }
        let by = current.createdBy ?? ""
        return en ? "Version \(current.version), saved by \(by)." : "第 \(current.version) 版，\(by) 保存。"
    }

    var monthWeights: String { current.scheme.aggregation.monthWeights.map { $0.map(ScoringScheme.format).joined(separator: ",") } ?? "" }

    func editColumns() -> [DataTable<ScoringIndicator>.Column] {
        let en = lang == .en
        return [
            .text(en ? "Indicator" : "指标") { i in i.name.text(lang) },
            .init(en ? "Weight" : "权重") { i in
                let weight: String = item(i).map { ScoringScheme.format($0.weight) } ?? ""
                return .input(.type(.text), .name("weight_\(i.rawValue)"), .value(weight), .attribute(named: "size", value: "5"))
            },
            .init(en ? "Cap (1–2)" : "封顶（1–2）") { i in
                let cap: String = item(i)?.cap.map(ScoringScheme.format) ?? ""
                return .input(.type(.text), .name("cap_\(i.rawValue)"), .value(cap), .attribute(named: "size", value: "5"))
            },
        ]
    }

    func render() -> String {
        let en = lang == .en
        return Layout.page(title: en ? "Scoring scheme" : "考核评分办法", lang: lang, section: .documents, path: Site.scoring.link + "?year=\(year)",
            .p(.a(.href(attr(Layout.link(Site.documents.link, lang))), .text(en ? "← Bulletins and rankings" : "← 通报考核"))),
            .h1(.text(en ? "Scoring scheme \(year)" : "\(year)年考核评分办法")),
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
        let en = lang == .en
        return .group(
            .div(.class("table-wrap"), .table(
                .thead(.tr(.th(.text(en ? "Indicator" : "指标")), .th(.class("num"), .text(en ? "Weight" : "权重")), .th(.class("num"), .text(en ? "Cap" : "封顶")),
                           .th(.text(en ? "Formula" : "计算方法")))),
                .tbody(.forEach(s.items) { i in
                    let ind = ScoringIndicator(rawValue: i.indicator)
                    return .tr(.td(.text(ind?.name.text(lang) ?? i.indicator)), .td(.class("num"), .text(ScoringScheme.format(i.weight))),
                               .td(.class("num"), .text(ScoringScheme.format(i.cap ?? 1))), .td(.text(ind?.formula.text(lang) ?? "")))
                }, .tr(.th(.text(en ? "Total" : "合计")), .th(.class("num"), .text(ScoringScheme.format(s.weightSum))), .td(), .td()))))
        )
    }

    func rules() -> Node<HTML.BodyContext> {
        let en = lang == .en
        return .group(
            .ul(.li(.text((en ? "Months add up as " : "季度、年度得分：") + s.aggregation.description.text(lang) + (en ? ", plus adjustments." : "，加上加减分。"))),
                .li(.text(s.separateGroups ? (en ? "Departments and towns/streets are ranked separately." : "区直部门与乡镇（街道）分组排名。") : (en ? "All units in one ranking." : "全部单位统一排名。"))),
                .li(.text(RankingOrder.tieRule.text(lang) + "。")),
                .li(.text(en ? "Pipeline target: \(s.pipelineTarget) signed leads per unit a year. Advanced units: the best \(s.advancedCount) scoring at least \(ScoringScheme.format(s.advancedThreshold))."
                             : "招商签约目标：每单位每年 \(s.pipelineTarget) 个。先进单位：前 \(s.advancedCount) 名且不低于 \(ScoringScheme.format(s.advancedThreshold)) 分。")))
        )
    }

    func schemeForm() -> Node<HTML.BodyContext> {
        let en = lang == .en
        return .group(
            .if(office, .div(.class("card"),
                .h2(.text(en ? "Change the scheme" : "修改评分办法")),
                .p(.class("muted"), .text(en ? "Weights must add up to 100; a weight of 0 or empty leaves the indicator out. Saving makes a new version; rankings already issued keep theirs."
                                             : "各项权重合计须为 100；权重为 0 或空的指标不计。保存后形成新版本，已印发的排名不受影响。")),
                .form(.method(.post), .action(attr(Layout.link(Site.scoring.link + "?year=\(year)", lang))), .csrf(),
                    .input(.type(.hidden), .name("year"), .value(String(year))),
                    .input(.type(.hidden), .name("version"), .value(String(current.version))),
                    schemeFields(),
                    .button(.type(.submit), .text(en ? "Save as a new version" : "保存为新版本")))))
        )
    }

    func schemeFields() -> Node<HTML.FormContext> {
        let en = lang == .en
        return .group(
                    .component(DataTable(editColumns(), rows: ScoringIndicator.allCases, empty: en ? "None." : "暂无。").node),
                    .div(.class("options"),
                        .label(.class("check"), .input(.type(.checkbox), .name("separateGroups"), .value("1"), .checked(s.separateGroups)),
                               .text(en ? "Rank departments and towns/streets apart" : "部门与乡镇（街道）分组排名")),
                        .label(.text(en ? "Month weights (empty: mean)" : "月份权重（空为平均）"),
                               .input(.type(.text), .name("monthWeights"), .value(monthWeights), .attribute(named: "size", value: "8"))),
                        .label(.text(en ? "Signed leads a year" : "年度签约目标"), .input(.type(.number), .name("pipelineTarget"), .value(String(s.pipelineTarget)), .attribute(named: "size", value: "4"))),
                        .label(.text(en ? "Advanced units" : "先进单位名额"), .input(.type(.number), .name("advancedCount"), .value(String(s.advancedCount)))),
                        .label(.text(en ? "Threshold" : "分数线"), .input(.type(.text), .name("advancedThreshold"), .value(ScoringScheme.format(s.advancedThreshold)), .attribute(named: "size", value: "5"))))
        )
    }

    func adjustmentsList() -> Node<HTML.BodyContext> {
        let en = lang == .en
        let columns: [DataTable<ScoreAdjustments.Entry>.Column] = [
            .text(en ? "Unit" : "单位") { a in a.unit },
            .text(en ? "Points" : "分值", .number) { a in (a.points > 0 ? "+" : "") + ScoringScheme.format(a.points) },
            .text(en ? "Reason" : "理由") { a in a.reason },
            .text(en ? "By" : "经办") { a in a.createdBy },
        ]
        return .group(
            .h2(.text(en ? "Adjustments for \(period)" : "\(period) 加减分")),
            .form(.method(.get), .action(Site.scoring.link), .class("filters"),
                .input(.type(.hidden), .name("year"), .value(String(year))),
                .label(.text(en ? "Period" : "考核期"), .input(.type(.text), .name("period"), .value(period), .attribute(named: "size", value: "8"))),
                .button(.type(.submit), .text(en ? "Show" : "查看"))),
            DataTable(columns, rows: adjustments, empty: en ? "None." : "暂无。").node
        )
    }

    func adjustmentForm() -> Node<HTML.BodyContext> {
        let en = lang == .en
        return .group(
            .if(office, .div(.class("card"),
                .h2(.text(en ? "Add an adjustment" : "记录加减分")),
                .form(.method(.post), .action(attr(Layout.link(Site.scoringAdjustments.link + "?year=\(year)&period=\(period)", lang))), .class("filters"), .csrf(),
                    .label(.text(en ? "Period" : "考核期"), .input(.type(.text), .name("period"), .value(period), .attribute(named: "size", value: "8"))),
                    .label(.text(en ? "Unit" : "单位"), .select(.attribute(named: "name", value: "unit"), .forEach(units) { .option(.value(attr($0)), .label(attr($0))) })),
                    .label(.text(en ? "Points (±20)" : "分值（±20）"), .input(.type(.text), .name("points"), .attribute(named: "size", value: "5"))),
                    .label(.text(en ? "Reason" : "理由"), .input(.type(.text), .name("reason"), .attribute(named: "size", value: "30"))),
                    .button(.type(.submit), .text(en ? "Record" : "记录")))))
        )
    }

}
