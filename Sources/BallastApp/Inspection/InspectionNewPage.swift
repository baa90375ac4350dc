import BallastCore
import BallastStore
import Foundation
import Plot

/// 安排观摩: the day and title, the suggested projects ticked (with why), other projects by
/// code, the route option, and the reviewers. Planning writes nothing irreversible: the tour
/// is only a plan until its day.
struct InspectionNewPage {
    var day: CalendarDate
    var today: CalendarDate
    var suggestions: [InspectionDesk.Suggestion]
    var users: [UserModel]
    var sheet: InspectionSheet
    var form: InspectionsController.PlanBody?
    var notice: PageNotice?
    var lang: UILanguage

    func render() -> String {
        let t = { (m: Message) in m.text(self.lang) }
        return Layout.page(title: t(InspectionText.newTitle), lang: lang, section: .inspections, path: Site.inspectionNew.link,
            .h1(.text(t(InspectionText.newTitle))),
            Layout.notice(notice),
            dayForm(),
            planForm())
    }

    /// Changing the day re-suggests with that day's colours: a GET, so nothing is written.
    func dayForm() -> Node<HTML.BodyContext> {
        let t = { (m: Message) in m.text(self.lang) }
        let again: String = lang == .en ? "Suggest for this day" : "按此日期推荐"
        return .form(.class("filters"), .method(.get), .action(Site.inspectionNew.link),
                     .label(.text(t(InspectionText.heldOn)), .input(.type(.date), .name("heldOn"), .value(day.iso), .attribute(named: "min", value: today.iso))),
                     .if(lang == .en, .input(.type(.hidden), .name("lang"), .value("en"))),
                     .button(.type(.submit), .class("secondary"), .text(again)))
    }

    func planForm() -> Node<HTML.BodyContext> {
        let t = { (m: Message) in m.text(self.lang) }
        let lang = lang, f = form
        let ticked: Set<String>? = f?.projects.map { Set($0.names) }
        let chosenReviewers = Set(f?.reviewers?.names ?? [])
        let defaultTitle: String = lang == .en ? "\(day.year) inspection tour of key projects" : "\(day.year)年\(day.month <= 6 ? "上半年" : "下半年")重点项目观摩"
        let sheetLine: String = t(InspectionText.reviewersHint) + " " + InspectionText.labelled(InspectionText.sheetVersion, t(InspectionText.version(sheet.version)), lang)
            + (lang == .en ? ", " : "，") + t(InspectionText.full(sheet.fullPoints))
        let projects: Node<HTML.FormContext> = .div(.class("choices"), .p(.class("choices-label"), .text(t(InspectionText.suggested))),
            .forEach(suggestions) { s in Self.suggestion(s, ticked: ticked?.contains(s.code) ?? true, lang: lang) })
        let reviewers: Node<HTML.FormContext> = .div(.class("choices"), .p(.class("choices-label"), .text(t(InspectionText.reviewers))), .p(.class("muted"), .text(sheetLine)),
            .forEach(users) { u in Self.reviewer(u, ticked: chosenReviewers.contains(u.username), lang: lang) })
        let title: Node<HTML.FormContext> = .label(.text(t(InspectionText.title)), .input(.type(.text), .name("title"), .required(true),
                       .attribute(named: "maxlength", value: String(InspectionPlan.maxTitle)), .value(attr(f?.title ?? defaultTitle))))
        let more: Node<HTML.FormContext> = .label(.text(t(InspectionText.moreProjects)), .textarea(.name("moreProjects"), .attribute(named: "rows", value: "3"), .text(f?.moreProjects ?? "")))
        let keep: Node<HTML.FormContext> = .label(.class("check"), .input(.type(.checkbox), .name("keepOrder"), .value("true"), .checked(f?.keepOrder == "true")),
                       .text(" " + t(InspectionText.keepOrder)))
        return .form(.method(.post), .action(attr(Layout.link(Site.inspections.link, lang))), .class("stacked"), .csrf(),
                     .input(.type(.hidden), .name("heldOn"), .value(day.iso)),
                     title, projects, more, keep, reviewers,
                     .button(.type(.submit), .text(t(InspectionText.plan))))
    }

    static func suggestion(_ s: InspectionDesk.Suggestion, ticked: Bool, lang: UILanguage) -> Node<HTML.FormContext> {
        let why: String = s.reasons.map { $0.name.text(lang) }.joined(separator: "、")
        let box: Node<HTML.LabelContext> = .input(.type(.checkbox), .name("projects[]"), .value(attr(s.code)), .checked(ticked))
        return .label(.class("check"), box, .span(.text("\(s.code) \(s.name)"), .span(.class("muted"), .text(" \(s.unit) · \(why)"))))
    }

    static func reviewer(_ u: UserModel, ticked: Bool, lang: UILanguage) -> Node<HTML.FormContext> {
        let roles: String = u.roleList.map { lang == .en ? $0.englishName : $0.chineseName }.joined(separator: "、")
        let box: Node<HTML.LabelContext> = .input(.type(.checkbox), .name("reviewers[]"), .value(attr(u.username)), .checked(ticked))
        return .label(.class("check"), box, .span(.text(u.displayName), .span(.class("muted"), .text(" " + roles))))
    }
}
