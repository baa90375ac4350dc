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

    /// Not found in the district: the same refusal the editor gives.
    public static func load(_ subject: Instruction.Subject, districtID: UUID, on db: any Database) async throws -> InstructionSubject {
        func unitName(_ projectID: UUID?) async throws -> String? {
            guard let projectID, let p = try await ProjectModel.query(on: db).filter(\.$id == projectID).filter(\.$district.$id == districtID).first()
            else { return nil }
            return try await ReferenceEntryModel.find(p.$unit.id, on: db)?.name
        }
        switch subject {
        case .project(let id):
            if let p = try await ProjectModel.query(on: db).filter(\.$id == id).filter(\.$district.$id == districtID).first() {
                return InstructionSubject(subject: subject, title: "\(p.code) \(p.name)", unit: try await unitName(id), projectID: id)
            }
            throw ProjectItemContext.Failure.notFound(Message(zh: "项目不存在", en: "No such project"))
        case .problem(let id):
            if let p = try await ProblemModel.query(on: db).filter(\.$id == id).filter(\.$districtID == districtID).first(),
               p.kind != ProblemKind.instruction.rawValue {
                var unit: String?
                if let lead = p.leadUnitID { unit = try await ReferenceEntryModel.find(lead, on: db)?.name }
                if unit == nil { unit = try await unitName(p.projectID) }
                return InstructionSubject(subject: subject, title: p.title, unit: unit, projectID: p.projectID)
            }
            throw ProjectItemContext.Failure.notFound(Message(zh: "问题或议定事项不存在", en: "No such problem or decision"))
        case .document(let id):
            if let d = try await DocumentModel.query(on: db).filter(\.$id == id).filter(\.$districtID == districtID).filter(\.$status == .issued).first() {
                return InstructionSubject(subject: subject, title: [d.number, d.title].compactMap { $0 }.joined(separator: " "), unit: nil, projectID: nil)
            }
            throw ProjectItemContext.Failure.notFound(Message(zh: "文件不存在或尚未印发", en: "No such issued document"))
        }
    }
}
