import BallastCore
import Fluent
import Foundation

/// What 撤销本次导入 needs of a 入库纳统 file: each project's record as it was (nil: there was
/// none), the version the import left it at, and the counted months it changed with their
/// values before (nil: none).
public struct StatisticsUndoRecord: Codable, Sendable, Equatable {
    public struct Row: Codable, Sendable, Equatable {
        public var projectID: UUID
        public var code: String
        public var before: StatisticsRecord?
        /// The record's version after the import; nil when the import left the record alone.
        public var versionAfter: Int?
        public var year: Int
        /// Month → counted yuan before (nil: no figure).
        public var countsBefore: [Int: Int64?]
        public var countsAfter: [Int: Int64]
    }

    public var rows: [Row] = []

    public var json: String {
        (try? JSONEncoder().encode(self)).flatMap { String(data: $0, encoding: .utf8) } ?? ""
    }
}

/// Puts a 入库纳统 file's changes back, refused when a project's record or a month it wrote was
/// changed since (undoing would overwrite that change).
struct StatisticsImportUndo {
    var districtID: UUID
    var actor: ChangeActor
    var today: CalendarDate

    func run(_ batch: ImportBatchModel, in tx: any Database) async throws -> ImportUndo.Outcome {
        let record = try ImportUndo.rows(StatisticsUndoRecord.self, of: batch)
        var touched: [String] = []
        for r in record.rows {
            let now = try await StatisticsEditor.record(projectID: r.projectID, on: tx)
            if let v = r.versionAfter, now?.version != v { touched.append(r.code); continue }
            let counts = Dictionary(try await StatisticsCountModel.query(on: tx).filter(\.$projectID == r.projectID).filter(\.$year == r.year).all()
                .map { ($0.month, $0.counted) }, uniquingKeysWith: { a, _ in a })
            if r.countsAfter.contains(where: { counts[$0.key] != $0.value }) { touched.append(r.code) }
        }
        guard touched.isEmpty else { throw ImportBatches.Failure.touched(touched) }
        var outcome = ImportUndo.Outcome()
        for r in record.rows {
            if r.versionAfter != nil, let now = try await StatisticsEditor.record(projectID: r.projectID, on: tx) {
                if let before = r.before {
                    now.startedOn = before.startedOn; now.declaredOn = before.declaredOn; now.includedOn = before.includedOn; now.number = before.number
                    now.version += 1
                    try await now.update(on: tx)
                    outcome.restored += 1
                } else {
                    try await now.delete(on: tx)
                    outcome.deleted += 1
                }
            }
            for (month, value) in r.countsBefore {
                let q = StatisticsCountModel.query(on: tx).filter(\.$projectID == r.projectID).filter(\.$year == r.year).filter(\.$month == month)
                if let value, let c = try await q.first() {
                    c.counted = value
                    try await c.update(on: tx)
                } else {
                    try await q.delete()
                }
            }
        }
        try await Recolour.year(today.year, districtID: districtID, today: today, in: tx)
        return outcome
    }
}
