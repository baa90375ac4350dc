import BallastCore
import BallastStore
import Foundation
import Plot

/// 四库 board: each pool with its projects now, entries this year against the target, the
/// year's moves and exits.
struct PipelinePage {
    /// What the page shows, read by `PipelinePageModel.load`.
    var model: PipelinePageModel
    /// The `quarter` field as the request gave it, kept in the cohort form.
    var quarter: String?
    var notice: PageNotice?
    var lang: UILanguage

    static let shown = 12

    func render() -> String {
        let f = model.figures
        return Layout.page(title: PipelineText.pipelineTitle.text(lang), lang: lang, section: .pipeline, path: Site.pipeline.link,
            .h1(.text(PipelineText.heading(year: f.year, asOf: f.asOf.iso).text(lang))),
            Layout.notice(notice),
            .div(.class("card"), .raw(PipelineFunnel.svg(f.pools, year: f.year, lang: lang))),
            .div(.class("pools"), .forEach(f.pools) { pool in poolCard(pool) }),
            .div(.class("card"),
                .h2(.text(PipelineText.movesThisYear.text(lang))),
                DataTable<PipelineFigures.Flow>([
                    .text(PipelineText.from.text(lang)) { fl in fl.from.map(name) ?? PipelineText.newEntry.text(lang) },
                    .text(PipelineText.to.text(lang)) { fl in name(fl.to) },
                    .text(PipelineText.projects.text(lang), .number) { fl in String(fl.projects) },
                ], rows: f.flows, empty: PipelineText.noneYet.text(lang)).node,
                .if(!f.exitsByReason.isEmpty, .group(
                    .h2(.text(PipelineText.exitsByReason.text(lang))),
                    .ul(.forEach(f.exitsByReason) { e in .li(.text("\(e.reason.isEmpty ? "—" : e.reason)：\(e.projects)")) })))),
            cohortCard(),
            breakdownCard(PipelineText.byUnit.text(lang), model.byUnit, empty: PipelineText.noUnit.text(lang)),
            breakdownCard(PipelineText.byChain.text(lang), model.byChain, empty: PipelineText.noChain.text(lang)),
            .if(PageContext.may(.manageProjects), .div(.class("card"),
                .h2(.text(PipelineText.targetsHeading(year: f.year).text(lang))),
                .form(.method(.post), .action(attr(Layout.link(Site.pipelineTargets.link + "?year=\(f.year)", lang))), .class("filters"), .csrf(),
                    .input(.type(.hidden), .name("year"), .value(attr(String(f.year)))),
                    .forEach(f.pools) { p in
                        .label(.text(name(p.stage)), .input(.type(.number), .name(p.stage.rawValue), .value(attr(p.target.map(String.init) ?? "")),
                                                           .attribute(named: "min", value: "0")))
                    },
                    .button(.type(.submit), .text(UIText.save.text(lang))))))
        )
    }

    /// The pools at the date per unit or chain: projects / 亿元 in each.
    func breakdownCard(_ title: String, _ groups: PipelineController.Groups, empty: String) -> Node<HTML.BodyContext> {
        guard !groups.isEmpty else { return .empty }
        return .div(.class("card"),
            .h2(.text(title)),
            DataTable<PipelineController.Groups.Element>(
                [.text(title) { g in g.group.isEmpty ? empty : g.group }]
                + LifecycleStage.pools.map { s in
                    .text(name(s), .number) { g in
                        guard let p = g.pools.first(where: { $0.stage == s }), p.projects > 0 else { return "" }
                        return "\(p.projects) / \(p.total.yiText)"
                    }
                }
                + [.text(PipelineText.total.text(lang), .number) { g in
                    "\(g.pools.reduce(0) { $0 + $1.projects }) / \((g.pools.reduce(Money.zero) { $0 + $1.total }).yiText)"
                }],
                rows: groups, empty: PipelineText.noRows.text(lang)).node,
            .p(.class("muted"), .text(PipelineText.breakdownNote(asOf: model.figures.asOf.iso).text(lang))))
    }

    func name(_ s: LifecycleStage) -> String { lang == .en ? s.englishName : s.rawValue }

    func days(_ d: Cohort.Days) -> String {
        guard let m = d.median, let p = d.p80 else { return "—" }
        return PipelineText.days(median: m, p80: p).text(lang)
    }

    /// 转化: of the projects that entered a pool in a period, how many went on, and how fast.
    func cohortCard() -> Node<HTML.BodyContext> {
        let en = lang == .en
        let c = model.cohort
        let later = Cohort.followed(after: c.pool)
        typealias Line = (label: String, summary: Cohort.Summary)
        typealias Column = DataTable<Line>.Column
        let columns: [Column] = [.text("") { $0.label }, .text(PipelineText.entered.text(lang), .number) { String($0.summary.projects) }]
            + later.map { st in
                Column(en ? "→ " + st.englishName : "→" + st.rawValue, .number) { l in
                    .group(.text("\(l.summary.reached[st] ?? 0)"),
                           .div(.class("muted"), .text(days(l.summary.daysTo[st] ?? .init(projects: 0, median: nil, p80: nil)))))
                }
            }
            + [.text(PipelineText.exited.text(lang), .number) { String($0.summary.exited) },
               .text(PipelineText.stillIn.text(lang), .number) { String($0.summary.stillIn) },
               .text(PipelineText.daysInPool.text(lang), .number) { days($0.summary.daysInPool) }]
        // The whole cohort first, then each unit's share of it.
        let lines: [Line] = [(PipelineText.all.text(lang), c.result.summary)] + c.result.byUnit.map { ($0.unit, $0.summary) }
        return .div(.class("card"), .id("cohort"),
            .h2(.text(PipelineText.conversionHeading(pool: c.pool, from: c.from.iso, to: c.to.iso).text(lang))),
            .form(.class("filters"), .method(.get), .action(Site.pipeline.link),
                .label(.text(PipelineText.pool.text(lang)), .select(.attribute(named: "name", value: "pool"), .forEach(LifecycleStage.pools) { s in
                    .choice(s.rawValue, name(s), selected: s == c.pool)
                })),
                .label(.text(PipelineText.quarter.text(lang)), .input(.type(.text), .name("quarter"), .value(attr(quarter ?? "")),
                                                             .placeholder("\(c.from.year)-Q1"), .attribute(named: "size", value: "8"))),
                .if(en, .input(.type(.hidden), .name("lang"), .value("en"))),
                .button(.type(.submit), .text(UIText.search.text(lang)))),
            .p(.class("muted"), .text(PipelineText.cohortNote.text(lang))),
            DataTable(columns, rows: lines, empty: PipelineText.noRows.text(lang)).node)
    }

    func poolCard(_ pool: PipelineFigures.Pool) -> Node<HTML.BodyContext> {
        let en = lang == .en
        let list = model.projects[pool.stage] ?? []
        let share = pool.target.map { $0 > 0 ? min(100, pool.entered * 100 / $0) : 100 }
        return .div(.class("card pool"),
            .h2(.text(en ? pool.stage.englishName : pool.stage.rawValue + "库")),
            .div(.class("value"), .text("\(pool.projects)"), .span(.class("muted"), .text(PipelineText.projectsSuffix.text(lang)))),
            .div(.class("muted"), .text(PipelineText.investmentPrefix.text(lang) + String(format: "%.1f", pool.totalInvestment.rounded(in: .yi, places: 1)) + " 亿元")),
            .div(.text(PipelineText.enteredThisYear(pool.entered, target: pool.target).text(lang))),
            .unwrap(share) { s in
                .div(.class("bar"), .attribute(named: "role", value: "progressbar"), .attribute(named: "aria-valuenow", value: String(s)),
                     .div(.class("fill w\(s / 5 * 5)")))
            },
            .ul(.class("pool-projects"), .forEach(list.prefix(Self.shown)) { p in
                .li(.a(.href(attr(Layout.link(Site.project.link(p.id), lang))), .text(p.name)))
            }),
            .if(list.count > Self.shown, .p(.class("muted"), .text(PipelineText.andMore(total: list.count, shown: Self.shown).text(lang)))))
    }
}
