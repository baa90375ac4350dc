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
                // The wall is one page's content: its landmark is the main one.
                .main(.id("panels"), .attribute(named: "data-refresh", value: Site.screenPanels.link + "?\(query)"),
                      .attribute(named: "data-seconds", value: String(seconds)), .raw(panels)))
        )
        return html.render()
    }

    /// What the wall shows besides the dashboard's figures: the lit projects, worst first, and
    /// the month's changes.
    struct Extras {
        var lit: [ProjectWarning]
        var changes: MonthChanges?
    }

    /// Lit projects the list holds at most; it rolls when longer than the panel.
    static let maxLit = 40
    /// Fewer rows than this fit the panel as they are: no rolling.
    static let rollingFrom = 10

    /// The screen's content: refreshed as a whole by the script. Type is at least 24 px on a
    /// 1920×1080 wall (48 px at 3840×2160): text is HTML, and the one SVG chart is drawn at half
    /// its panel's size so its 12-unit text shows at 24 px.
    static func panels(_ r: DashboardRequest, figures f: DashboardFigures, extras: Extras, map: String, size: Size, renderedAt: Date) -> String {
        let lang = r.lang
        let yi = MoneyScale.yi
        let time = DateFormatter.district("HH:mm:ss", timeZone: r.district.timeZone).string(from: renderedAt)
        let rate = f.completionRate.map(ValueFormat.percent.text) ?? "—"
        func figure(_ label: String, _ value: String, _ unit: String, behind: Bool = false) -> Node<HTML.BodyContext> {
            .div(.class(behind ? "screen-figure behind" : "screen-figure"), .div(.class("label"), .text(label)),
                 .div(.class("value"), .text(value), .span(.class("unit"), .text(unit))))
        }
        func panel(_ title: String, _ cls: String, _ content: Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
            .section(.class("screen-panel \(cls)"), .h2(.text(title)), content)
        }
        let lights: Node<HTML.BodyContext> = .ul(.class("screen-lights"),
            .forEach(DashboardCharts.lights) { c in
                .li(.class("c-\(c.rawValue)"), .span(.class("light \(c.rawValue)"), .attribute(named: "aria-hidden", value: "true")),
                    .span(.class("name"), .text(DashboardCharts.colourName(c, lang))),
                    .span(.class("count"), .text(String(f.colours[c.rawValue] ?? 0))))
            })
        let rows = Array(extras.lit.prefix(maxLit))
        let rolling = rows.count >= rollingFrom
        func litRow(_ w: ProjectWarning, hidden: Bool) -> Node<HTML.ListContext> {
            .li(.if(hidden, .attribute(named: "aria-hidden", value: "true")),
                .span(.class("light \(w.outcome.colour.rawValue)"), .attribute(named: "aria-hidden", value: "true")),
                .span(.class("name"), .attribute(named: "translate", value: "no"), .text(w.name)),
                .span(.class("why"), .text(w.outcome.reasons.first?.text(lang) ?? "")))
        }
        // Rolling, the rows are written twice so the second copy follows the first without a gap;
        // the copy is hidden from screen readers.
        let litList: Node<HTML.BodyContext> = rows.isEmpty
            ? .p(.class("screen-none"), .text(DashboardText.noLitProjects.text(lang)))
            : .div(.class("screen-roll"), .ul(.class(rolling ? "rolling" : "still"),
                .forEach(rows) { litRow($0, hidden: false) },
                .if(rolling, .forEach(rows) { litRow($0, hidden: true) })))
        let month = f.monthly.indices.contains(f.month - 1) ? f.monthly[f.month - 1] : 0
        let changes: Node<HTML.BodyContext> = .unwrap(extras.changes) { m in
            panel(DashboardText.monthChanges(m.month, through: CalendarDate(iso: f.asOf) ?? r.scope.asOf).text(lang), "screen-changes",
                .ul(.class("screen-changes-list"),
                    .li(.span(.class("name"), .text(DashboardText.completedThisMonth.text(lang))),
                        .span(.class("count"), .text(yi.figure(Double(month)))), .span(.class("unit"), .text(DashboardText.yiSuffix.text(lang)))),
                    .li(.class("c-red"), .span(.class("name"), .text(DashboardText.turnedRed.text(lang))), .span(.class("count"), .text(String(m.turnedRed)))),
                    .li(.class("c-green"), .span(.class("name"), .text(DashboardText.turnedGreen.text(lang))), .span(.class("count"), .text(String(m.turnedGreen)))),
                    .li(.span(.class("name"), .text(DashboardText.started.text(lang))), .span(.class("count"), .text(String(m.started)))),
                    .li(.span(.class("name"), .text(DashboardText.finished.text(lang))), .span(.class("count"), .text(String(m.finished))))))
        }
        let body: Node<HTML.BodyContext> = .group(
            .header(.class("screen-head"),
                .h1(.text(DashboardText.screenHeading(district: r.district.name, year: f.year).text(lang))),
                .div(.class("screen-asof"), .text(DashboardText.screenAsOf(f.asOf, time: time).text(lang)))),
            .div(.class("screen-figures"),
                figure(DashboardText.projects.text(lang), "\(f.projects)", DashboardText.projectsMeasure.text(lang)),
                figure(DashboardText.investment.text(lang), yi.figure(Double(f.totalInvestment)), DashboardText.yiSuffix.text(lang)),
                figure(DashboardText.plan.text(lang), yi.figure(Double(f.annualPlan)), DashboardText.yiSuffix.text(lang)),
                figure(DashboardText.completed.text(lang), yi.figure(Double(f.completed)), DashboardText.yiSuffix.text(lang)),
                figure(DashboardText.completion.text(lang), rate, " / " + ValueFormat.percent.text(f.timeProgress), behind: (f.completionRate ?? 0) < f.timeProgress),
                figure(DashboardText.overdueProblems.text(lang), "\(f.problems.overdue)", DashboardText.problemsMeasure.text(lang), behind: f.problems.overdue > 0)),
            .div(.class("screen-grid"),
                .div(.class("screen-col"),
                    panel(DashboardText.warningLights.text(lang), "screen-lights-panel", lights),
                    panel(DashboardText.litProjects.text(lang), "screen-lit", litList)),
                panel(DashboardText.projectMapPanel.text(lang), "screen-map", .raw(map)),
                .div(.class("screen-col"),
                    changes,
                    panel(DashboardText.cumulativeByMonth.text(lang), "screen-curve", .raw(DashboardCharts.curve(f, r, width: 250, height: 170))))))
        return body.render()
    }
}
