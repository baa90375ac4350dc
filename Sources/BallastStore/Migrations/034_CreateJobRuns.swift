import Fluent
import SQLKit

/// The scheduled jobs' runs, one row per job, step, district and day: the claim that lets one
/// instance run a step (the others see it taken), and what `ballast jobs status` shows.
struct CreateJobRuns: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(JobRunModel.schema)
            .id()
            .field("job", .string, .required)
            .field("step", .string, .required)
            .field("district_id", .uuid, .required, .references(DistrictModel.schema, "id"))
            .field("run_on", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("started_at", .double, .required)
            .field("finished_at", .double)
            .field("detail", .string)
            .field("error", .string)
            .unique(on: "job", "step", "district_id", "run_on")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(JobRunModel.schema).delete()
    }
}
