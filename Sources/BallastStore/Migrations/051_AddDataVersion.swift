import Fluent
import SQLKit

/// Each district's data version (issue 29): advanced by every committed change to the district's
/// records (`DataVersion`), read with the caller on every request, and the key the answers'
/// cache and the ETags are made from.
struct AddDataVersion: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(DistrictModel.schema).field("data_version", .int64, .required, .sql(.default(0))).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(DistrictModel.schema).deleteField("data_version").update()
    }
}
