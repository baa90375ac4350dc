import BallastCore
import Fluent
import Foundation

/// Files on a problem: whoever may see a problem and works problems may attach one (PDF, image,
/// Word or Excel, up to 10 MB); whoever may see it may download it. Attaching is audited.
public struct ProblemAttachments: Sendable {
    public var context: ProjectItemContext

    public init(context: ProjectItemContext) { self.context = context }

    public static let maxBytes = 10 * 1024 * 1024
    static let types: [String: String] = ["pdf": "application/pdf", "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png",
                                          "doc": "application/msword", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                          "xls": "application/vnd.ms-excel", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]

    /// The content type for an accepted file name, and nil; or nil and why it is refused.
    public static func check(fileName: String, size: Int) -> (type: String?, problem: FieldProblem?) {
        let ext = (fileName.split(separator: ".").last.map(String.init) ?? "").lowercased()
        guard fileName.contains("."), let type = types[ext] else {
            return (nil, FieldProblem("file", Message(zh: "附件须为 PDF、图片、Word 或 Excel 文件，实为“\(fileName)”", en: "Attach a PDF, image, Word or Excel file, not “\(fileName)”")))
        }
        if size == 0 { return (nil, FieldProblem("file", Message(zh: "附件为空", en: "The file is empty"))) }
        if size > maxBytes { return (nil, FieldProblem("file", Message(zh: "附件超过 10 MB", en: "The file is over 10 MB"))) }
        return (type, nil)
    }

    public func attach(problemID: UUID, fileName: String, bytes: Data, on db: any Database) async throws -> ProblemAttachmentModel {
        let name = String(fileName.trimmed.split(separator: "/").last ?? "").prefix(120)
        let checked = Self.check(fileName: String(name), size: bytes.count)
        guard let type = checked.type else { throw ProjectItemContext.Failure.refused([checked.problem].compactMap { $0 }) }
        return try await db.writeTransaction { tx in
            let p = try await ProblemEditor(context: context, supervisor: false).problem(problemID, on: tx)
            let a = ProblemAttachmentModel()
            a.id = UUID(); a.problemID = problemID; a.fileName = String(name); a.contentType = type; a.size = bytes.count; a.bytes = bytes
            a.uploadedBy = context.actor.name; a.uploadedAt = Date()
            try await a.create(on: tx)
            try await Audit.record(on: tx, districtID: context.districtID, actor: context.actor, action: "create", entity: "problem-attachment",
                                   entityID: a.id, summary: "问题 \(p.title) 附件 \(a.fileName)", before: Nothing?.none,
                                   after: ["file": a.fileName, "size": String(a.size)])
            return a
        }
    }

    /// The attachment, if its problem is one the caller may see.
    public func attachment(_ id: UUID, problemID: UUID, on db: any Database) async throws -> ProblemAttachmentModel {
        _ = try await ProblemEditor(context: context, supervisor: false).problem(problemID, on: db)
        guard let a = try await ProblemAttachmentModel.query(on: db).filter(\.$id == id).filter(\.$problemID == problemID).first() else {
            throw ProjectItemContext.Failure.notFound(Message(zh: "附件不存在", en: "No such attachment"))
        }
        return a
    }

    /// Name, size, who and when: the list without the bytes.
    public static func list(problemID: UUID, on db: any Database) async throws -> [(id: UUID, fileName: String, size: Int, uploadedBy: String, uploadedAt: Date)] {
        try await ProblemAttachmentModel.query(on: db).filter(\.$problemID == problemID).sort(\.$uploadedAt)
            .field(\.$id).field(\.$fileName).field(\.$size).field(\.$uploadedBy).field(\.$uploadedAt).all()
            .map { (try $0.requireID(), $0.fileName, $0.size, $0.uploadedBy, $0.uploadedAt) }
    }
}
