import BallastCore
import Fluent
import Foundation

/// What a 批示 is to be given on, as its form shows it: the project, problem or document's name,
/// and the unit that answers for it (the lead unit the form starts from).
public struct InstructionSubject: Sendable, Equatable {
    public var subject: Instruction.Subject
    public var title: String
    public var unit: String?
    /// The project the 批示 will carry (a problem's own project), for the page's link.
    public var projectID: UUID?

    /// The field a refusal of the subject names, and its words: one rule for the form and the editor.
    public static func missing(_ subject: Instruction.Subject) -> FieldProblem {
        switch subject {
        case .project: FieldProblem("project", Message(zh: "项目不存在", en: "No such project"))
        case .problem: FieldProblem("problem", Message(zh: "问题或议定事项不存在（批示不能再批示）", en: "No such problem or decision (an instruction takes no instruction)"))
        case .document: FieldProblem("document", Message(zh: "文件不存在或尚未印发", en: "No such issued document"))
        }
    }

    /// Not found (for the form's page: 404 with the same words the editor refuses with).
    public static func load(_ subject: Instruction.Subject, districtID: UUID, on db: any Database) async throws -> InstructionSubject {
        guard let s = try await find(subject, districtID: districtID, on: db) else {
            throw ProjectItemContext.Failure.notFound(missing(subject).message)
        }
        return s
    }

    /// What a 批示 may be given on, in the district: a project; a problem or decision (not a
    /// 批示); an issued document (a draft is the office's until it is signed). Nil otherwise.
    public static func find(_ subject: Instruction.Subject, districtID: UUID, on db: any Database) async throws -> InstructionSubject? {
        func unitName(_ projectID: UUID?) async throws -> String? {
            guard let projectID, let p = try await ProjectModel.query(on: db).filter(\.$id == projectID).filter(\.$district.$id == districtID).first()
            else { return nil }
            return try await ReferenceEntryModel.find(p.$unit.id, on: db)?.name
        }
        switch subject {
        case .project(let id):
            guard let p = try await ProjectModel.query(on: db).filter(\.$id == id).filter(\.$district.$id == districtID).first() else { return nil }
            return InstructionSubject(subject: subject, title: "\(p.code) \(p.name)", unit: try await unitName(id), projectID: id)
        case .problem(let id):
            guard let p = try await ProblemModel.query(on: db).filter(\.$id == id).filter(\.$districtID == districtID).first(),
                  p.kind != ProblemKind.instruction.rawValue else { return nil }
            var unit: String?
            if let lead = p.leadUnitID { unit = try await ReferenceEntryModel.find(lead, on: db)?.name }
            if unit == nil { unit = try await unitName(p.projectID) }
            return InstructionSubject(subject: subject, title: p.title, unit: unit, projectID: p.projectID)
        case .document(let id):
            guard let d = try await DocumentModel.query(on: db).filter(\.$id == id).filter(\.$districtID == districtID)
                .filter(\.$status == .issued).first() else { return nil }
            return InstructionSubject(subject: subject, title: [d.number, d.title].compactMap { $0 }.joined(separator: " "), unit: nil, projectID: nil)
        }
    }
}
