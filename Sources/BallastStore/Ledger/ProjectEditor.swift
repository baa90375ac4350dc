import BallastCore
import Fluent
import Foundation

/// Single-project changes from a form or the API. They take the importer's path, so a project
/// entered by hand is stored, named and audited exactly as an imported one.
public struct ProjectEditor: Sendable {
    public var writer: LedgerWriter

    /// A project planned here joins the year's portfolio on the writer's day, not on 1 January.
    public init(writer: LedgerWriter) {
        self.writer = writer
        self.writer.addsOneByOne = true
    }

    public enum Failure: Error, Equatable, Sendable {
        case notFound
        case codeTaken(String)
        case versionConflict(current: Int?)
        case invalid([LedgerIssue])
        /// The project has records that would go with it (counts by kind, in Chinese and English).
        case hasRecords([(zh: String, en: String)])

        public static func == (a: Failure, b: Failure) -> Bool {
            switch (a, b) {
            case (.notFound, .notFound): true
            case let (.codeTaken(x), .codeTaken(y)): x == y
            case let (.versionConflict(x), .versionConflict(y)): x == y
            case let (.invalid(x), .invalid(y)): x == y
            case let (.hasRecords(x), .hasRecords(y)): x.map(\.zh) == y.map(\.zh)
            default: false
            }
        }
    }

    /// Why a stage cannot be changed by editing: the pools and exits have rules and evidence
    /// (`PipelineMover`), construction stages follow the milestones (`MilestoneEditor`), and a
    /// stage changed through the edit form once bypassed them all (issue 19).
    public static let stageByEditIssue = LedgerIssue(row: 1, column: LedgerColumn.stage.exportHeader, message: Message(
        zh: "项目阶段不能在编辑中修改：四库之间的流转和退出请在项目页“四库流转”中办理（须提交相应材料），在建之后的阶段随节点完成而变更",
        en: "The stage is not changed by editing: moves between the pools and exits go through the project's pool move (with their evidence), and construction stages follow the milestones"))

    public func create(_ record: LedgerRecord, on db: any Database) async throws -> UUID {
        try await db.writeTransaction { tx in
            if try await ProjectModel.query(on: tx).filter(\.$district.$id == writer.districtID)
                .filter(\.$code == record.code).first() != nil {
                throw Failure.codeTaken(record.code)
            }
            let report = try await writer.apply([record], on: tx)
            if !report.issues.isEmpty { throw Failure.invalid(report.issues) }
            guard let p = try await ProjectModel.query(on: tx).filter(\.$district.$id == writer.districtID)
                .filter(\.$code == record.code).first(), let id = p.id else { throw Failure.notFound }
            return id
        }
    }

    /// Applies `record` to the project if it is still at `version`; otherwise nothing changes.
    public func update(id: UUID, version: Int, with record: LedgerRecord, on db: any Database) async throws {
        try await db.writeTransaction { tx in
            guard let project = try await ProjectModel.query(on: tx).filter(\.$id == id)
                .filter(\.$district.$id == writer.districtID).first() else { throw Failure.notFound }
            try await EditContext(districtID: writer.districtID, actor: writer.actor).claim(project, version: version, in: tx,
                                                                                           conflict: Failure.versionConflict(current:))
            if record.stage.rawValue != project.stage { throw Failure.invalid([Self.stageByEditIssue]) }
            if record.code != project.code {
                if try await ProjectModel.query(on: tx).filter(\.$district.$id == writer.districtID)
                    .filter(\.$code == record.code).first() != nil {
                    throw Failure.codeTaken(record.code)
                }
                try await Audit.record(on: tx, districtID: writer.districtID, actor: writer.actor, action: "update",
                                       entity: "project", entityID: id, summary: "项目编号 \(project.code) → \(record.code)",
                                       before: ["code": project.code], after: ["code": record.code])
                project.code = record.code
                try await project.update(on: tx)
            }
            var claimed = writer
            claimed.bumpsVersion = false
            let report = try await claimed.apply([record], on: tx)
            if !report.issues.isEmpty { throw Failure.invalid(report.issues) }
        }
    }

    public func delete(id: UUID, version: Int, on db: any Database) async throws {
        try await db.writeTransaction { tx in
            guard let project = try await ProjectModel.query(on: tx).filter(\.$id == id)
                .filter(\.$district.$id == writer.districtID).first() else { throw Failure.notFound }
            // A project with history (`ProjectHistory`) is not deleted: it exits instead.
            let held = try await ProjectHistory.held([id], on: tx)
            if !held.isEmpty { throw Failure.hasRecords(held.map { ("\($0.projects.count) 条\($0.zh)", "\($0.projects.count) \($0.en)") }) }
            let names = try await writer.namesByID(on: tx)
            let plan = try await YearPlanModel.query(on: tx).filter(\.$project.$id == id).filter(\.$year == writer.year).first()
            let before = writer.snapshot(project, plan: plan, names: names)
            try await YearPlanModel.query(on: tx).filter(\.$project.$id == id).delete()
            try await StageChangeModel.query(on: tx).filter(\.$project.$id == id).delete()
            // A stale version is refused here and takes the deletions above back with the transaction.
            try await EditContext(districtID: writer.districtID, actor: writer.actor).delete(
                project, version: version, entity: "project", in: tx, conflict: Failure.versionConflict(current:),
                snapshot: before, summary: "\(project.code) \(project.name)")
        }
    }
}

extension ProjectEditor.Failure: DomainFailure {
    public var status: Int {
        switch self {
        case .notFound: 404
        case .codeTaken, .versionConflict, .hasRecords: 409
        case .invalid: 422
        }
    }
    public var code: String {
        switch self {
        case .notFound: "not_found"
        case .codeTaken: "code_taken"
        case .versionConflict: "version_conflict"
        case .invalid: "invalid"
        case .hasRecords: "has_records"
        }
    }
    public var message: Message {
        switch self {
        case .notFound: Message(zh: "项目不存在", en: "No such project")
        case .codeTaken(let code): Message(zh: "项目编号“\(code)”已被使用", en: "Project code “\(code)” is already in use")
        case .versionConflict(let current): Refusal.versionConflict(current: current)
        case .invalid(let issues): issues.first?.message ?? Message(zh: "数据无效", en: "Invalid data")
        case .hasRecords(let held):
            Message(zh: "该项目已有\(held.map(\.zh).joined(separator: "、"))，不能删除；项目终止请在“四库流转”中退出",
                    en: "The project has \(held.map(\.en).joined(separator: ", ")) and cannot be deleted; a project that ends exits through a pool move")
        }
    }
    public var field: String? {
        switch self {
        case .codeTaken: "code"
        case .versionConflict: "version"
        case .invalid(let issues): issues.first?.column
        case .notFound, .hasRecords: nil
        }
    }
    public var details: [LedgerIssue] {
        if case .invalid(let issues) = self { return issues }
        return []
    }
}
