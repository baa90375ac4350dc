import BallastCore
import BallastStore
import Plot

/// The project page's 四库流转 form: the next pool (or any, for the office) or 退出, the date,
/// and the evidence fields; the server says which the chosen step needs.
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
            + (stage.mayExit ? [.exited] : [])
        func field(_ name: String, _ label: String, type: HTMLInputType = .text, size: Int = 14) -> Node<HTML.FormContext> {
            FormField.inline(name, label, size: size, type: type)
        }
        return .div(.class("card"), .id("pool"),
            .h2(.text(en ? "Pipeline: now \(stage.englishName)" : "四库流转（当前：\(stage.rawValue)）")),
            .p(.class("muted"), .text(en
                ? "招引 needs the investor in contact; 签约 the investor, date signed and contract amount; 落地 the registered company, land or premises and planned start; 退出 a reason. Skipping a pool or moving back is for the project office."
                : "进入招引库须填投资方；签约须填签约企业、签约日期、合同金额；落地须填注册公司、用地或厂房、计划开工；退出须选原因。跳库或退回由项目办操作。")),
            .form(.method(.post), .action(attr(Layout.link(Site.projectPool.link(d.id), lang))), .class("filters"), .csrf(),
                .input(.type(.hidden), .name("version"), .value(attr(String(d.version)))),
                .label(.text(en ? "Move to" : "转入"), .select(.attribute(named: "name", value: "to"), .forEach(targets) { s in
                    .option(.value(attr(s.rawValue)), .label(attr(en ? s.englishName : s.rawValue)))
                })),
                field("on", en ? "Date" : "日期", type: .date),
                field("investor", en ? "Investor" : "投资方/签约企业", size: 18),
                field("signedOn", en ? "Signed on" : "签约日期", type: .date),
                field("contractAmount", en ? "Contract (万元)" : "合同金额（万元）", size: 10),
                field("registeredCompany", en ? "Registered company" : "注册公司", size: 18),
                field("site", en ? "Land or premises" : "用地或厂房", size: 18),
                field("plannedStart", en ? "Planned start" : "计划开工", type: .date),
                .label(.text(en ? "Exit reason" : "退出原因"), .select(.attribute(named: "name", value: "exitReason"),
                    .option(.value(""), .label("—")),
                    .forEach(exitReasons) { r in .option(.value(attr(r)), .label(attr(r))) })),
                .button(.type(.submit), .text(en ? "Move" : "流转"))))
    }
}
