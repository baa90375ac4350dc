import BallastCore
import Fluent
import Foundation

/// An overdue 前期手续 step raised to the weekly meeting as a problem (类别 手续审批, or the
/// district's nearest), on the project, assigned to the approving department when it is a unit
/// of the district (the office assigns it otherwise), so the meeting's suggestions, the problem
/// clock and 催办 take it from there. Raised once: an open problem on the same step is returned.
public enum ApprovalEscalation {
    /// `projectID`: the project the request is about; a step of another project is not found.
    public static func raise(stepID: UUID, projectID: UUID, context: ProjectItemContext, on db: any Database) async throws -> ProblemModel {
        guard let a = try await ApprovalItemModel.query(on: db).filter(\.$id == stepID).filter(\.$districtID == context.districtID)
            .filter(\.$project.$id == projectID).first()
        else { throw ProjectItemContext.Failure.itemNotFound }
        let project = try await context.project(a.$project.id, on: db)
        let clock = try await ApprovalDue.clock(districtID: context.districtID, on: db)
        let step = a.step
        guard clock.state(step, asOf: context.today) == .overdue, let due = clock.due(step) else {
            throw ProjectItemContext.Failure.invalid(field: "item", Message(zh: "“\(a.name)”尚未超时，无需提交周例会",
                                                                             en: "“\(a.name)” is not overdue: nothing to raise"))
        }
        let title = "\(project.name) · \(a.name)审批超时"
        if let open = try await ProblemModel.query(on: db).filter(\.$districtID == context.districtID).filter(\.$projectID == project.id)
            .filter(\.$title == title).filter(\.$status ~~ ProblemQuery.openStatuses).first() {
            return open
        }
        let categories = try await ProblemEditor.categories(districtID: context.districtID, on: db)
        let category = categories.first { $0.contains("审批") || $0.contains("手续") } ?? categories.last ?? "其他"
        let units = try await ReferenceEntryModel.query(on: db).filter(\.$district.$id == context.districtID)
            .filter(\.$kind == ReferenceKind.unit.rawValue).all().map(\.name)
        let late = clock.calendar.workingDays(after: due, through: context.today)
        let description = "\(a.name)（审批部门：\(a.department ?? "未填")）于 \(step.applied?.iso ?? "—") 申报，承诺 \(step.promisedDays.map(String.init) ?? "—") 个工作日，"
            + "应于 \(due.iso) 办结，截至 \(context.today.iso) 已超时 \(late) 个工作日仍未批复。"
        return try await ProblemEditor(context: context, supervisor: true).raise(.init(
            projectID: project.id, category: category, title: String(title.prefix(100)), description: description,
            assignment: a.department.flatMap { units.contains($0) ? ProblemEditor.Assignment(leadUnit: $0) : nil }), on: db)
    }
}
