import BallastCore
import Fluent
import Foundation

/// 一码多项 / 一项多码 across the district's ledger (`ProjectCodeFlags`): for one project, those
/// sharing its 项目代码 or its name under another code; for an import, the rows that would.
public enum ProjectCodeQuery {
    /// The project's flags, read from the projects that share its code or its name.
    public static func flags(districtID: UUID, code: String, name: String, projectCode: String?, on db: any Database) async throws -> [ProjectCodeFlags.Flag] {
        guard let projectCode else { return [] }
        let related = try await ProjectModel.query(on: db).filter(\.$district.$id == districtID)
            .group(.or) { $0.filter(\.$projectCode == projectCode).filter(\.$name == name) }
            .limit(200).all()
        var entries = related.map { ProjectCodeFlags.Entry(ledgerCode: $0.code, name: $0.name, projectCode: $0.projectCode) }
        if !entries.contains(where: { $0.ledgerCode == code }) { entries.append(.init(ledgerCode: code, name: name, projectCode: projectCode)) }
        return ProjectCodeFlags.flags(entries)[code] ?? []
    }

    /// An import's rows flagged against the ledger as it would stand after it (the district's
    /// other projects plus the file's rows), each said at its row.
    public static func importNotes(districtID: UUID, records: [LedgerRecord], on db: any Database) async throws -> [LedgerIssue] {
        let withCode = records.filter { $0.projectCode != nil }
        guard !withCode.isEmpty else { return [] }
        let fileCodes = Set(records.map(\.code))
        let stored = try await ProjectModel.query(on: db).filter(\.$district.$id == districtID).filter(\.$projectCode != nil)
            .field(\.$code).field(\.$name).field(\.$projectCode).all()
        let entries = stored.filter { !fileCodes.contains($0.code) }.map { ProjectCodeFlags.Entry(ledgerCode: $0.code, name: $0.name, projectCode: $0.projectCode) }
            + withCode.map { ProjectCodeFlags.Entry(ledgerCode: $0.code, name: $0.name, projectCode: $0.projectCode) }
        let flags = ProjectCodeFlags.flags(entries)
        return withCode.flatMap { r in
            (flags[r.code] ?? []).map { LedgerIssue(row: r.row, column: LedgerColumn.projectCode.rawValue, message: $0.message) }
        }.prefix(TableLimits.maxReportedIssues).map { $0 }
    }
}
