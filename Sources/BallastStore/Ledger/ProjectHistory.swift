import BallastCore
import Fluent
import Foundation

/// What makes a project the district's record, so that it is never deleted (it exits through a
/// pool move instead): its monthly reports, problems and decisions, campaign entries, leads, the
/// changes to its year's plan and the 观摩 that visited it. One list, read by the project's delete
/// and by an import's undo (which would delete the projects it created).
enum ProjectHistory {
    struct Held {
        var zh: String
        var en: String
        /// One project id per record.
        var projects: [UUID]
    }

    static func held(_ ids: [UUID], on db: any Database) async throws -> [Held] {
        guard !ids.isEmpty else { return [] }
        return [
            Held(zh: "月报", en: "monthly reports", projects: try await MonthlyReportModel.query(on: db).filter(\.$project.$id ~~ ids).all().map(\.$project.id)),
            Held(zh: "问题或决定", en: "problems or decisions", projects: try await ProblemModel.query(on: db).filter(\.$projectID ~~ ids).all().compactMap(\.projectID)),
            Held(zh: "三个一批名单", en: "campaign entries", projects: try await CampaignEntryModel.query(on: db).filter(\.$project.$id ~~ ids).all().map(\.$project.id)),
            Held(zh: "招商线索", en: "leads", projects: try await LeadModel.query(on: db).filter(\.$projectID ~~ ids).all().compactMap(\.projectID)),
            Held(zh: "计划调整", en: "plan changes", projects: try await PlanChangeModel.query(on: db).filter(\.$projectID ~~ ids).all().map(\.projectID)),
            Held(zh: "观摩记录", en: "inspection visits", projects: try await InspectionStopModel.query(on: db).filter(\.$projectID ~~ ids).all().map(\.projectID)),
        ].filter { !$0.projects.isEmpty }
    }
}
