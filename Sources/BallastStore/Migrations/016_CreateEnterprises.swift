import BallastCore
import Fluent
import SQLKit

/// Enterprises as records of their own, and each project's investor linked to one. Existing
/// projects are linked by their investor's credit code, else by name (`EnterpriseIndex`).
struct CreateEnterprises: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(EnterpriseModel.schema)
            .id()
            .field("district_id", .uuid, .required, .references(DistrictModel.schema, "id"))
            .field("name", .string, .required)
            .field("name_key", .string, .required)
            .field("credit_code", .string)
            .field("industry", .string)
            .field("address", .string)
            .field("above_scale", .bool, .required)
            .field("contact_name", .string)
            .field("contact_phone", .string)
            .field("service_official", .string)
            .field("merged_into", .uuid)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        let sql = try db.sql()
        // One live record per credit code: a merged record gives its code up (NULLs do not collide).
        try await sql.create(index: "enterprises_credit_code").on(EnterpriseModel.schema).column("district_id").column("credit_code").unique().run()
        try await sql.create(index: "enterprises_name_key").on(EnterpriseModel.schema).column("district_id").column("name_key").run()
        try await db.schema(ProjectModel.schema).field("enterprise_id", .uuid).update()
        try await sql.create(index: "projects_enterprise").on(ProjectModel.schema).column("enterprise_id").run()
        // Only the id: a migration reads the columns that exist when it runs, not the model's later ones.
        for district in try await DistrictModel.query(on: db).field(\.$id).all() {
            try await EnterpriseIndex.linkUnlinked(districtID: try district.requireID(), on: db)
        }
    }

    func revert(on db: any Database) async throws {
        try await db.schema(ProjectModel.schema).deleteField("enterprise_id").update()
        try await db.schema(EnterpriseModel.schema).delete()
    }
}
