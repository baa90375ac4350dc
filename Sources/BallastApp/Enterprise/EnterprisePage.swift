import BallastCore
import BallastStore
import Foundation
import Plot

/// One enterprise: its record, the projects that name it, and (for the office) the merge.
struct EnterprisePage {
    var enterprise: EnterpriseSummary
    var projects: [ProjectRef]
    /// Other live records with the same name: offered as the record to merge into.
    var candidates: [EnterpriseRow] = []
    /// Its investment leads (a unit sees its own).
    var leads: [LeadQuery.Row] = []
    /// The 外出招商 trips that visited it.
    var trips: [TripSummary] = []
    /// 万人助万企: its visits and problems.
    var service = EnterpriseService()
    var notice: PageNotice?
    var lang: UILanguage

    func render() -> String {
        let en = lang == .en
        let e = enterprise
        let id = e.idString
        let fields: [(String, String)] = [
            (en ? "Credit code" : "统一社会信用代码", e.creditCode ?? "—"), (en ? "Industry" : "所属行业", e.industry ?? "—"),
            (en ? "Address" : "地址", e.address ?? "—"), (en ? "四上 enterprise" : "四上企业", e.aboveScale ? (en ? "yes" : "是") : (en ? "no" : "否")),
            (en ? "Contact" : "联系人", [e.contactName, e.contactPhone].compactMap { $0 }.joined(separator: " ").nilIfEmpty ?? "—"),
            (en ? "Service official" : "服务专员", e.serviceOfficial ?? "—"), (en ? "Version" : "版本", String(e.version)),
        ]
        let body = EnterprisesController.Body(name: e.name, creditCode: e.creditCode, industry: e.industry, address: e.address,
                                              aboveScale: e.aboveScale, contactName: e.contactName, contactPhone: e.contactPhone,
                                              serviceOfficial: e.serviceOfficial, confirmDuplicateName: nil, version: e.version)
        let projectColumns: [DataTable<ProjectRef>.Column] = [
            .text(en ? "Code" : "项目编号") { p in p.code },
            .init(en ? "Name" : "项目名称") { p in .a(.href(attr(Layout.link(Site.project.link(p.id), lang))), .text(p.name)) },
            .text(en ? "Stage" : "阶段") { p in en ? p.stage.englishName : p.stage.rawValue },
        ]
        let leadColumns: [DataTable<LeadQuery.Row>.Column] = [
            .init(en ? "Lead" : "线索") { l in .a(.href(attr(Layout.link(Site.lead.link(l.id), lang))), .text(l.title)) },
            .text(en ? "Status" : "状态") { l in l.status },
            .text(en ? "Unit" : "责任单位") { l in l.unit },
            .text(en ? "Collected" : "收集日期") { l in l.collectedOn },
        ]
        return Layout.page(title: e.name, lang: lang, section: .enterprises, path: Site.enterprise.link(id),
            .h1(.text(e.name)),
            Layout.notice(notice),
            .unwrap(e.mergedInto) { into in
                .div(.class("alert bad"), .text(en ? "Merged into " : "已合并到 "),
                     .a(.href(attr(Layout.link(Site.enterprise.link(into), lang))), .text(en ? "the kept record" : "保留的企业记录")))
            },
            .div(.class("card"), .dl(.class("fields"), .forEach(fields) { f in .group(.dt(.text(f.0)), .dd(.text(f.1))) })),
            .div(.class("card"),
                .h2(.text(en ? "Projects (\(projects.count))" : "关联项目（\(projects.count)）")),
                DataTable(projectColumns, rows: projects, empty: en ? "No project names it." : "暂无项目。").node),
            .if(!leads.isEmpty, .div(.class("card"),
                .h2(.text(en ? "Investment leads (\(leads.count))" : "招商线索（\(leads.count)）")),
                DataTable(leadColumns, rows: leads, empty: en ? "None." : "暂无。").node)),
            .if(!trips.isEmpty, .div(.class("card"),
                .h2(.text(en ? "Visited on trips (\(trips.count))" : "外出招商拜访（\(trips.count)）")),
                .ul(.forEach(trips) { t in .li(.text("\(t.startedOn) \(t.kind) \(t.ledBy)：\(t.destinations)")) }))),
            service.node(enterpriseID: id, lang: lang),
            .if(e.mergedInto == nil && PageContext.may(.editProjects), .div(.class("card"),
                .h2(.text(en ? "Edit" : "修改")),
                .form(.method(.post), .action(attr(Layout.link(Site.enterprise.link(id), lang))), .class("filters"), .csrf(),
                      .input(.type(.hidden), .name("version"), .value(attr(String(e.version)))),
                      EnterpriseFields.nodes(body, lang: lang),
                      .button(.type(.submit), .text(UIText.save.text(lang)))))),
            .if(e.mergedInto == nil && PageContext.may(.manageProjects), .div(.class("card"),
                .h2(.text(en ? "Merge into another record" : "合并到另一家企业")),
                .p(.class("muted"), .text(en ? "Its projects move to the kept record; this one stays, marked as merged. Recorded in the audit trail."
                                            : "本企业的项目改指向保留的企业；本记录保留并标记为已合并，全程记入操作日志。")),
                ConfirmStep(label: en ? "Merge…" : "合并…",
                            consequence: en ? "\(e.name)'s projects will point to the record kept; this record stays, marked as merged, and cannot be edited."
                                            : "“\(e.name)”的项目将改指向保留的企业；本记录标记为已合并，不能再修改。",
                            confirm: en ? "Confirm merge" : "确认合并", action: Layout.link(Site.enterpriseMerge.link(id), lang),
                            hidden: [("version", String(e.version))], fields: mergeTarget(en), danger: true).node))
        )
    }

    /// The records with the same name to choose from, or a field for the kept record's id.
    func mergeTarget(_ en: Bool) -> Node<HTML.FormContext> {
        if candidates.isEmpty {
            return .label(.text(en ? "Kept record's id" : "保留企业的编号"), .input(.type(.text), .name("into"), .attribute(named: "size", value: "38")))
        }
        return .label(.text(en ? "Keep" : "保留"), .select(.attribute(named: "name", value: "into"), .forEach(candidates) { c in
            let code: String = c.creditCode ?? (en ? "no credit code" : "无信用代码")
            let count: String = en ? "\(c.projects) projects" : "\(c.projects) 个项目"
            return .option(.value(c.id.uuidString), .label(attr("\(c.name) · \(code) · \(count)")))
        }))
    }
}
