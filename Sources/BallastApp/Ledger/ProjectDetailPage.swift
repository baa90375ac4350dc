import BallastCharts
import BallastCore
import BallastStore
import Plot

/// One project: its fields, its year plans and its stage history.
enum ProjectDetailPage {
    static func render(_ page: ProjectPageModel, notice: PageNotice?, lang: UILanguage) -> String {
        let (d, progress, supervision, asOf) = (page.detail, page.progress, page.supervision, page.asOf)
        let (units, exitReasons, pipeline) = (page.units, page.exitReasons, page.pipeline)
        let t = { (m: Message) in m.text(lang) }
        let r = d.record
        let en = lang == .en
        let fields: [(String, String)] = [
            (LedgerText.code.text(lang), r.code), (LedgerText.projectCode.text(lang), r.projectCode ?? "—"),
            (LedgerText.category.text(lang), r.category),
            (LedgerText.responsibleUnit.text(lang), r.unit), (LedgerText.contactLeader.text(lang), r.leader ?? "—"),
            (LedgerText.taskForce.text(lang), r.taskForce ?? "—"),
            (LedgerText.projectStage.text(lang), en ? r.stage.englishName : r.stage.rawValue),
            (t(UIText.totalWan), r.totalInvestment.wanText),
            (LedgerText.plannedStart.text(lang), r.plannedStart?.iso ?? "—"), (LedgerText.plannedCompletion.text(lang), r.plannedEnd?.iso ?? "—"),
            (LedgerText.investor.text(lang), r.investor ?? "—"), (LedgerText.creditCode.text(lang), r.creditCode ?? "—"),
            (LedgerText.location.text(lang), r.longitude.map { "\(Coordinate.format($0)), \(Coordinate.format(r.latitude ?? 0))" } ?? "—"),
            (LedgerText.constructionContent.text(lang), r.content ?? "—"), (t(UIText.version), String(d.version)),
        ]
        return Layout.page(title: r.name, lang: lang, section: .ledger, path: Site.project.link(d.id),
            .h1(.text(r.name)),
            Layout.notice(notice),
            .if(!page.codeFlags.isEmpty, .div(.class("alert pending"), .attribute(named: "data-flag", value: "project-code"),
                                              .forEach(page.codeFlags) { f in .div(.text(f.message.text(lang))) })),
            facts(page, lang: lang),
            .div(.class("toolbar"),
                .if(PageContext.may(.editProjects),
                    .a(.class("button"), .href(attr(Layout.link(Site.projectEdit.link(d.id), lang))), .text(t(UIText.edit)))),
                .a(.class("button secondary"), .href(attr(Layout.link(Site.projects.link, lang))), .text(t(UIText.ledger))),
                InstructionLink.node(["project": d.id.uuidString], lang: lang)
            ),
            PoolMoveForm.node(d, exitReasons: exitReasons, lang: lang),
            .unwrap(progress) { progressNodes($0, asOf: asOf, lang: lang) },
            .unwrap(progress) { ProjectItemsSection.milestones($0, projectID: d.id, asOf: asOf, units: units, lang: lang) },
            .unwrap(progress) { ProjectItemsSection.approvals($0, projectID: d.id, asOf: asOf, clock: page.approvalClock,
                                                                       departments: units + ApprovalTemplate.outsideDepartments, lang: lang) },
            .unwrap(page.statistics) { ProjectStatisticsSection.node($0, projectID: d.id, asOf: asOf, lang: lang) },
            .unwrap(page.elements) { ProjectElementsSection.node($0, projectID: d.id, lang: lang) },
            .unwrap(progress) { ProjectItemsSection.photos($0, lang: lang) },
            .if(!supervision.isEmpty, ProjectItemsSection.supervision(supervision, lang: lang)),
            .div(.class("card"), .h2(.text(t(UIText.basics))),
                // Values as the ledger holds them (a credit code, a code) are data, not the page's words.
                .dl(.class("fields"), .forEach(fields) { f in .group(.dt(.text(f.0)), .dd(.attribute(named: "translate", value: "no"), .text(f.1))) }),
                .unwrap(d.enterpriseID) { e in
                    .p(.a(.href(attr(Layout.link(Site.enterprise.link(e), lang))), .text(LedgerText.enterpriseRecordLink.text(lang))))
                }),
            .div(.class("card"), .h2(.text(t(UIText.yearPlans))),
                .div(.class("table-wrap"), .table(
                    .thead(.tr(.th(.text(t(UIText.year))), .th(.text(LedgerText.level.text(lang))), .th(.text(LedgerText.nature.text(lang))),
                               .th(.text(LedgerText.zone.text(lang))), .th(.class("num"), .text(t(UIText.planWan))))),
                    .tbody(.forEach(d.plans) { p in
                        .tr(.td(.text(String(p.year))), .td(.text(p.level)),
                            .td(.text(p.nature.map { en ? $0.englishName : $0.rawValue } ?? "—")),
                            .td(.text(p.zone ?? "—")),
                            .td(.class("num"), .text(page.plansInForce[p.year].map(\.wanText) ?? LedgerText.outsidePortfolio.text(lang))))
                    })
                )),
                planChanges(page.planChanges, today: page.asOf, lang: lang)),
            .div(.class("card"), .h2(.text(t(UIText.stageHistory))),
                DataTable<ProjectDetail.StageStep>([
                    .text(t(UIText.when)) { s in s.effectiveOn.iso },
                    .text(t(UIText.stage)) { s in (s.from.map { $0.rawValue + " → " } ?? "") + s.to.rawValue },
                    .text(t(UIText.who)) { s in page.people.name(s.actor, lang) },
                    .text(t(UIText.note)) { s in s.note ?? "" },
                ], rows: d.stages, empty: LedgerText.noStageChanges.text(lang)).node),
            pipelineCard(pipeline, lang: lang),
            .if(PageContext.may(.manageProjects),
                .div(.class("toolbar"),
                    ConfirmStep(label: t(UIText.delete) + "…", consequence: t(UIText.deleteConfirm),
                                confirm: LedgerText.confirmDelete.text(lang), action: Site.projectDelete.link(d.id),
                                hidden: [("version", String(d.version))], danger: true).node))
        )
    }

    /// The plan year's 动态调整, newest first, each with the plan before and after and why; one
    /// still to take effect says so (the table above shows the plan in force today).
    static func planChanges(_ rows: [PlanChangeQuery.Row], today: CalendarDate, lang: UILanguage) -> Node<HTML.BodyContext> {
        .if(!rows.isEmpty, .group(
            .h3(.text(PlanChangesText.projectHeading.text(lang))),
            .ul(.class("plan-changes"), .forEach(rows) { r in
                .li(.text(PlanChangesText.projectLine(r, pending: r.effectiveOn > today).text(lang)))
            })))
    }

    /// The year's colour with its reasons, the investment curve, milestones and approvals.
    /// What a leader opens the page for, before any chart: who is responsible, the amounts, and
    /// the light with why it is lit.
    static func facts(_ page: ProjectPageModel, lang: UILanguage) -> Node<HTML.BodyContext> {
        let r = page.detail.record
        let p = page.progress
        let months = p.map { page.asOf.year > $0.year ? 12 : page.asOf.year < $0.year ? 0 : page.asOf.month } ?? 0
        let done = p.map { $0.monthly.prefix(months).reduce(Money.zero, +) }
        var rate: Double?
        if let done, let plan = p?.annualPlan { rate = CompletionRate.of(completed: done.yuan, plan: plan.yuan) }
        let items: [(String, String)] = [
            (LedgerText.responsibleUnit.text(lang), r.unit), (LedgerText.contactLeader.text(lang), r.leader ?? "—"),
            (UIText.totalWan.text(lang), r.totalInvestment.wanText),
            (UIText.planWan.text(lang) + (p.map { "（\($0.year)）" } ?? ""), p?.annualPlan.map(\.wanText) ?? "—"),
            (LedgerText.completedYearToDate.text(lang),
             done.map { ($0).wanText + LedgerText.wanSuffix.text(lang) + (rate.map { "（" + Percent.text($0) + "）" } ?? "") } ?? "—"),
        ]
        return .div(.class("card facts"),
            .unwrap(p?.colour) { c in
                .div(.class("warning"), .span(.class("light \(c.rawValue)")),
                     .strong(.text(LedgerText.lightName(c).text(lang))),
                     .unwrap(p?.since) { .span(.class("muted"), .text(LedgerText.since($0).text(lang))) },
                     .forEach(p?.reasons ?? []) { .div(.text($0.text(lang))) })
            },
            .dl(.class("fields"), .forEach(items) { f in .group(.dt(.text(f.0)), .dd(.text(f.1))) }))
    }

    static func progressNodes(_ p: ProjectProgress, asOf: CalendarDate, lang: UILanguage) -> Node<HTML.BodyContext> {
        let months = asOf.year > p.year ? 12 : asOf.year < p.year ? 0 : asOf.month
        let done = p.monthly.prefix(months).reduce(Money.zero, +)
        return .div(.class("card"),
            .h2(.text(LedgerText.progressHeading(year: p.year).text(lang))),
            .p(.text(LedgerText.completedToDate.text(lang) + done.wanText + LedgerText.wanSuffix.text(lang)
                     + (p.annualPlan.map { plan in plan.yuan > 0 ? LedgerText.ofPlan(plan.wanText, percent: Double(done.yuan) / Double(plan.yuan) * 100).text(lang)
                                                                 : "" } ?? ""))),
            .unwrap(p.annualPlan) { plan in
                .div(.class("project-curve"), DashboardCharts.sized(curve(plan: plan, monthly: p.monthly, months: months, lang: lang),
                                                                    curve(plan: plan, monthly: p.monthly, months: months, lang: lang, phone: true)))
            }
        )
    }

    /// The lead the project was signed from, and the 三个一批 lists it is on.
    struct PipelineLinks: Sendable {
        var leads: [LeadQuery.Row] = []
        var campaign: [CampaignQuery.Entry] = []
    }

    /// The project's investment curve: cumulative approved completion month by month against
    /// the plan spread evenly over the year (时序进度 × annual plan), in 万元.
    static func curve(plan: Money, monthly: [Money], months: Int, lang: UILanguage, phone: Bool = false) -> String {
        var sum: Int64 = 0
        let done: [Double?] = (0..<12).map { i in
            guard i < months else { return nil }
            sum += i < monthly.count ? monthly[i].yuan : 0
            return Double(sum)
        }
        return LineChart(id: DashboardCharts.id("project-curve", phone: phone), title: LedgerText.investmentCurve.text(lang),
                         description: LedgerText.curveDescription.text(lang),
                         xLabels: DashboardCharts.months(lang), series: [
                            .init(name: LedgerText.completedCumulative.text(lang), cssClass: "s5", values: done),
                            .init(name: LedgerText.planTimeProgress.text(lang), cssClass: "s-plan",
                                  values: (1...12).map { Double(plan.yuan) * Double($0) / 12 }, dashed: true),
                         ], format: .money(.wan, english: lang == .en), width: phone ? DashboardCharts.phoneWidth : 640, height: phone ? 240 : 260).svg()
    }

    static func pipelineCard(_ p: PipelineLinks, lang: UILanguage) -> Node<HTML.BodyContext> {
        guard !p.leads.isEmpty || !p.campaign.isEmpty else { return .empty }
        return .div(.class("card"),
            .h2(.text(LedgerText.promotionAndCampaign.text(lang))),
            .ul(
                .forEach(p.leads) { l in
                    .li(.text(LedgerText.leadPrefix.text(lang)), .a(.href(attr(Layout.link(Site.lead.link(l.id), lang))), .text(l.title)),
                        .text(l.signedOn.map { LedgerText.signed(on: $0).text(lang) } ?? ""))
                },
                .forEach(p.campaign) { c in
                    .li(.a(.href(attr(Layout.link(Site.campaignPeriod.link(c.period.idString), lang))), .text(LedgerText.periodNumber(c.period.number).text(lang))),
                        .text("\(c.batch)一批，" + LedgerText.counted.text(lang) + c.investment.wanText + " 万元"
                              + [("开工", c.startedOn), ("投产", c.producedOn), ("达效", c.atCapacityOn)]
                                  .compactMap { n, d in d.map { "，\(n) \($0)" } }.joined()))
                }))
    }
}
