import BallastCore
import BallastStore
import Foundation
import Plot

/// The project page's 入库纳统 card: where the project stands with the statistics database on
/// the day, the form for its start and statistics days (whoever edits the project), and each
/// month's reported beside counted investment, with the office's form for the counted figure.
enum ProjectStatisticsSection {
    static func node(_ v: StatisticsQuery.ProjectView, projectID: UUID, asOf: CalendarDate, lang: UILanguage) -> Node<HTML.BodyContext> {
        let t = { (m: Message) in m.text(lang) }
        let en = lang == .en
        let status = v.record.status(asOf: asOf)
        let edit = PageContext.may(.editProjects)
        let months = v.months.filter { $0.reported != nil || $0.counted != nil }
        return .div(.class("card"), .id("statistics"),
            .h2(.text(t(StatisticsText.heading))),
            .p(.span(.class("tag \(status == .included ? "green" : status == .declared ? "blue" : "")"),
                     .text(en ? status.englishName : status.chineseName)),
               .unwrap(v.record.number) { n in .text(" " + t(StatisticsText.number) + " " + n) }),
            edit ? form(v, projectID: projectID, lang: lang) : facts(v.record, lang: lang),
            .if(!months.isEmpty, .group(
                .h3(.text(t(StatisticsText.countedByMonth))),
                DataTable<StatisticsQuery.ProjectView.Month>([
                    .text(t(StatisticsText.month), .number) { en ? String($0.month) : "\($0.month)月" },
                    .text(t(StatisticsText.reported), .number) { $0.reported?.wanText ?? "—" },
                    .text(t(StatisticsText.counted), .number) { $0.counted?.wanText ?? "—" },
                    .text(t(StatisticsText.gap), .number) { m in
                        guard let r = m.reported, let c = m.counted else { return "—" }
                        return Money(yuan: r.yuan.subtractingReportingOverflow(c.yuan).partialValue).wanText
                    },
                ], rows: months, empty: "").node)),
            .if(PageContext.may(.reviewReports), countedForm(v, projectID: projectID, asOf: asOf, lang: lang)))
    }

    static func facts(_ r: StatisticsRecord, lang: UILanguage) -> Node<HTML.BodyContext> {
        let rows: [(Message, String)] = [(StatisticsText.startedOn, r.startedOn?.iso ?? "—"), (StatisticsText.declaredOn, r.declaredOn?.iso ?? "—"),
                                         (StatisticsText.includedOn, r.includedOn?.iso ?? "—"), (StatisticsText.number, r.number ?? "—")]
        return .dl(.class("fields"), .forEach(rows) { f in .group(.dt(.text(f.0.text(lang))), .dd(.text(f.1))) })
    }

    static func form(_ v: StatisticsQuery.ProjectView, projectID: UUID, lang: UILanguage) -> Node<HTML.BodyContext> {
        let t = { (m: Message) in m.text(lang) }
        let r = v.record
        return .group(
            .form(.method(.post), .action(attr(Site.projectStatistics.link(projectID))), .class("filters"), .csrf(),
                .input(.type(.hidden), .name("version"), .value(String(v.version))),
                .label(.text(t(StatisticsText.startedOn)), ProjectItemsSection.dateInput("startedOn", r.startedOn)),
                .label(.text(t(StatisticsText.declaredOn)), ProjectItemsSection.dateInput("declaredOn", r.declaredOn)),
                .label(.text(t(StatisticsText.includedOn)), ProjectItemsSection.dateInput("includedOn", r.includedOn)),
                .label(.text(t(StatisticsText.number)), ProjectItemsSection.textInput("statisticsNumber", r.number, size: 16)),
                .button(.type(.submit), .text(t(StatisticsText.save)))),
            .p(.class("muted"), .text(t(StatisticsText.notStartedHint))))
    }

    /// The office enters what the statistics office counted, a month at a time.
    static func countedForm(_ v: StatisticsQuery.ProjectView, projectID: UUID, asOf: CalendarDate, lang: UILanguage) -> Node<HTML.BodyContext> {
        let t = { (m: Message) in m.text(lang) }
        let last = v.year < asOf.year ? 12 : max(1, asOf.month)
        let months: [(String, String)] = (1...last).map { m in (String(m), lang == .en ? "\(v.year)-\(m)" : "\(v.year)年\(m)月") }
        let amount: Node<HTML.LabelContext> = ProjectItemsSection.input([.type(.text), .name("counted"), .attribute(named: "inputmode", value: "decimal"),
                                                                        .attribute(named: "size", value: "10")])
        return .form(.method(.post), .action(attr(Site.projectStatisticsCounted.link(projectID))), .class("filters"), .csrf(),
            .input(.type(.hidden), .name("year"), .value(String(v.year))),
            .label(.text(t(StatisticsText.month)),
                   .select(.attribute(named: "name", value: "month"),
                           .forEach(months) { m in .choice(m.0, m.1, selected: m.0 == String(last)) })),
            .label(.text(t(StatisticsText.counted)), amount),
            .button(.type(.submit), .class("secondary"), .text(t(StatisticsText.saveCounted))))
    }
}
