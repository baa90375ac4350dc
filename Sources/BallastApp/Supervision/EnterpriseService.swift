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
        let columns: [DataTable<ProblemQuery.Row>.Column] = [
            .init(en ? "Problem" : "问题") { r in .a(.href(attr(Layout.link(Site.problem.link(r.id), lang))), .text(r.title)) },
            .text(en ? "Lead unit" : "牵头单位") { r in r.leadUnit ?? (en ? "not yet assigned" : "待交办") },
            .init(en ? "Status" : "状态") { r in ProblemPage.statusTag(r.status, overdue: r.overdue, lang: lang) },
            .text(en ? "Deadline" : "时间节点", .date) { r in r.deadline?.iso ?? "—" },
        ]
        return .div(.class("card"),
            .h2(.text(en ? "Enterprise service: visits (\(visits.count)) and problems (\(problems.count))" : "万人助万企：走访（\(visits.count)）与问题（\(problems.count)）")),
            .if(!visits.isEmpty, .ul(.forEach(visits) { v in
                .li(.text("\(v.visitedOn) \(v.unit) \(v.visitors)：\(v.discussed)" + (v.problems > 0 ? (en ? " (\(v.problems) problems)" : "（提出问题 \(v.problems) 项）") : "")))
            })),
            .if(!problems.isEmpty, DataTable(columns, rows: problems, empty: en ? "No problems." : "暂无问题。").node),
            .if(PageContext.may(.workProblems), .form(.method(.post), .action(attr(Layout.link(Site.enterpriseVisits.link(enterpriseID), lang))), .class("filters"), .csrf(),
                .label(.text(en ? "Unit" : "走访单位"), .select(.attribute(named: "name", value: "unit"), .forEach(units) { u in .choice(u, u) })),
                .label(.text(en ? "Date" : "走访日期"), .input(.type(.date), .name("visitedOn"))),
                .label(.text(en ? "Visitors" : "走访人员"), .input(.type(.text), .name("visitors"), .attribute(named: "size", value: "10"))),
                .label(.text(en ? "Discussed" : "走访内容"), .input(.type(.text), .name("discussed"), .attribute(named: "size", value: "24"))),
                .label(.text(en ? "Problem raised (optional)" : "企业反映问题（可选）"), .input(.type(.text), .name("problemTitle"), .attribute(named: "size", value: "18"))),
                .label(.text(en ? "Category" : "类别"), .select(.attribute(named: "name", value: "problemCategory"), .forEach(categories) { c in .choice(c, c) })),
                .button(.type(.submit), .text(en ? "Log the visit" : "记录走访")))))
    }
}
