import BallastCore
import BallastStore
import Foundation
import Plot

/// The enterprise page's 万人助万企 part: its visits, its problems, and the form to log a visit.
struct EnterpriseService {
    var visits: [ServiceFigures.Visit] = []
    var problems: [ProblemQuery.Row] = []
    var units: [String] = []
    var categories: [String] = []

    func node(enterpriseID: String, lang: UILanguage) -> Node<HTML.BodyContext> {
        let en = lang == .en
        return .div(.class("card"),
            .h2(.text(en ? "Enterprise service: visits (\(visits.count)) and problems (\(problems.count))" : "万人助万企：走访（\(visits.count)）与问题（\(problems.count)）")),
            .if(!visits.isEmpty, .ul(.forEach(visits) { v in
                .li(.text("\(v.visitedOn) \(v.unit) \(v.visitors)：\(v.discussed)" + (v.problems > 0 ? (en ? " (\(v.problems) problems)" : "（提出问题 \(v.problems) 项）") : "")))
            })),
            .if(!problems.isEmpty, .div(.class("table-wrap"), .table(
                .thead(.tr(.th(.text(en ? "Problem" : "问题")), .th(.text(en ? "Lead unit" : "牵头单位")), .th(.text(en ? "Status" : "状态")), .th(.text(en ? "Deadline" : "时间节点")))),
                .tbody(.forEach(problems) { r in
                    .tr(.td(.a(.href(attr(Layout.link(Site.problem.link(r.id), lang))), .text(r.title))), .td(.text(r.leadUnit ?? (en ? "not yet assigned" : "待交办"))),
                        .td(ProblemPage.statusTag(r.status, overdue: r.overdue, lang: lang)), .td(.class("date"), .text(r.deadline ?? "—")))
                })))),
            .if(PageContext.may(.workProblems), .form(.method(.post), .action(attr(Layout.link(Site.enterpriseVisits.link(enterpriseID), lang))), .class("filters"), .csrf(),
                .label(.text(en ? "Unit" : "走访单位"), .select(.attribute(named: "name", value: "unit"), .forEach(units) { u in .option(.value(attr(u)), .label(attr(u))) })),
                .label(.text(en ? "Date" : "走访日期"), .input(.type(.date), .name("visitedOn"))),
                .label(.text(en ? "Visitors" : "走访人员"), .input(.type(.text), .name("visitors"), .attribute(named: "size", value: "10"))),
                .label(.text(en ? "Discussed" : "走访内容"), .input(.type(.text), .name("discussed"), .attribute(named: "size", value: "24"))),
                .label(.text(en ? "Problem raised (optional)" : "企业反映问题（可选）"), .input(.type(.text), .name("problemTitle"), .attribute(named: "size", value: "18"))),
                .label(.text(en ? "Category" : "类别"), .select(.attribute(named: "name", value: "problemCategory"), .forEach(categories) { c in .option(.value(attr(c)), .label(attr(c))) })),
                .button(.type(.submit), .text(en ? "Log the visit" : "记录走访")))))
    }
}
