import Fluent
import Foundation
import SQLKit

/// A numbered series: each has its own run of numbers per district and year.
public enum NumberSeries: Sendable, Equatable {
    /// 催办单: 二七督〔2023〕12号.
    case notice
    /// Each document kind: 2023年第6期.
    case document(DocumentKind)
    /// Projects made from signed leads: ZS2023-001.
    case signedProject

    var key: String {
        switch self {
        case .notice: "notice"
        case .document(let kind): "document:" + kind.rawValue
        case .signedProject: "signed-project"
        }
    }

    /// A document's number as written ("2023年第6期") → (2023, 6).
    static func parseDocumentNumber(_ number: String) -> (Int, Int)? {
        guard let nian = number.firstIndex(of: "年"), let di = number.firstIndex(of: "第"), let qi = number.firstIndex(of: "期"),
              nian < di, di < qi, let year = Int(number[..<nian]), let seq = Int(number[number.index(after: di)..<qi]) else { return nil }
        return (year, seq)
    }

    static func documentNumber(year: Int, seq: Int) -> String { "\(year)年第\(seq)期" }
}

/// The one place a number is taken (issue 22). The series' counter row is incremented in the
/// caller's transaction (`INSERT … ON CONFLICT DO UPDATE … RETURNING`): on PostgreSQL the row
/// stays locked until that transaction ends, so a second instance taking a number of the same
/// series waits, then takes the next; on SQLite the write lock does the same. A transaction
/// that rolls back gives its number back with it, so the series has no gaps and no repeats,
/// and nothing retries on a unique violation. The records keep a unique key on the number as
/// well, which nothing should ever meet.
public enum NumberAllocator {
    ///
    /// `after`: a number the series must pass, for a series whose numbers can also be written by
    /// other means (a project code typed into an imported ledger); read in the same transaction.
    public static func next(_ series: NumberSeries, districtID: UUID, year: Int, after floor: Int = 0, in tx: any Database) async throws -> Int {
        let row = try await (try tx.sql()).raw("""
            INSERT INTO number_counters (district_id, series, year, last) VALUES (\(bind: districtID), \(bind: series.key), \(bind: year), \(bind: floor + 1))
            ON CONFLICT (district_id, series, year) DO UPDATE
            SET last = CASE WHEN number_counters.last >= \(bind: floor) THEN number_counters.last + 1 ELSE \(bind: floor + 1) END RETURNING last
            """).first()
        guard let n = try row?.decode(column: "last", as: Int.self) else {
            throw ProjectItemContext.Failure.invalid(field: "number", .init(zh: "未能取得编号", en: "No number could be taken"))
        }
        return n
    }
}
