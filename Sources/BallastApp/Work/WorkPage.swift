import BallastCore
import BallastStore
import Plot

/// 工作台: the counts by kind, then every item, overdue first, each a link to where it is done.
struct WorkPage {
    var items: [WorkItem]
    var today: CalendarDate
    var lang: UILanguage

    func render() -> String {
        let t = { (m: WorkText) in m.text(self.lang) }
        let counts = WorkQueue.counts(items)
        let overdue = items.filter(\.overdue).map(\.count).reduce(0, +)
        return Layout.page(title: t(.workbench), lang: lang, section: .work, path: Site.work.link,
            .h1(.text(t(.heading))),
            .div(.class("figures"),
                 Layout.figure(t(.overdue), String(overdue), name: "work.overdue"),
                 .forEach(WorkItem.Kind.allCases.filter { counts[$0] != nil }) { kind in
                     Layout.figure(lang == .en ? kind.englishName : kind.chineseName, String(counts[kind] ?? 0))
                 }),
            items.isEmpty ? .div(.class("empty-state"), .p(.text(t(.nothingDue))), .p(.class("muted"), .text(nextReport().text(lang)))) :
            DataTable<WorkItem>([
                .init(t(.kind)) { i in .text(lang == .en ? i.kind.englishName : i.kind.chineseName) },
                .init(t(.item)) { i in .a(.href(attr(Layout.link(i.url, lang))), .text(i.title.text(lang))) },
                .init(t(.dueOn)) { i in
                    .group(.text(i.due?.iso ?? "—"), .if(i.overdue, .span(.class("late-mark"), .text(" " + t(.overdue)))))
                },
            ], rows: items, empty: t(.nothingDue)).node)
    }

    /// With nothing due, what comes next: the month whose report is owed next and by when.
    func nextReport() -> Message {
        let (month, due) = ReportingDeadline.next(after: today)
        return WorkText.nextReport(month: month?.name(.zh) ?? "—", monthEN: month?.name(.en) ?? "—",
                                   due: due.prose(.zh), dueEN: due.prose(.en))
    }
}
