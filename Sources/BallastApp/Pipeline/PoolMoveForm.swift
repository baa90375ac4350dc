import BallastCore
import BallastStore
import Plot

/// The project page's 四库流转 form: the next pool (or any, for the office), the date and the
/// evidence fields; the server says which the chosen step needs. 退出 is a step of its own,
/// behind a confirmation that says what it does, so no Enter in the move's fields can exit.
enum PoolMoveForm {
    static func node(_ d: ProjectDetail, exitReasons: [String], lang: UILanguage) -> Node<HTML.BodyContext> {
        let en = lang == .en
        let stage = d.record.stage
        guard PageContext.may(.editProjects), LifecycleStage.pools.contains(stage) || stage == .exited else { return .empty }
        let office = PageContext.may(.manageProjects)
        let next = LifecycleStage.pools.firstIndex(of: stage).map { $0 + 1 }
        // The next pool first (the usual move), then skips and moves back (the office's), then 退出.
        let pools = LifecycleStage.pools.enumerated().filter { i, s in s != stage && (office || i == next) }
        let targets = (pools.filter { $0.offset >= (next ?? 0) } + pools.filter { $0.offset < (next ?? 0) }).map(\.element)
        func field(_ name: String, _ label: String, type: HTMLInputType = .text, size: Int = 14) -> Node<HTML.FormContext> {
            FormField.inline(name, label, size: size, type: type)
        }
        return .div(.class("card"), .id("pool"),
            .h2(.text(PipelineText.poolMoveHeading(stage).text(lang))),
            .p(.class("muted"), .text(PipelineText.moveRules.text(lang))),
            .if(!targets.isEmpty, .form(.method(.post), .action(attr(Layout.link(Site.projectPool.link(d.id), lang))), .class("filters"), .csrf(),
                .input(.type(.hidden), .name("version"), .value(attr(String(d.version)))),
                .label(.text(PipelineText.moveTo.text(lang)), .select(.attribute(named: "name", value: "to"), .forEach(targets) { s in
                    .choice(s.rawValue, en ? s.englishName : s.rawValue)
                })),
                field("on", PipelineText.date.text(lang), type: .date),
                field("investor", PipelineText.investor.text(lang), size: 18),
                field("signedOn", PipelineText.signedOn.text(lang), type: .date),
                field("contractAmount", PipelineText.contractWan.text(lang), size: 10),
                field("registeredCompany", PipelineText.registeredCompany.text(lang), size: 18),
                field("site", PipelineText.landOrPremises.text(lang), size: 18),
                field("plannedStart", PipelineText.plannedStart.text(lang), type: .date),
                .button(.type(.submit), .text(PipelineText.move.text(lang))))),
            .if(stage.mayExit, .div(.class("toolbar"),
                ConfirmStep(label: PipelineText.exitButton.text(lang), consequence: PipelineText.exitConsequence.text(lang),
                            confirm: PipelineText.confirmExit.text(lang), action: Layout.link(Site.projectPool.link(d.id), lang),
                            hidden: [("version", String(d.version)), ("to", LifecycleStage.exited.rawValue)],
                            fields: .group(
                                FormField.inline("on", PipelineText.date.text(lang), size: 14, type: .date),
                                .label(.text(PipelineText.exitReason.text(lang)), .select(.attribute(named: "name", value: "exitReason"),
                                    .choice("", "—"),
                                    .forEach(exitReasons) { r in .choice(r, r) }))),
                            danger: true).node)))
    }
}
