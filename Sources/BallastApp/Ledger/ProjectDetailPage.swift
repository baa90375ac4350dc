import BallastCharts
import BallastCore
import BallastStore
import Plot

/// One project: its fields, its year plans and its stage history.
enum ProjectDetailPage {
    static func render(_ d: ProjectDetail, progress: ProjectProgress?, supervision: [SupervisionRow], asOf: CalendarDate,
                       units: [String], exitReasons: [String], pipeline: PipelineLinks = PipelineLinks(),
                       notice: PageNotice?, lang: UILanguage) -> String {
        let t = { (m: Message) in m.text(lang) }
        let r = d.record
        let en = lang == .en
        let fields: [(String, String)] = [
            (en ? "Code" : "项目编号", r.code), (en ? "Category" : "项目类别", r.category),
            (en ? "Responsible unit" : "责任单位", r.unit), (en ? "Contact leader" : "分包领导", r.leader ?? "—"),
            (en ? "Task force" : "工作专班", r.taskForce ?? "—"),
            (en ? "Stage" : "项目阶段", en ? r.stage.englishName : r.stage.rawValue),
            (t(UIText.totalWan), Layout.wan(r.totalInvestment)),
            (en ? "Planned start" : "计划开工", r.plannedStart?.iso ?? "—"), (en ? "Planned completion" : "计划竣工", r.plannedEnd?.iso ?? "—"),
            (en ? "Investor" : "建设单位", r.investor ?? "—"), (en ? "Credit code" : "统一社会信用代码", r.creditCode ?? "—"),
            (en ? "Location" : "经纬度", r.longitude.map { "\(Coordinate.format($0)), \(Coordinate.format(r.latitude ?? 0))" } ?? "—"),
            (en ? "Construction content" : "建设内容", r.content ?? "—"), (t(UIText.version), String(d.version)),
        ]
        return Layout.page(title: r.name, lang: lang, section: .ledger, path: Site.project.link(d.id),
            .h1(.text(r.name)),
            Layout.notice(notice),
            .div(.class("toolbar"),
                .if(PageContext.may(.editProjects),
                    .a(.class("button"), .href(attr(Layout.link(Site.projectEdit.link(d.id), lang))), .text(t(UIText.edit)))),
                .a(.class("button secondary"), .href(attr(Layout.link(Site.projects.link, lang))), .text(t(UIText.ledger)))
            ),
            PoolMoveForm.node(d, exitReasons: exitReasons, lang: lang),
            .unwrap(progress) { progressNodes($0, asOf: asOf, lang: lang) },
            .unwrap(progress) { ProjectItemsSection.milestones($0, projectID: d.id, asOf: asOf, units: units, lang: lang) },
            .unwrap(progress) { ProjectItemsSection.approvals($0, projectID: d.id, asOf: asOf, lang: lang) },
            .unwrap(progress) { ProjectItemsSection.photos($0, lang: lang) },
            .if(!supervision.isEmpty, ProjectItemsSection.supervision(supervision, lang: lang)),
            .div(.class("card"), .h2(.text(t(UIText.basics))),
                .dl(.class("fields"), .forEach(fields) { f in .group(.dt(.text(f.0)), .dd(.text(f.1))) }),
                .unwrap(d.enterpriseID) { e in
                    .p(.a(.href(attr(Layout.link(Site.enterprise.link(e), lang))), .text(en ? "The investor's enterprise record →" : "建设单位企业档案 →")))
                }),
            .div(.class("card"), .h2(.text(t(UIText.yearPlans))),
                .div(.class("table-wrap"), .table(
                    .thead(.tr(.th(.text(t(UIText.year))), .th(.text(en ? "Level" : "级别")), .th(.text(en ? "Nature" : "建设性质")),
                               .th(.text(en ? "Zone" : "空间布局")), .th(.class("num"), .text(t(UIText.planWan))))),
                    .tbody(.forEach(d.plans) { p in
                        .tr(.td(.text(String(p.year))), .td(.text(p.level)),
                            .td(.text(p.nature.map { en ? $0.englishName : $0.rawValue } ?? "—")),
                            .td(.text(p.zone ?? "—")),
                            .td(.class("num"), .text(p.annualPlan.map(Layout.wan) ?? (en ? "outside the portfolio" : "未纳入年度盘子"))))
                    })
                ))),
            .div(.class("card"), .h2(.text(t(UIText.stageHistory))),
                DataTable<ProjectDetail.StageStep>([
                    .text(t(UIText.when)) { s in s.effectiveOn.iso },
                    .text(t(UIText.stage)) { s in (s.from.map { $0.rawValue + " → " } ?? "") + s.to.rawValue },
                    .text(t(UIText.who)) { s in s.actor },
                    .text(t(UIText.note)) { s in s.note ?? "" },
                ], rows: d.stages, empty: lang == .en ? "No stage changes recorded." : "暂无阶段变更记录。").node),
            pipelineCard(pipeline, lang: lang),
            .if(PageContext.may(.manageProjects),
                .div(.class("toolbar"),
                    ConfirmStep(label: t(UIText.delete) + "…", consequence: t(UIText.deleteConfirm),
                                confirm: lang == .en ? "Confirm delete" : "确认删除", action: Site.projectDelete.link(d.id),
                                hidden: [("version", String(d.version))], danger: true).node))
        )
    }

    /// The year's colour with its reasons, the investment curve, milestones and approvals.
    static func progressNodes(_ p: ProjectProgress, asOf: CalendarDate, lang: UILanguage) -> Node<HTML.BodyContext> {
        let en = lang == .en
        let months = asOf.year > p.year ? 12 : asOf.year < p.year ? 0 : asOf.month
        let done = p.monthly.prefix(months).reduce(Money.zero, +)
        return .div(.class("card"),
            .h2(.text(en ? "Progress \(p.year)" : "\(p.year)年投资进度")),
            .unwrap(p.colour) { c in
                .div(.class("warning"), .span(.class("light \(c.rawValue)")),
                     .strong(.text(en ? c.rawValue : c.chineseName + "灯")),
                     .unwrap(p.since) { .span(.class("muted"), .text(en ? " since \($0)" : "（自 \($0)）")) },
                     .forEach(p.reasons) { .div(.text($0.text(lang))) })
            },
            .p(.text((en ? "Completed to date: " : "累计完成：") + Layout.wan(done) + (en ? " 万元" : " 万元")
                     + (p.annualPlan.map { plan in plan.yuan > 0 ? String(format: en ? " of %@ (%.1f%%)" : "，年度计划 %@（%.1f%%）",
                                                                       Layout.wan(plan), Double(done.yuan) / Double(plan.yuan) * 100) : "" } ?? ""))),
            .unwrap(p.annualPlan) { plan in .div(.class("project-curve"), .raw(curve(plan: plan, monthly: p.monthly, months: months, en: en))) }
        )
    }

    /// The lead the project was signed from, and the 三个一批 lists it is on.
    struct PipelineLinks {
        var leads: [LeadQuery.Row] = []
        var campaign: [CampaignQuery.Entry] = []
    }

    /// The project's investment curve: cumulative approved completion month by month against
    /// the plan spread evenly over the year (时序进度 × annual plan), in 万元.
    static func curve(plan: Money, monthly: [Money], months: Int, en: Bool) -> String {
        var sum: Int64 = 0
        let done: [Double?] = (0..<12).map { i in
            guard i < months else { return nil }
            sum += i < monthly.count ? monthly[i].yuan : 0
            return Double(sum)
        }
        return LineChart(id: "project-curve", title: en ? "Investment curve" : "投资完成曲线",
                         description: en ? "Completed to date against the plan spread over the year" : "累计完成与按时序进度分摊的年度计划",
                         xLabels: DashboardCharts.months(en), series: [
                            .init(name: en ? "Completed (cumulative)" : "累计完成", cssClass: "s5", values: done),
                            .init(name: en ? "Plan (time progress)" : "计划（时序进度）", cssClass: "s-plan",
                                  values: (1...12).map { Double(plan.yuan) * Double($0) / 12 }, dashed: true),
                         ], format: .money(.wan), width: 640, height: 260).svg()
    }

    static func pipelineCard(_ p: PipelineLinks, lang: UILanguage) -> Node<HTML.BodyContext> {
        let en = lang == .en
        guard !p.leads.isEmpty || !p.campaign.isEmpty else { return .empty }
        return .div(.class("card"),
            .h2(.text(en ? "Promotion and 三个一批" : "招商与“三个一批”")),
            .ul(
                .forEach(p.leads) { l in
                    .li(.text(en ? "Lead: " : "招商线索："), .a(.href(attr(Layout.link(Site.lead.link(l.id), lang))), .text(l.title)),
                        .text(l.signedOn.map { en ? ", signed \($0)" : "，\($0) 签约" } ?? ""))
                },
                .forEach(p.campaign) { c in
                    .li(.a(.href(attr(Layout.link(Site.campaignPeriod.link(c.period.idString), lang))), .text(en ? "No. \(c.period.number)" : "第\(c.period.number)期")),
                        .text("\(c.batch)一批，" + (en ? "counted " : "计入投资 ") + Layout.wan(c.investment) + " 万元"
                              + [("开工", c.startedOn), ("投产", c.producedOn), ("达效", c.atCapacityOn)]
                                  .compactMap { n, d in d.map { "，\(n) \($0)" } }.joined()))
                }))
    }
}
