import Fluent
import SQLKit

/// 项目代码 (issue 27): the national approval platform's code on each project, looked up by
/// code to flag 一码多项; and each district's division code, which the codes must fall within.
struct AddProjectCode: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ProjectModel.schema).field("project_code", .string).update()
        try await db.schema(DistrictModel.schema).field("division_code", .string).update()
        try await db.sql().create(index: "projects_project_code").on(ProjectModel.schema)
            .column("district_id").column("project_code").run()
    }

    func revert(on db: any Database) async throws {
        try await db.sql().drop(index: "projects_project_code").run()
        try await db.schema(DistrictModel.schema).deleteField("division_code").update()
        try await db.schema(ProjectModel.schema).deleteField("project_code").update()
    }
}
