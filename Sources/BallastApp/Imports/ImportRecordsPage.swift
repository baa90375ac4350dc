import BallastCore
import BallastStore
import Foundation
import Plot

/// The district's recent imports, newest first: each links to its preview or record.
struct ImportRecordsPage {
    var batches: [ImportBatchModel]
    var lang: UILanguage
    var timeZone = "Asia/Shanghai"
    var people = People()

    func render() -> String {
        Layout.page(title: ImportText.records.text(lang), lang: lang, section: .importLedger, path: Site.imports.link,
            .h1(.text(ImportText.records.text(lang))),
            Self.table(batches, lang: lang, timeZone: timeZone, people: people),
            .p(.a(.href(attr(Layout.link(Site.ledgerImport.link, lang))), .text(ImportText.backToImport.text(lang)))))
    }

    static func table(_ batches: [ImportBatchModel], lang: UILanguage, timeZone: String, people: People = People()) -> Node<HTML.BodyContext> {
        let f = DateFormatter.district("yyyy-MM-dd HH:mm", timeZone: timeZone)
        let t = { (m: ImportText) in m.text(lang) }
        return DataTable<ImportBatchModel>([
            .text(t(.when), .date) { f.string(from: $0.createdAt) },
            .init(t(.file)) { b in .a(.href(attr(Layout.link(Site.importBatch.link(b.id?.uuidString ?? ""), lang))), .attribute(named: "translate", value: "no"), .text(b.fileName.isEmpty ? "—" : b.fileName)) },
            .text(t(.kind)) { b in
                switch ImportBatches.Kind(rawValue: b.kind) {
                case .ledger: lang == .en ? "Ledger \(b.year.map(String.init) ?? "")" : "\(b.year.map(String.init) ?? "")年台账"
                case .progress: lang == .en ? "Progress" : "月度进度"
                case .leads: lang == .en ? "Leads" : "招商线索"
                case .campaign: lang == .en ? "Three Batches list" : "三个一批名单"
                case .approvals: lang == .en ? "Approvals \(b.year.map(String.init) ?? "")" : "\(b.year.map(String.init) ?? "")年前期手续"
                case .funds: lang == .en ? "Funding \(b.year.map(String.init) ?? "")" : "\(b.year.map(String.init) ?? "")年资金来源"
                case .statistics: lang == .en ? "Statistics \(b.year.map(String.init) ?? "")" : "\(b.year.map(String.init) ?? "")年入库纳统"
                case nil: b.kind
                }
            },
            .text(t(.by)) { people.name($0.createdBy, lang) },
            .init(t(.status)) { b in .span(.class("tag import-\(b.status.rawValue)"), .text(lang == .en ? b.status.englishName : b.status.chineseName)) },
        ], rows: batches, empty: t(.noRecords)).listed(ListText.imports, lang).node
    }
}
