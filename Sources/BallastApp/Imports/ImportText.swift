import BallastCore
import BallastStore
import Foundation

/// The import record's interface text, both languages side by side (`CatalogueTests` checks each).
enum ImportText: CaseIterable, UIText.Catalogue {
    case previewTitle, recordTitle, notYetWritten, rows, createdProjects, updatedProjects, createdMonths, updatedMonths
    case createdLeads, createdEntries, updatedEntries
    case codeNotes, unchanged, newNames, ignoredColumns, changes, confirmImport, cancelImport, undoImport, confirmUndo, backToImport
    case records, when, file, kind, by, status, applied, cancelled, undone, changedSincePreview, noRecords, allRecords

    var message: Message {
        switch self {
        case .previewTitle: Message(zh: "导入预览", en: "Import preview")
        case .recordTitle: Message(zh: "导入记录", en: "Import record")
        case .notYetWritten: Message(zh: "以下是预览，尚未写入任何数据：请核对后确认导入，或取消。",
                                     en: "This is a preview; nothing has been written. Check it, then confirm or cancel.")
        case .rows: Message(zh: "文件行数", en: "Rows in the file")
        case .createdProjects: Message(zh: "新增项目", en: "New projects")
        case .updatedProjects: Message(zh: "更新项目", en: "Projects changed")
        case .createdMonths: Message(zh: "新增月度数据", en: "New months")
        case .updatedMonths: Message(zh: "调整的月度数据", en: "Months changed")
        case .unchanged: Message(zh: "未变", en: "Unchanged")
        case .codeNotes: Message(zh: "项目代码提示（允许导入，导入后在项目页标出）", en: "Project code notes (allowed; flagged on the projects)")
        case .createdLeads: Message(zh: "新增线索", en: "New leads")
        case .createdEntries: Message(zh: "新增名单条目", en: "New list entries")
        case .updatedEntries: Message(zh: "更新的名单条目", en: "List entries changed")
        case .newNames: Message(zh: "将新建的名称", en: "Names that will be created")
        case .ignoredColumns: Message(zh: "将忽略的未知列：", en: "Unknown columns, ignored: ")
        case .changes: Message(zh: "变更（原值 → 新值）", en: "Changes (before → after)")
        case .confirmImport: Message(zh: "确认导入", en: "Confirm import")
        case .cancelImport: Message(zh: "取消本次导入", en: "Cancel this import")
        case .undoImport: Message(zh: "撤销本次导入", en: "Undo this import")
        case .confirmUndo: Message(zh: "确认撤销", en: "Confirm undo")
        case .backToImport: Message(zh: "返回导入页", en: "Back to imports")
        case .records: Message(zh: "最近的导入", en: "Recent imports")
        case .when: Message(zh: "时间", en: "When")
        case .file: Message(zh: "文件", en: "File")
        case .kind: Message(zh: "类别", en: "Kind")
        case .by: Message(zh: "上传人", en: "By")
        case .status: Message(zh: "状态", en: "Status")
        case .applied: Message(zh: "已导入。需要时可在本页撤销本次导入。", en: "Imported. It can be undone from this page.")
        case .cancelled: Message(zh: "已取消，未写入任何数据。", en: "Cancelled; nothing was written.")
        case .undone: Message(zh: "已撤销本次导入。", en: "The import was undone.")
        case .changedSincePreview: Message(zh: "台账在预览之后有变化，以下是按现在的数据重新生成的预览，请重新核对后确认。",
                                           en: "The ledger changed after the preview. This is the preview as of now: check it again, then confirm.")
        case .noRecords: Message(zh: "暂无导入记录：在“导入台账”上传台账或月度进度文件，确认前可先预览。", en: "No imports yet: upload a ledger or a progress file under Import ledger; each is previewed before it is applied.")
        case .allRecords: Message(zh: "全部导入记录", en: "All import records")
        }
    }

    static func row(_ n: Int) -> Message { Message(zh: "第\(n)行：", en: "Row \(n): ") }

    static func byline(kind: String, by: String, at when: String, status: String) -> Message {
         Message(zh: "\(kind) · \(by) 于 \(when) 上传 · \(status)", en: "\(kind) · uploaded by \(by) at \(when) · \(status)")
    }

    static func applyConsequence(created: Int, updated: Int, kind: ImportBatches.Kind) -> Message {
        switch kind {
        case .ledger:
            Message(zh: "将新增 \(created) 个项目、更新 \(updated) 个项目（按上表逐项写入）。导入后，如这些项目未再被修改，可在本记录中撤销。",
                    en: "This creates \(created) projects and changes \(updated), as listed. Until those projects are changed again, the import can be undone from this record.")
        case .progress:
            Message(zh: "将写入 \(created) 个新的月度数据、调整 \(updated) 个，均记为已审定。导入后，如这些月份未再被修改，可在本记录中撤销。",
                    en: "This writes \(created) new months and changes \(updated), all as approved. Until those months are changed again, the import can be undone from this record.")
        case .leads:
            Message(zh: "将登记 \(created) 条新的招商线索。导入后，如这些线索未再被修改，可在本记录中撤销。",
                    en: "This registers \(created) new leads. Until they are changed, the import can be undone from this record.")
        case .campaign:
            Message(zh: "将新增 \(created) 个名单条目、更新 \(updated) 个。导入后，如这些条目未再被修改，可在本记录中撤销。",
                    en: "This adds \(created) list entries and changes \(updated). Until they are changed again, the import can be undone from this record.")
        case .approvals:
            Message(zh: "将新增 \(created) 个前期手续事项、更新 \(updated) 个（按上表逐项写入，按事项顺序校验）。导入后，如这些事项未再被修改，可在本记录中撤销。",
                    en: "This adds \(created) approval steps and changes \(updated), as listed, each checked in its chain's order. Until they are changed again, the import can be undone from this record.")
        case .funds:
            Message(zh: "将为 \(created) 个项目新填、为 \(updated) 个项目更新资金来源（按上表逐项写入）。导入后，如这些项目的资金未再被修改，可在本记录中撤销。",
                    en: "This enters funding for \(created) projects and changes \(updated), as listed. Until it is changed again, the import can be undone from this record.")
        case .statistics:
            Message(zh: "将为 \(created) 个项目新建、为 \(updated) 个项目更新入库纳统信息和统计口径投资（按上表逐项写入），随后重新判定红黄蓝绿灯。导入后，如这些项目未再被修改，可在本记录中撤销。",
                    en: "This enters statistics records for \(created) projects and changes \(updated), as listed, then recolours the lights. Until they are changed again, the import can be undone from this record.")
        }
    }

    static func undoConsequence(created: Int, updated: Int, kind: ImportBatches.Kind) -> Message {
        switch kind {
        case .ledger:
            Message(zh: "将删除本次新增的 \(created) 个项目，并把本次更新的 \(updated) 个项目恢复为导入前的内容。导入后又被修改过的项目会使撤销被拒绝。",
                    en: "This deletes the \(created) projects the import created and puts the \(updated) it changed back as they were. If any was changed since, the undo is refused.")
        case .progress:
            Message(zh: "将删除本次新增的 \(created) 个月度数据，并把本次调整的 \(updated) 个恢复为导入前的数值和状态，随后重新判定红黄蓝绿灯。导入后又被审核、调整或上传照片的月份会使撤销被拒绝。",
                    en: "This deletes the \(created) months the import wrote and puts the \(updated) it changed back, then recolours the lights. If any month was reviewed, adjusted or given a photo since, the undo is refused.")
        case .leads:
            Message(zh: "将删除本次登记的 \(created) 条招商线索（企业名录中的企业保留）。导入后又被修改或记录洽谈的线索会使撤销被拒绝。",
                    en: "This deletes the \(created) leads the import registered (enterprises stay on the list). If any lead was changed or contacted since, the undo is refused.")
        case .campaign:
            Message(zh: "将删除本次新增的 \(created) 个名单条目，并把本次更新的 \(updated) 个恢复为导入前的内容；本次新建且已无条目的期次一并删除。导入后又被跟踪修改的条目会使撤销被拒绝。",
                    en: "This deletes the \(created) entries the import added and puts the \(updated) it changed back; periods it opened that are left empty go too. If any entry was followed up since, the undo is refused.")
        case .approvals:
            Message(zh: "将删除本次新增的 \(created) 个事项，并把本次更新的 \(updated) 个恢复为导入前的内容。导入后又被修改过的事项会使撤销被拒绝。",
                    en: "This deletes the \(created) steps the import added and puts the \(updated) it changed back. If any was changed since, the undo is refused.")
        case .funds:
            Message(zh: "将把本次导入的 \(created + updated) 个项目的资金来源恢复为导入前的内容。导入后又被修改过的会使撤销被拒绝。",
                    en: "This puts the funding of the \(created + updated) projects back as it was. If any was changed since, the undo is refused.")
        case .statistics:
            Message(zh: "将把本次导入的 \(created + updated) 个项目的入库纳统信息和统计口径投资恢复为导入前的内容，随后重新判定红黄蓝绿灯。导入后又被修改过的项目会使撤销被拒绝。",
                    en: "This puts the statistics records and counted figures of the \(created + updated) projects back as they were, then recolours the lights. If any was changed since, the undo is refused.")
        }
    }

    static func column(_ c: LedgerColumn, _ lang: UILanguage) -> String {
        lang == .en ? c.englishName : c.rawValue
    }

    /// A preview's field name in English: a ledger header, or one of the progress file's.
    static func englishField(_ field: String) -> String {
        if let c = LedgerColumn.allCases.first(where: { $0.exportHeader == field || $0.rawValue == field }) { return c.englishName }
        switch field {
        case "月份": return "Month"
        case "本月完成（万元）": return "Completed in the month (万元)"
        case "状态": return "Status"
        case "企业名称": return "Enterprise"
        case "期次": return "Period"
        case "批次": return "Batch"
        case "计入投资（万元）": return "Investment counted (万元)"
        case "备注": return "Note"
        default: return field
        }
    }

    /// The preview for the terminal (`--dry-run`): what the page's preview shows, one line a row.
    static func previewLines(_ p: ImportPreview, ledger: Bool, language: UILanguage) -> [String] {
        let en = language == .en
        var out = [en ? "Preview (nothing written): \(p.rows) rows, \(p.created.count) new, \(p.updated.count) changed, \(p.unchanged) unchanged"
                      : "预览（未写入任何数据）：共\(p.rows)行，新增\(p.created.count)个，更新\(p.updated.count)个，未变\(p.unchanged)个"]
        for kind in ReferenceKind.allCases {
            guard let names = p.newNames[kind.rawValue], !names.isEmpty else { continue }
            out.append((en ? "New \(kind.englishName): " : "将新建\(kind.chineseName)：") + names.joined(separator: en ? ", " : "、"))
        }
        let describe = { (c: ImportPreview.FieldChange) -> String in
            let field = en ? englishField(c.field) : c.field
            return c.before == c.after ? "\(field) \(c.after)" : "\(field) \(c.before.isEmpty ? "—" : c.before) → \(c.after.isEmpty ? "—" : c.after)"
        }
        for r in p.created {
            out.append((en ? "  new      " : "  新增 ") + "\(r.code) \(r.name)" + (ledger ? "" : "：" + r.changes.map(describe).joined(separator: "；")))
        }
        for r in p.updated {
            out.append((en ? "  changed  " : "  更新 ") + "\(r.code) \(r.name)：" + r.changes.map(describe).joined(separator: en ? "; " : "；"))
        }
        return out
    }
}
