import BallastCore
import BallastStore
import Foundation
import Plot

/// The supervision pages' own tabs: problems, meetings.
enum SupervisionNav {
    enum Tab { case problems, meetings, notices, bulletins, service }

    static func node(_ tab: Tab, lang: UILanguage) -> Node<HTML.BodyContext> {
        let en = lang == .en
        let tabs: [(Tab, String, String)] = [(.problems, en ? "Problems" : "问题台账", Site.problems.link), (.meetings, en ? "Meetings" : "会议", Site.meetings.link),
                                             (.notices, en ? "Notices" : "催办单", Site.notices.link),
                                             (.bulletins, en ? "Bulletins" : "督查通报", Site.bulletins.link), (.service, en ? "Enterprise service" : "万人助万企", Site.service.link)]
        return Tabs(tabs: tabs.map { Tabs.Tab(label: $0.1, href: Layout.link($0.2, lang), active: $0.0 == tab) }).node
    }
}
