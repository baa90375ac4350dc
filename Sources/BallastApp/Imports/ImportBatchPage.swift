import BallastCore
import BallastStore
import Foundation
import Plot

/// One import's record: while it waits, the preview (what will be created, what will change,
/// field by field, what stays) with 确认导入 and 取消; once applied, what it did and 撤销本次导入.
struct ImportBatchPage {
    var batch: ImportBatchModel
    var notice: PageNotice?
    var lang: UILanguage
    var timeZone = "Asia/Shanghai"
    var people = People()
    /// Rows shown per table: a year's ledger is a few hundred; the counts above always cover all.
    static let shownRows = 500

    var preview: ImportPreview { ImportPreview.decode(batch.preview) }
    var en: Bool { lang == .en }
    func t(_ m: ImportText) -> String { m.text(lang) }

    var kindName: String {
        switch ImportBatches.Kind(rawValue: batch.kind) {
        case .ledger: en ? "Ledger \(batch.year.map(String.init) ?? "")" : "\(batch.year.map(String.init) ?? "")年项目台账"
        case .progress: en ? "Monthly progress" : "月度进度"
        case .leads: en ? "Leads list" : "招商线索名单"
        case .campaign: en ? "三个一批 list" : "三个一批名单"
        case .statistics: en ? "Statistics \(batch.year.map(String.init) ?? "")" : "\(batch.year.map(String.init) ?? "")年入库纳统"
        case .funds: en ? "Funding \(batch.year.map(String.init) ?? "")" : "\(batch.year.map(String.init) ?? "")年资金来源"
        case .approvals: en ? "Approvals \(batch.year.map(String.init) ?? "")" : "\(batch.year.map(String.init) ?? "")年前期手续"
        case nil: batch.kind
        }
    }

    var kind: ImportBatches.Kind { ImportBatches.Kind(rawValue: batch.kind) ?? .ledger }

    /// The page the upload came from.
    var origin: String {
        switch kind {
        case .ledger, .progress: Site.ledgerImport.link
        case .leads: Site.leads.link
        case .campaign: Site.campaign.link
        case .statistics: Site.statistics.link
        case .funds: Site.elements.link
        case .approvals: Site.approvalDepartments.link
        }
    }

    var createdLabel: ImportText {
        switch kind { case .ledger: .createdProjects; case .progress: .createdMonths; case .leads: .createdLeads; case .campaign: .createdEntries; case .statistics, .funds, .approvals: .createdEntries }
    }

    var updatedLabel: ImportText {
        switch kind { case .ledger: .updatedProjects; case .progress: .updatedMonths; case .leads: .updatedEntries; case .campaign: .updatedEntries; case .statistics, .funds, .approvals: .updatedEntries }
    }

    var isLedger: Bool { batch.kind == ImportBatches.Kind.ledger.rawValue }

    func render() -> String {
        let p = preview
        let id = batch.id?.uuidString ?? ""
        let waiting = batch.status == .previewed
        let newNames = ReferenceKind.allCases.compactMap { kind in
            p.newNames[kind.rawValue].map { (en ? kind.englishName : kind.chineseName, $0) }
        }
        return Layout.page(title: t(waiting ? .previewTitle : .recordTitle), lang: lang, section: .importLedger,
                           path: Site.importBatch.link(id),
            .h1(.text(t(waiting ? .previewTitle : .recordTitle) + "："), .span(.attribute(named: "translate", value: "no"), .text(batch.fileName))),
            .p(.class("muted"), .text(ImportText.byline(kind: kindName, by: people.name(batch.createdBy, lang),
                                                        at: DateFormatter.district("yyyy-MM-dd HH:mm", timeZone: timeZone).string(from: batch.createdAt),
                                                        status: en ? batch.status.englishName : batch.status.chineseName).text(lang))),
            Layout.notice(notice),
            .if(waiting, .div(.class("alert"), .strong(.text(t(.notYetWritten))))),
            .div(.class("figures"),
                 Layout.figure(t(.rows), String(p.rows), name: "import.rows"),
                 Layout.figure(t(createdLabel), String(p.created.count), name: "import.created"),
                 Layout.figure(t(updatedLabel), String(p.updated.count), name: "import.updated"),
                 Layout.figure(t(.unchanged), String(p.unchanged), name: "import.unchanged")),
            actions(p),
            .if(!newNames.isEmpty, .group(
                .h2(.text(t(.newNames))),
                .ul(.forEach(newNames) { kind, names in .li(.strong(.text(kind + "：")), .text(names.joined(separator: en ? ", " : "、"))) }))),
            .if(!p.unknownColumns.isEmpty, .p(.class("muted"), .text(t(.ignoredColumns) + p.unknownColumns.joined(separator: "、")))),
            .unwrap(p.notes) { notes in .group(
                .h2(.text(t(.codeNotes))),
                .ul(.forEach(notes) { n in .li(.text(ImportText.row(n.row).text(lang) + n.message.text(lang))) })) },
            .if(!p.updated.isEmpty, .group(
                .h2(.text(t(updatedLabel) + "（\(p.updated.count)）")),
                changesTable(Array(p.updated.prefix(Self.shownRows))))),
            .if(!p.created.isEmpty, .group(
                .h2(.text(t(createdLabel) + "（\(p.created.count)）")),
                isLedger ? DataTable<ImportPreview.Row>([
                    .text(ImportText.column(.code, lang)) { $0.code },
                    .text(ImportText.column(.name, lang)) { $0.name },
                ], rows: Array(p.created.prefix(Self.shownRows)), empty: "").node : changesTable(Array(p.created.prefix(Self.shownRows))))),
            .p(.a(.href(attr(Layout.link(origin, lang))), .text(t(.backToImport))))
        )
    }

    /// A row per project, each changed field as 原值 → 新值 on a line of its own.
    func changesTable(_ rows: [ImportPreview.Row]) -> Node<HTML.BodyContext> {
        DataTable<ImportPreview.Row>([
            .text(ImportText.column(.code, lang)) { $0.code },
            .text(ImportText.column(.name, lang)) { $0.name },
            .init(t(.changes)) { r in
                .ul(.class("changes"), .forEach(r.changes) { c in
                    .li(.strong(.text(fieldName(c.field) + "：")), change(c))
                })
            },
        ], rows: rows, empty: "").node
    }

    /// 原值 → 新值, or the value alone where the field only says which row it is (a month).
    func change(_ c: ImportPreview.FieldChange) -> Node<HTML.BodyContext> {
        let empty = en ? "(empty)" : "（空）"
        let after = Node<HTML.BodyContext>.text(c.after.isEmpty ? empty : c.after)
        guard c.before != c.after else { return after }
        return .group(.element(named: "del", nodes: [.text(c.before.isEmpty ? empty : c.before)]), .text(" → "), after)
    }

    func fieldName(_ field: String) -> String {
        guard en else { return field }
        return ImportText.englishField(field)
    }

    func actions(_ p: ImportPreview) -> Node<HTML.BodyContext> {
        let id = batch.id?.uuidString ?? ""
        switch batch.status {
        case .previewed:
            return .div(.class("toolbar"),
                ConfirmStep(label: t(.confirmImport) + "…",
                            consequence: ImportText.applyConsequence(created: p.created.count, updated: p.updated.count,
                                                                     kind: kind).text(lang),
                            confirm: t(.confirmImport), action: Layout.link(Site.importApply.link(id), lang)).node,
                .form(.class("inline"), .method(.post), .action(attr(Layout.link(Site.importCancel.link(id), lang))), .csrf(),
                      .button(.type(.submit), .class("secondary"), .text(t(.cancelImport)))))
        case .applied where !(batch.undo ?? "").isEmpty:
            return .div(.class("toolbar"),
                ConfirmStep(label: t(.undoImport) + "…",
                            consequence: ImportText.undoConsequence(created: p.created.count, updated: p.updated.count, kind: kind).text(lang),
                            confirm: t(.confirmUndo), action: Layout.link(Site.importUndo.link(id), lang), danger: true).node)
        default:
            return .empty
        }
    }
}
