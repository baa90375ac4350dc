import BallastCore
import BallastCharts
import BallastStore
import Foundation
import Plot

/// 领导批示: the figures per leader (projects, lit, 批示 given, done, on time, as of a day) and
/// the list of 批示, for whoever reads projects (a unit: those addressed to it or on its projects).
struct InstructionsPage {
    var window: InstructionsController.Window
    var figures: [LeaderTally]
    var total: Int
    var rows: [ProblemQuery.Row]
    var leaders: [String]
    var leader: String?
    var status: String
    var lang: UILanguage

    func render() -> String {
        let t = { (m: Message) in m.text(self.lang) }
        let w = window, en = lang == .en
        let statuses: [(String, Message)] = [("all", Message(zh: "全部", en: "All")), ("open", Message(zh: "未办结", en: "Open")),
                                             ("overdue", Message(zh: "逾期", en: "Overdue")), ("solved", Message(zh: "已办结", en: "Done"))]
        return Layout.page(title: t(InstructionText.listTitle), lang: lang, section: .instructions, path: Site.instructions.link,
            .h1(.text(t(InstructionText.listTitle))),
            .form(.class("filters"), .method(.get), .action(Site.instructions.link),
                  .label(.text(t(InstructionText.year)), .input(.type(.number), .name("year"), .value(String(w.year)),
                                                              .attribute(named: "min", value: "2000"), .attribute(named: "max", value: "2100"))),
                  .label(.text(t(InstructionText.asOf)), .input(.type(.date), .name("asOf"), .value(w.asOf.iso))),
                  .label(.text(t(InstructionText.leader)), .select(.attribute(named: "name", value: "leader"), .choice("", t(InstructionText.allLeaders)),
                      .forEach(leaders) { l in .choice(l, l, selected: leader == l) })),
                  .label(.text(t(InstructionText.status)), .select(.attribute(named: "name", value: "status"),
                      .forEach(statuses) { s in .choice(s.0, s.1.text(lang), selected: status == s.0) })),
                  .if(en, .input(.type(.hidden), .name("lang"), .value("en"))),
                  .button(.type(.submit), .text(t(InstructionText.filter)))),
            .div(.class("card"), .id("leaders"),
                .h2(.text(t(InstructionText.figuresHeading))),
                .p(.class("muted"), .text(t(InstructionText.figuresExplain))),
                DataTable<LeaderTally>([
                    .init(t(InstructionText.leader)) { r in
                        .a(.href(attr(Layout.link(Site.instructions.link(query: ["leader": r.leader, "year": String(w.year), "asOf": w.asOf.iso]), lang))), .text(r.leader))
                    },
                    .text(t(InstructionText.projects), .number) { String($0.projects) },
                    .text(t(InstructionText.lit), .number) { String($0.lit) },
                    .text(t(InstructionText.givenCount), .number) { String($0.given) },
                    .text(t(InstructionText.done), .number) { String($0.done) },
                    .text(t(InstructionText.onTimeRate), .number) { $0.onTimeRate.map { Percent.text(points: $0) } ?? "—" },
                ], rows: figures.filter { $0.projects > 0 || $0.given > 0 }, empty: "—").node),
            .div(.class("card"), .id("list"),
                .h2(.text(t(InstructionText.listTitle) + "（\(total)）")),
                Self.table(rows, lang: lang, withLeader: true).node))
    }

    /// A 批示's row wherever 批示 are listed: what, who gave it, on what, to whom, by when, where it stands.
    static func table(_ rows: [ProblemQuery.Row], lang: UILanguage, withLeader: Bool) -> DataTable<ProblemQuery.Row> {
        let t = { (m: Message) in m.text(lang) }
        var columns: [DataTable<ProblemQuery.Row>.Column] = [
            .init(t(InstructionText.instruction)) { r in .a(.href(attr(Layout.link(Site.problem.link(r.id), lang))), .text(r.title)) },
        ]
        if withLeader {
            columns.append(.init(t(InstructionText.leader)) { r in
                .group(.span(.class("phone-label"), .text(t(InstructionText.leader) + " ")), .text(r.leader ?? ""))
            })
        }
        columns += [
            .text(t(InstructionText.subject)) { r in
                if let title = r.subjectTitle {
                    return (r.subjectDocumentID != nil ? t(InstructionText.onDocument) : t(InstructionText.onProblem)) + "：" + title
                }
                return r.projectName ?? ""
            },
            .text(t(InstructionText.addressed)) { $0.leadUnit ?? "" },
            .init(t(InstructionText.deadline), .date) { r in
                .group(.span(.class("phone-label"), .text(t(InstructionText.deadline) + " ")), .text(r.deadline?.iso ?? ""))
            },
            .init(t(InstructionText.status)) { r in
                r.status == .resolved ? .span(.class("tag yellow"), .text(t(InstructionText.toClose)))
                    : ProblemPage.statusTag(r.status, overdue: r.overdue, lang: lang)
            },
        ]
        var table = DataTable(columns, rows: rows, empty: t(InstructionText.noInstructions))
        table.tableClass = withLeader ? "instr with-leader" : "instr"
        return table
    }

    /// The figures of one leader as the page's headline.
    static func tallyFigures(_ t: LeaderTally, lang: UILanguage) -> Node<HTML.BodyContext> {
        func figure(_ label: Message, _ value: String, _ name: String) -> Node<HTML.BodyContext> {
            Layout.figure(label.text(lang), value, name: name)
        }
        return .div(.class("figures compact"),
            figure(InstructionText.projects, String(t.projects), "leader.projects"),
            figure(InstructionText.lit, String(t.lit), "leader.lit"),
            figure(InstructionText.givenCount, String(t.given), "leader.given"),
            figure(InstructionText.done, String(t.done), "leader.done"),
            figure(InstructionText.onTime, String(t.onTime), "leader.onTime"))
    }
}
