import Fluent
import Foundation

/// A district's setting kept as one JSON row with a version (the document style, the photo
/// rules): absent until first saved, then rewritten in place, its version one higher each time.
/// The caller checks the version the editor saw and audits the change in the same transaction.
protocol DistrictSettingRow: Model where IDValue == UUID {
    init()
    var districtID: UUID { get set }
    var json: String { get set }
    var version: Int { get set }
    static var district: KeyPath<Self, FieldProperty<Self, UUID>> { get }
}

extension DistrictSettingRow {
    /// The stored JSON and its version, nil when the district has not saved one.
    static func read(districtID: UUID, on db: any Database) async throws -> (json: String, version: Int)? {
        try await query(on: db).filter(district == districtID).first().map { ($0.json, $0.version) }
    }

    /// Writes `json` as version `current + 1`.
    static func write(_ json: String, after current: Int, districtID: UUID, on tx: any Database) async throws {
        if let row = try await query(on: tx).filter(district == districtID).first() {
            row.json = json; row.version = current + 1
            try await row.update(on: tx)
        } else {
            var row = Self()
            row.districtID = districtID; row.json = json; row.version = current + 1
            try await row.create(on: tx)
        }
    }
}

extension DocumentStyleModel: DistrictSettingRow {
    var json: String { get { style } set { style = newValue } }
    static var district: KeyPath<DocumentStyleModel, FieldProperty<DocumentStyleModel, UUID>> { \.$districtID }
}

extension PhotoRulesModel: DistrictSettingRow {
    var json: String { get { rules } set { rules = newValue } }
    static var district: KeyPath<PhotoRulesModel, FieldProperty<PhotoRulesModel, UUID>> { \.$districtID }
}
