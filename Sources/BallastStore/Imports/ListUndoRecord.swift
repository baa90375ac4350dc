import BallastCore
import Foundation

/// What 撤销本次导入 needs for a leads or 三个一批 list: each record the import created or
/// changed, with the version it left, and (for a changed campaign entry) what it held before;
/// and the campaign periods the file opened.
public struct ListUndoRecord: Codable, Sendable, Equatable {
    public struct Row: Codable, Sendable, Equatable {
        public var id: UUID
        /// What a refusal names: the lead's title, the entry's project code.
        public var label: String
        public var version: Int
        /// nil: the import created the record.
        public var before: EntryFields?
        /// A campaign entry as the import left it. The entry counts as untouched while it still
        /// reads so, even if a later import changed it and was undone (its version moved on).
        public var after: EntryFields?
    }

    /// A campaign entry's fields a re-imported list may change.
    public struct EntryFields: Codable, Sendable, Equatable {
        public var investment: Int64
        public var startedOn: CalendarDate?
        public var producedOn: CalendarDate?
        public var atCapacityOn: CalendarDate?
        public var note: String?

        init(_ e: CampaignEntryModel) {
            investment = e.investment; startedOn = e.startedOn; producedOn = e.producedOn; atCapacityOn = e.atCapacityOn; note = e.note
        }

        func restore(_ e: CampaignEntryModel) {
            e.investment = investment; e.startedOn = startedOn; e.producedOn = producedOn; e.atCapacityOn = atCapacityOn; e.note = note
        }
    }

    public var rows: [Row] = []
    public var periods: [UUID] = []

    public init() {}

    public var json: String? { (try? JSONEncoder().encode(self)).flatMap { String(data: $0, encoding: .utf8) } }
}
