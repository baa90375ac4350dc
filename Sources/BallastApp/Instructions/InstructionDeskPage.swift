import BallastCore
import BallastCharts
import BallastStore
import Foundation
import Plot

/// 我联系的项目: a linked 区领导's page. The figures first, then their projects (the most urgent
/// first, each with its light and why, what waits on it), their 批示 still to close, and what
/// changed since the last visit.
struct InstructionDeskPage {
    var view: LeaderDesk.View
    var asOf: CalendarDate
    /// 观摩 waiting for this leader's scores (`InspectionQuery.work`).
    var tours: [WorkItem] = []
    var lang: UILanguage

    func render() -> String {
        let t = { (m: Message) in m.text(self.lang) }
        let v = view
        return Layout.page(title: t(InstructionText.deskTitle), lang: lang, section: .leader, path: Site.leaderDesk.link,
            .h1(.text(t(InstructionText.deskHeading(v.leader, v.projects.count)))),
            InstructionsPage.tallyFigures(v.tally, lang: lang),
            .if(!tours.isEmpty, .div(.class("card"), .id("tours"), .h2(.text(t(InspectionText.myTours))),
                .ul(.forEach(tours) { i in .li(.a(.href(attr(Layout.link(i.url, lang))), .text(i.title.text(lang)))) }))),
            projects(),
            instructions(),
            changes())
    }

    func projects() -> Node<HTML.BodyContext> {
        let t = { (m: Message) in m.text(self.lang) }
        let lang = lang
        var table = DataTable<LeaderDesk.ProjectLine>([
            .init(t(InstructionText.project)) { l in
                .a(.href(attr(Layout.link(Site.project.link(l.project.id), lang))), .text(l.project.name))
            },
            .init(t(InstructionText.light)) { l in
                l.project.warning.map { w in
                    .span(.span(.class("nowrap"), .span(.class("light \(w.colour.rawValue)")), .text(" " + DashboardCharts.colourName(w.colour, lang))),
                          .if(!w.reasons.isEmpty, .span(.class("muted"), .text(" " + (w.reasons.first?.text(lang) ?? "")))))
                } ?? .text("—")
            },
            .init(t(InstructionText.completion), .number) { l in .text(l.project.completion.map(ValueFormat.percent.text) ?? "—") },
            .init(t(InstructionText.waiting), .number) { l in
                .group(.span(.class("phone-label"), .text(t(InstructionText.waiting) + " ")), l.openProblems == 0 ? .text("0")
                    : .a(.href(attr(Layout.link(Site.problems.link(query: ["project": l.project.id.uuidString, "kind": "all"]), lang))),
                         .text(String(l.openProblems)), .if(l.overdueProblems > 0, .span(.class("tag red"), .text("\(t(InstructionText.overdue)) \(l.overdueProblems)")))))
            },
            .init(t(InstructionText.openInstructions), .number) { l in
                .group(.span(.class("phone-label"), .text(t(InstructionText.openInstructions) + " ")), .text(String(l.openInstructions)))
            },
        ], rows: view.projects, empty: t(InstructionText.noProjects))
        table.tableClass = "desk"
        return .div(.class("card"), .id("projects"), table.node)
    }

    func instructions() -> Node<HTML.BodyContext> {
        let t = { (m: Message) in m.text(self.lang) }
        return .div(.class("card"), .id("instructions"),
            .h2(.text(t(InstructionText.myInstructions))),
            InstructionsPage.table(view.instructions, lang: lang, withLeader: false).node,
            .p(.a(.href(attr(Layout.link(Site.instructions.link(query: ["leader": view.leader]), lang))), .text(t(InstructionText.allInstructions)))))
    }

    func changes() -> Node<HTML.BodyContext> {
        let t = { (m: Message) in m.text(self.lang) }
        let lang = lang
        return .div(.class("card"), .id("changes"),
            .h2(.text(t(InstructionText.changesHeading(since: view.since.iso)))),
            .if(view.changes.isEmpty, .p(.class("muted"), .text(t(InstructionText.noChanges)))),
            .ul(.class("changes"), .forEach(view.changes) { c in
                let href = c.problemID.map { Site.problem.link($0) } ?? c.projectID.map { Site.project.link($0) }
                let text = (c.projectName.map { $0 + "：" } ?? "") + c.what.text(lang)
                return .li(.span(.class("muted"), .text(c.on.iso + " ")),
                           href.map { .a(.href(attr(Layout.link($0, lang))), .text(text)) } ?? .text(text))
            }))
    }
}
