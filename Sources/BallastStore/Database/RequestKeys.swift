import BallastCore
import Fluent
import Foundation

/// Exactly once for a request that may arrive twice: its key is claimed in the transaction of
/// the change it carries, so a second arrival — a resend after a lost answer, the same draft
/// from two tabs, two instances at the same moment — finds it taken and does nothing. The
/// unique index on (district, key) decides between two concurrent claims: the loser's
/// transaction fails and rolls back with everything it did.
public enum RequestKeys {
    /// A key is 8 to 64 letters, digits and dashes (the forms send a UUID).
    public static func valid(_ key: String) -> Bool {
        (8...64).contains(key.count) && key.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == "-" }
    }

    /// True when the key is newly claimed in `tx` for `scope` (what it carries: a report card is
    /// `report:<project>:<YYYY-MM>`); false when a committed request already had it for the same
    /// thing. The same key for something else is refused: it is not a resend, and treating it
    /// as one would drop the entry.
    public static func claim(_ key: String, scope: String, districtID: UUID, actor: String, in tx: any Database) async throws -> Bool {
        if let seen = try await RequestKeyModel.query(on: tx).filter(\.$districtID == districtID).filter(\.$key == key).first() {
            guard seen.scope == scope else {
                throw ProjectItemContext.Failure.invalid(field: "draftKey", Message(zh: "draftKey 已用于另一份填报，请重新打开本月页面后再报",
                                                                                   en: "The draftKey was used for another entry: open the month again and resend"))
            }
            return false
        }
        let row = RequestKeyModel()
        row.districtID = districtID; row.key = key; row.scope = scope; row.actor = actor
        try await row.create(on: tx)
        return true
    }

    /// Whether a committed request had the key for the same scope (after a claim lost to a concurrent one).
    public static func taken(_ key: String, scope: String, districtID: UUID, on db: any Database) async throws -> Bool {
        try await RequestKeyModel.query(on: db).filter(\.$districtID == districtID).filter(\.$key == key).filter(\.$scope == scope).first() != nil
    }
}
