import BallastCore
import Fluent
import Foundation
import SQLKit

/// Creating, changing and merging enterprise records. A credit code belongs to one live record;
/// a name already on another record is refused unless the caller confirms it is a different
/// enterprise. Merging moves every reference to the surviving record and keeps the merged one,
/// pointing at it. Versions are checked and every change is audited.
public struct EnterpriseEditor: Sendable {
    public var districtID: UUID
    public var actor: ChangeActor
    /// A unit's user edits only enterprises whose projects are all the unit's own: an
    /// enterprise's name and code are written onto its projects, and another unit's projects
    /// are not this user's to change (issue 19). Nil: the whole district.
    public var scopeUnitID: UUID?

    public init(districtID: UUID, actor: ChangeActor, scopeUnitID: UUID? = nil) {
        self.districtID = districtID; self.actor = actor; self.scopeUnitID = scopeUnitID
    }

    public enum Failure: Error, Equatable, Sendable {
        case notFound
        case invalid([EnterpriseRecord.Issue])
        case creditCodeTaken(existing: UUID, name: String)
        case possibleDuplicate(existing: UUID, name: String)
        case versionConflict(current: Int?)
        case mergeIntoItself
        case alreadyMerged(into: UUID)
        /// The enterprise has projects of other units than the editing user's.
        case othersProjects(count: Int)
    }

    struct Snapshot: Encodable {
        var name: String, creditCode: String?, industry: String?, address: String?, aboveScale: Bool
        var contactName: String?, contactPhone: String?, serviceOfficial: String?
        init(_ e: EnterpriseModel) {
            name = e.name; creditCode = e.creditCode; industry = e.industry; address = e.address; aboveScale = e.aboveScale
            contactName = e.contactName; contactPhone = e.contactPhone; serviceOfficial = e.serviceOfficial
        }
    }

    func live(_ id: UUID, on db: any Database) async throws -> EnterpriseModel {
        guard let e = try await EnterpriseModel.query(on: db).filter(\.$id == id).filter(\.$districtID == districtID).first()
        else { throw Failure.notFound }
        if let into = e.mergedInto { throw Failure.alreadyMerged(into: into) }
        return e
    }

    /// Another live record with this code, or (unless confirmed) this name.
    func checkDuplicates(_ r: EnterpriseRecord, except id: UUID?, confirmName: Bool, on db: any Database) async throws {
        if let code = r.creditCode {
            var q = EnterpriseModel.query(on: db).filter(\.$districtID == districtID).filter(\.$creditCode == code)
            if let id { q = q.filter(\.$id != id) }
            if let other = try await q.first() { throw Failure.creditCodeTaken(existing: try other.requireID(), name: other.name) }
        }
        guard !confirmName else { return }
        var q = EnterpriseModel.query(on: db).filter(\.$districtID == districtID).filter(\.$nameKey == EnterpriseName.key(r.name))
            .filter(\.$mergedInto == nil)
        if let id { q = q.filter(\.$id != id) }
        if let other = try await q.first() { throw Failure.possibleDuplicate(existing: try other.requireID(), name: other.name) }
    }

    static func fill(_ e: EnterpriseModel, _ r: EnterpriseRecord) {
        e.name = r.name; e.nameKey = EnterpriseName.key(r.name); e.creditCode = r.creditCode; e.industry = r.industry
        e.address = r.address; e.aboveScale = r.aboveScale; e.contactName = r.contactName; e.contactPhone = r.contactPhone
        e.serviceOfficial = r.serviceOfficial
    }

    public func create(_ r: EnterpriseRecord, confirmName: Bool = false, on db: any Database) async throws -> EnterpriseModel {
        try await db.writeTransaction { tx in
            try await checkDuplicates(r, except: nil, confirmName: confirmName, on: tx)
            let e = EnterpriseModel()
            e.id = UUID(); e.districtID = districtID; e.version = 1
            Self.fill(e, r)
            try await e.create(on: tx)
            try await Audit.record(on: tx, districtID: districtID, actor: actor, action: "create", entity: "enterprise", entityID: e.id,
                                   summary: e.name, before: Snapshot?.none, after: Snapshot(e))
            return e
        }
    }

    public func update(id: UUID, version: Int, _ r: EnterpriseRecord, confirmName: Bool = false, on db: any Database) async throws -> EnterpriseModel {
        try await db.writeTransaction { tx in
            let e = try await live(id, on: tx)
            let projects = try await ProjectModel.query(on: tx).filter(\.$enterpriseID == id).filter(\.$district.$id == districtID).all()
            if let scopeUnitID {
                let others = projects.filter { $0.$unit.id != scopeUnitID }.count
                if others > 0 { throw Failure.othersProjects(count: others) }
            }
            try await checkDuplicates(r, except: id, confirmName: confirmName || EnterpriseName.key(r.name) == e.nameKey, on: tx)
            try await EditContext(districtID: districtID, actor: actor).update(
                e, version: version, entity: "enterprise", in: tx, conflict: Failure.versionConflict(current:), before: Snapshot(e),
                change: { Self.fill($0, r) }, after: Snapshot.init, summary: \.name)
            // The projects naming it follow its name and code, so the ledger reads the same; each
            // such project is changed like any other: its version advances and its trail says why.
            for p in projects where p.investor != e.name || p.creditCode != e.creditCode {
                let was = ["investor": p.investor ?? "", "creditCode": p.creditCode ?? ""]
                p.investor = e.name; p.creditCode = e.creditCode; p.version += 1
                try await p.update(on: tx)
                try await Audit.record(on: tx, districtID: districtID, actor: actor, action: "update", entity: "project", entityID: p.id,
                                       summary: "\(p.code) 建设单位随企业记录更新为 \(e.name)", before: was,
                                       after: ["investor": e.name, "creditCode": e.creditCode ?? ""])
            }
            return e
        }
    }

    /// Merges `sourceID` into `targetID`: references move, the target takes the source's credit
    /// code if it has none, the source is kept as merged. Returns how many projects moved.
    public func merge(_ sourceID: UUID, into targetID: UUID, sourceVersion: Int, on db: any Database) async throws -> Int {
        guard sourceID != targetID else { throw Failure.mergeIntoItself }
        return try await db.writeTransaction { tx in
            let source = try await live(sourceID, on: tx)
            let target = try await live(targetID, on: tx)
            try await EditContext(districtID: districtID, actor: actor).claim(source, version: sourceVersion, in: tx,
                                                                             conflict: Failure.versionConflict(current:))
            let code = source.creditCode
            source.mergedInto = targetID
            source.creditCode = nil
            try await source.update(on: tx)
            if target.creditCode == nil, let code {
                target.creditCode = code
                target.version += 1
                try await target.update(on: tx)
            }
            // Each moved project is changed like any other: its version advances and its trail says why.
            let movedProjects = try await ProjectModel.query(on: tx).filter(\.$enterpriseID == sourceID).all()
            let moved = movedProjects.count
            for p in movedProjects {
                let was = ["investor": p.investor ?? "", "creditCode": p.creditCode ?? ""]
                p.enterpriseID = targetID; p.investor = target.name; p.creditCode = target.creditCode; p.version += 1
                try await p.update(on: tx)
                try await Audit.record(on: tx, districtID: districtID, actor: actor, action: "update", entity: "project", entityID: p.id,
                                       summary: "\(p.code) 建设单位随企业合并改为 \(target.name)", before: was,
                                       after: ["investor": target.name, "creditCode": target.creditCode ?? ""])
            }
            // Its leads and trip visits follow; a trip that visited both keeps one visit.
            try await LeadModel.query(on: tx).filter(\.$enterpriseID == sourceID).set(\.$enterpriseID, to: targetID).update()
            let visitedBoth = try await TripVisitModel.query(on: tx).filter(\.$enterpriseID == targetID).all().map(\.tripID)
            if !visitedBoth.isEmpty {
                try await TripVisitModel.query(on: tx).filter(\.$enterpriseID == sourceID).filter(\.$tripID ~~ visitedBoth).delete()
            }
            try await TripVisitModel.query(on: tx).filter(\.$enterpriseID == sourceID).set(\.$enterpriseID, to: targetID).update()
            try await Audit.record(on: tx, districtID: districtID, actor: actor, action: "merge", entity: "enterprise", entityID: sourceID,
                                   summary: "\(source.name) → \(target.name)（\(moved) 个项目）",
                                   before: ["name": source.name, "creditCode": code ?? ""],
                                   after: ["mergedInto": targetID.uuidString, "projectsMoved": String(moved)])
            return moved
        }
    }
}

extension EnterpriseEditor.Failure: DomainFailure {
    public var status: Int {
        switch self {
        case .notFound: 404
        case .invalid, .mergeIntoItself: 422
        case .creditCodeTaken, .possibleDuplicate, .versionConflict, .alreadyMerged: 409
        case .othersProjects: 403
        }
    }
    public var code: String {
        switch self {
        case .notFound: "not_found"
        case .invalid, .mergeIntoItself: "invalid"
        case .creditCodeTaken: "duplicate_credit_code"
        case .possibleDuplicate: "possible_duplicate"
        case .versionConflict: "version_conflict"
        case .othersProjects: "forbidden"
        case .alreadyMerged: "merged"
        }
    }
    /// Duplicates name the record that is already there.
    public var message: Message {
        switch self {
        case .notFound: Message(zh: "企业不存在", en: "No such enterprise")
        case .invalid(let issues): issues.first?.message ?? Message(zh: "数据无效", en: "Invalid data")
        case .creditCodeTaken(let id, let name):
            Message(zh: "该统一社会信用代码已属于“\(name)”（\(id)）", en: "That credit code already belongs to “\(name)” (\(id))")
        case .possibleDuplicate(let id, let name):
            Message(zh: "已有同名企业“\(name)”（\(id)）；如确为不同企业，请勾选确认后再保存",
                    en: "An enterprise named “\(name)” exists (\(id)); confirm it is a different one to save")
        case .versionConflict(let current): Refusal.versionConflict(current: current)
        case .mergeIntoItself: Message(zh: "不能把企业合并到它自己", en: "An enterprise cannot be merged into itself")
        case .othersProjects(let count):
            Message(zh: "该企业还关联其他单位的 \(count) 个项目，只能由项目办修改", en: "This enterprise has \(count) projects of other units; only the project office may change it")
        case .alreadyMerged(let into): Message(zh: "该企业已合并到 \(into)", en: "This enterprise was merged into \(into)")
        }
    }
    public var field: String? {
        switch self {
        case .invalid(let issues): issues.first?.field
        case .creditCodeTaken: "creditCode"
        case .possibleDuplicate: "name"
        case .versionConflict: "version"
        case .mergeIntoItself: "into"
        case .alreadyMerged: "id"
        case .notFound, .othersProjects: nil
        }
    }
}
