import BallastCharts
import BallastCore
import BallastStore
import Foundation
import Plot

/// 大屏: the dashboard for the command centre's wall. Dark, large type, no navigation; 1920×1080
/// or 3840×2160 (the same layout at twice the scale). The panels refresh in place every minute
/// (a small script of ours swaps them; without script the page still shows, as of its load).
struct ScreenPage {
    enum Size: String {
        case hd = "1080", uhd = "2160"

        static func parse(_ raw: String?) throws -> Size {
            guard let raw, !raw.isEmpty else { return .hd }
            guard let s = Size(rawValue: raw) else {
                throw BallastError.badParameter("size", zh: "size 只能是 1080 或 2160，实为“\(raw)”", en: "size must be 1080 or 2160, not “\(raw)”")
            }
            return s
        }
    }

    /// Seconds between refreshes: a minute unless `?refresh=` says otherwise (2 s to an hour).
    static let refreshSeconds = 60

    static func refresh(_ raw: String?) throws -> Int {
        guard let raw, !raw.isEmpty else { return refreshSeconds }
        guard let s = Int(raw), (2...3600).contains(s) else {
            throw BallastError.badParameter("refresh", zh: "refresh 应为 2 到 3600 之间的秒数，实为“\(raw)”", en: "refresh must be 2 to 3600 seconds, not “\(raw)”")
        }
        return s
    }

    var request: DashboardRequest
    var size: Size
    var seconds: Int
    var panels: String

    func render() -> String {
        let en = request.lang == .en
        let query = request.keep + "&size=\(size.rawValue)" + (en ? "&lang=en" : "")
        let html = HTML(
            .lang(en ? .english : .chinese),
            .head(
                .encoding(.utf8),
                .element(named: "title", nodes: [.text(DashboardText.screenTitle.text(request.lang))]),
                .viewport(.accordingToDevice),
                .stylesheet(Site.stylesheet.link),
                .script(.src(Site.screenScript.link), .attribute(named: "defer", value: "defer"))
            ),
            .body(.class("screen screen-\(size.rawValue)"),
                .div(.id("panels"), .attribute(named: "data-refresh", value: Site.screenPanels.link + "?\(query)"),
                     .attribute(named: "data-seconds", value: String(seconds)), .raw(panels)))
        )
        return html.render()
    }

    /// The screen's content: refreshed as a whole by the script.
    static func panels(_ r: DashboardRequest, figures f: DashboardFigures, map: String, size: Size, renderedAt: Date) -> String {
        let lang = r.lang
        let yi = MoneyScale.yi
        let time = DateFormatter.district("HH:mm:ss", timeZone: r.district.timeZone).string(from: renderedAt)
        let rate = f.completionRate.map(ValueFormat.percent.text) ?? "—"
        func figure(_ label: String, _ value: String, _ unit: String, behind: Bool = false) -> Node<HTML.BodyContext> {
            .div(.class(behind ? "screen-figure behind" : "screen-figure"), .div(.class("label"), .text(label)),
                 .div(.class("value"), .text(value), .span(.class("unit"), .text(unit))))
        }
        func panel(_ title: String, _ svg: String, _ cls: String = "") -> Node<HTML.BodyContext> {
            .section(.class("screen-panel \(cls)"), .h2(.text(title)), .raw(svg))
        }
        let body: Node<HTML.BodyContext> = .group(
            .header(.class("screen-head"),
                .h1(.text(DashboardText.screenHeading(district: r.district.name, year: f.year).text(lang))),
                .div(.class("screen-asof"), .text(DashboardText.screenAsOf(f.asOf, time: time).text(lang)))),
            .div(.class("screen-figures"),
                figure(DashboardText.projects.text(lang), "\(f.projects)", DashboardText.projectsMeasure.text(lang)),
                figure(DashboardText.investment.text(lang), yi.figure(Double(f.totalInvestment)), "亿元"),
                figure(DashboardText.plan.text(lang), yi.figure(Double(f.annualPlan)), "亿元"),
                figure(DashboardText.completed.text(lang), yi.figure(Double(f.completed)), "亿元"),
                figure(DashboardText.completion.text(lang), rate, " / " + ValueFormat.percent.text(f.timeProgress), behind: (f.completionRate ?? 0) < f.timeProgress),
                figure(DashboardText.overdueProblems.text(lang), "\(f.problems.overdue)", DashboardText.problemsMeasure.text(lang), behind: f.problems.overdue > 0)),
            .div(.class("screen-grid"),
                .div(.class("screen-col"),
                    panel(DashboardText.warningLights.text(lang), DashboardCharts.colours(f, r, width: 420)),
                    panel(DashboardText.pools.text(lang), DashboardCharts.funnel(f, r, width: 420))),
                panel(DashboardText.projectMapPanel.text(lang), map, "screen-map"),
                .div(.class("screen-col"),
                    panel(DashboardText.byCategoryCompleted.text(lang), DashboardCharts.groups(f.byCategory, id: "by-category", filter: "category", r, width: 520)),
                    panel(DashboardText.cumulativeByMonth.text(lang), DashboardCharts.curve(f, r, width: 520, height: 300)))))
        return body.render()
    }
}
