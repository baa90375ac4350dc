import Fluent

struct CreateUsers: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(UserModel.schema)
            .id()
            .field("district_id", .uuid, .required, .references(DistrictModel.schema, "id"))
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("roles", .string, .required)
            .field("unit_id", .uuid, .references(ReferenceEntryModel.schema, "id"))
            .field("must_change_password", .bool, .required)
            .field("disabled", .bool, .required)
            .field("failed_attempts", .int, .required)
            .field("locked_until", .datetime)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            // User names are unique across the deployment: a sign-in form asks for no district.
            .unique(on: "username")
            .create()
    }

    func revert(on db: any Database) async throws { try await db.schema(UserModel.schema).delete() }
}
