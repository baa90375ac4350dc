import BallastCore
import BallastStore
import Foundation
import Plot

/// 四库 board: each pool with its projects now, entries this year against the target, the
/// year's moves and exits.
struct PipelinePage {
    var figures: PipelineFigures
    var projects: [LifecycleStage: [ProjectRef]]
    /// The cohort asked for (or the default: 招引, this year's first quarter).
    var cohort: (pool: LifecycleStage, from: CalendarDate, to: CalendarDate, result: CohortQuery.Result)
    var quarter: String?
    var byUnit: PipelineController.Groups = []
    var byChain: PipelineController.Groups = []
    var notice: PageNotice?
    var lang: UILanguage

    static let shown = 12

    func render() -> String {
        let en = lang == .en
        let f = figures
        return Layout.page(title: en ? "Pipeline" : "四库管理", lang: lang, section: .pipeline, path: Site.pipeline.link,
            .h1(.text(en ? "Project pipeline, \(f.year) (as of \(f.asOf.iso))" : "\(f.year)年产业项目四库（截至\(f.asOf.iso)）")),
            Layout.notice(notice),
            .div(.class("card"), .raw(PipelineFunnel.svg(f.pools, year: f.year, lang: lang))),
            .div(.class("pools"), .forEach(f.pools) { pool in poolCard(pool) }),
            .div(.class("card"),
                .h2(.text(en ? "Moves this year" : "本年流转")),
                DataTable<PipelineFigures.Flow>([
                    .text(en ? "From" : "由") { fl in fl.from.map(name) ?? (en ? "(new)" : "（新入库）") },
                    .text(en ? "To" : "转入") { fl in name(fl.to) },
                    .text(en ? "Projects" : "项目数", .number) { fl in String(fl.projects) },
                ], rows: f.flows, empty: en ? "None yet." : "暂无。").node,
                .if(!f.exitsByReason.isEmpty, .group(
                    .h2(.text(en ? "Exits this year, by reason" : "本年退出（按原因）")),
                    .ul(.forEach(f.exitsByReason) { e in .li(.text("\(e.reason.isEmpty ? "—" : e.reason)：\(e.projects)")) })))),
            cohortCard(),
            breakdownCard(en ? "By unit" : "分单位", byUnit, empty: en ? "—" : "—"),
            breakdownCard(en ? "By industry chain" : "分产业链", byChain, empty: en ? "(no chain)" : "（未标注产业链）"),
            .if(PageContext.may(.manageProjects), .div(.class("card"),
                .h2(.text(en ? "Targets for \(f.year): projects to enter each pool" : "\(f.year)年各库入库目标（个）")),
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
                        return "\(p.projects) / \(Layout.yi(p.total))"
                    }
                }
                + [.text(lang == .en ? "Total" : "合计", .number) { g in
                    "\(g.pools.reduce(0) { $0 + $1.projects }) / \(Layout.yi(g.pools.reduce(Money.zero) { $0 + $1.total }))"
                }],
                rows: groups, empty: lang == .en ? "None." : "暂无。").node,
            .p(.class("muted"), .text(lang == .en ? "Projects / 亿元 in each pool on \(figures.asOf.iso)." : "各库项目数 / 总投资（亿元），截至\(figures.asOf.iso)。")))
    }

    func name(_ s: LifecycleStage) -> String { lang == .en ? s.englishName : s.rawValue }

    func days(_ d: Cohort.Days) -> String {
        guard let m = d.median, let p = d.p80 else { return "—" }
        return lang == .en ? "\(m) / \(p) days" : "\(m) / \(p) 天"
    }

    /// 转化: of the projects that entered a pool in a period, how many went on, and how fast.
    func cohortCard() -> Node<HTML.BodyContext> {
        let en = lang == .en
        let c = cohort
        let later = Cohort.followed(after: c.pool)
        func row(_ label: String, _ s: Cohort.Summary) -> Node<HTML.TableContext> {
            .tr(.td(.text(label)), .td(.class("num"), .text(String(s.projects))),
                .forEach(later) { st in .td(.class("num"), .text("\(s.reached[st] ?? 0)"), .div(.class("muted"), .text(days(s.daysTo[st] ?? .init(projects: 0, median: nil, p80: nil))))) },
                .td(.class("num"), .text(String(s.exited))), .td(.class("num"), .text(String(s.stillIn))),
                .td(.class("num"), .text(days(s.daysInPool))))
        }
        return .div(.class("card"), .id("cohort"),
            .h2(.text(en ? "Conversion: projects that entered \(name(c.pool)) from \(c.from.iso) to \(c.to.iso)"
                         : "转化：\(c.from.iso) 至 \(c.to.iso) 进入\(c.pool.rawValue)库的项目")),
            .form(.class("filters"), .method(.get), .action(Site.pipeline.link),
                .label(.text(en ? "Pool" : "入库"), .select(.attribute(named: "name", value: "pool"), .forEach(LifecycleStage.pools) { s in
                    .option(.value(attr(s.rawValue)), .label(attr(name(s))), .isSelected(s == c.pool))
                })),
                .label(.text(en ? "Quarter" : "季度"), .input(.type(.text), .name("quarter"), .value(attr(quarter ?? "")),
                                                             .placeholder("\(c.from.year)-Q1"), .attribute(named: "size", value: "8"))),
                .if(en, .input(.type(.hidden), .name("lang"), .value("en"))),
                .button(.type(.submit), .text(UIText.search.text(lang)))),
            .p(.class("muted"), .text(en ? "Each cell: projects that reached the stage, and below it the median / 80th percentile days from entering."
                                         : "各栏为此后到达该阶段的项目数，下方为自入库起的天数（中位数 / 80% 分位）。")),
            .div(.class("table-wrap"), .table(
                .thead(.tr(.th(), .th(.class("num"), .text(en ? "Entered" : "入库")),
                           .forEach(later) { st in .th(.class("num"), .text(en ? "→ " + st.englishName : "→" + st.rawValue)) },
                           .th(.class("num"), .text(en ? "Exited" : "退出")), .th(.class("num"), .text(en ? "Still in" : "仍在库")),
                           .th(.class("num"), .text(en ? "Days in pool" : "在库天数")))),
                .tbody(row(en ? "All" : "合计", c.result.summary),
                       .forEach(c.result.byUnit) { u in row(u.unit, u.summary) }))))
    }

    func poolCard(_ pool: PipelineFigures.Pool) -> Node<HTML.BodyContext> {
        let en = lang == .en
        let list = projects[pool.stage] ?? []
        let share = pool.target.map { $0 > 0 ? min(100, pool.entered * 100 / $0) : 100 }
        return .div(.class("card pool"),
            .h2(.text(en ? pool.stage.englishName : pool.stage.rawValue + "库")),
            .div(.class("value"), .text("\(pool.projects)"), .span(.class("muted"), .text(en ? " projects" : " 个"))),
            .div(.class("muted"), .text((en ? "Investment " : "总投资 ") + String(format: "%.1f", pool.totalInvestment.rounded(in: .yi, places: 1)) + " 亿元")),
            .div(.text(en ? "Entered this year: \(pool.entered)" + (pool.target.map { " of \($0)" } ?? "")
                          : "本年入库 \(pool.entered)" + (pool.target.map { " / 目标 \($0)" } ?? ""))),
            .unwrap(share) { s in
                .div(.class("bar"), .attribute(named: "role", value: "progressbar"), .attribute(named: "aria-valuenow", value: String(s)),
                     .div(.class("fill w\(s / 5 * 5)")))
            },
            .ul(.class("pool-projects"), .forEach(list.prefix(Self.shown)) { p in
                .li(.a(.href(attr(Layout.link(Site.project.link(p.id), lang))), .text(p.name)))
            }),
            .if(list.count > Self.shown, .p(.class("muted"), .text(en ? "and \(list.count - Self.shown) more" : "等 \(list.count) 个"))))
    }
}
