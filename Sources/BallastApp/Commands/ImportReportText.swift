import BallastCore
import BallastStore
import Foundation
import Vapor

/// The import report as lines of text, for the terminal.
enum ImportReportText {
    static func lines(_ r: LedgerImportReport, language: UILanguage) -> [String] {
        var out: [String] = []
        let en = language == .en
        if r.applied {
            out.append(en ? "Imported \(r.rows) rows: \(r.created.count) created, \(r.updated.count) updated, \(r.unchanged) unchanged"
                          : "已导入\(r.rows)行：新增\(r.created.count)个，更新\(r.updated.count)个，未变\(r.unchanged)个")
        } else {
            out.append(en ? "Import refused: \(r.issueTotal) problem(s), nothing stored"
                          : "导入被拒绝：共\(r.issueTotal)处错误，未存储任何数据")
            if r.issueTotal > r.issues.count {
                out.append(en ? "The first \(r.issues.count) are listed" : "以下列出前\(r.issues.count)处")
            }
        }
        for kind in ReferenceKind.allCases {
            guard let names = r.newReferences[kind], !names.isEmpty else { continue }
            let label = en ? kind.englishName : kind.chineseName
            out.append((en ? "New \(label): " : "新建\(label)：") + names.joined(separator: en ? ", " : "、"))
        }
        if !r.unknownColumns.isEmpty {
            out.append((en ? "Ignored unknown columns: " : "已忽略未知列：") + r.unknownColumns.joined(separator: en ? ", " : "、"))
        }
        for note in r.preview.notes ?? [] {
            out.append((en ? "  Note, row \(note.row): " : "  提示，第\(note.row)行：") + note.message.text(language))
        }
        for issue in r.issues {
            let where_ = en ? "row \(issue.row)" + (issue.column.map { ", column \($0)" } ?? "")
                            : "第\(issue.row)行" + (issue.column.map { "，\($0)列" } ?? "")
            out.append("  \(where_): \(issue.message.text(language))")
        }
        return out
    }
}
