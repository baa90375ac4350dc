import BallastCore
import Foundation

/// What an import will do (before it is confirmed) or did: the rows it creates, the rows it
/// changes with each field before → after, how many it leaves alone and the names it would add
/// to the district's lists. The preview page, the CLI's `--dry-run` and the import's record all
/// show this; confirming applies the file only if applying gives the same preview.
public struct ImportPreview: Codable, Sendable, Equatable {
    public struct Row: Codable, Sendable, Equatable {
        public var code: String
        public var name: String
        /// Empty for a new row.
        public var changes: [FieldChange]
        public init(code: String, name: String, changes: [FieldChange] = []) {
            self.code = code; self.name = name; self.changes = changes
        }
    }

    /// One field of a row: its column header (the ledger's own), and the value before and after.
    public struct FieldChange: Codable, Sendable, Equatable {
        public var field: String
        public var before: String
        public var after: String
        public init(field: String, before: String, after: String) {
            self.field = field; self.before = before; self.after = after
        }
    }

    public var rows = 0
    public var created: [Row] = []
    public var updated: [Row] = []
    public var unchanged = 0
    /// Names by list (`ReferenceKind` raw value) that the import creates.
    public var newNames: [String: [String]] = [:]
    public var unknownColumns: [String] = []
    /// Allowed but said, by row: 一码多项 / 一项多码 (`ProjectCodeQuery.importNotes`). Optional so
    /// the previews stored before it still read.
    public var notes: [LedgerIssue]?

    public init(rows: Int = 0, created: [Row] = [], updated: [Row] = [], unchanged: Int = 0,
                newNames: [String: [String]] = [:], unknownColumns: [String] = []) {
        self.rows = rows; self.created = created; self.updated = updated; self.unchanged = unchanged
        self.newNames = newNames; self.unknownColumns = unknownColumns
    }

    /// The fields that differ between two states of a row, in the ledger's column order and as
    /// the ledger writes them (money in 万元).
    public static func changes(from before: ProjectSnapshot, to after: ProjectSnapshot) -> [FieldChange] {
        zip(LedgerColumn.allCases, zip(before.record.exportCells, after.record.exportCells)).compactMap { column, pair in
            pair.0 == pair.1 ? nil : FieldChange(field: column.exportHeader, before: pair.0, after: pair.1)
        }
    }

    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }

    public static func decode(_ json: String) -> ImportPreview {
        (try? JSONDecoder().decode(ImportPreview.self, from: Data(json.utf8))) ?? ImportPreview()
    }
}

extension ProjectSnapshot {
    /// The snapshot as a ledger row again: what undoing an import writes back.
    public var record: LedgerRecord {
        LedgerRecord(row: 0, code: code, name: name, category: category, level: level ?? "",
                     nature: nature.flatMap(ProjectNature.init(rawValue:)), zone: zone, unit: unit, leader: leader,
                     taskForce: taskForce, stage: LifecycleStage(rawValue: stage) ?? .conceived,
                     totalInvestment: Money(yuan: totalInvestmentYuan), annualPlan: annualPlanYuan.map(Money.init(yuan:)),
                     plannedStart: plannedStart.flatMap(CalendarDate.parse), plannedEnd: plannedEnd.flatMap(CalendarDate.parse),
                     investor: investor, creditCode: creditCode, longitude: longitude, latitude: latitude, content: content,
                     projectCode: projectCode)
    }
}
