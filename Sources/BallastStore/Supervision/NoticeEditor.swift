import BallastCore
import Fluent
import Foundation
import SQLKit

/// 催办单: issuing a numbered notice to a late unit (by hand, or by `NoticeGenerator`), and the
/// unit acknowledging it. Numbers run per district and year without gaps or repeats: the next
/// is taken from `NumberAllocator` in the transaction that writes the notice.
public struct NoticeEditor: Sendable {
    public var context: ProjectItemContext

    public init(context: ProjectItemContext) { self.context = context }

    static let notFound = ProjectItemContext.Failure.notFound(Message(zh: "催办单不存在", en: "No such notice"))

    /// `approval`: a 前期手续 step past its promised time, to its approving department.
    public enum Subject: String, Sendable, CaseIterable { case problem, decision, instruction, report, approval, other }

    public struct Draft: Sendable {
        public var unitID: UUID
        public var subject: Subject
        public var problemID: UUID?
        public var subjectKey: String?
        public var item: String
        public var originalDeadline: CalendarDate?
        /// Nil: `NoticeRule.graceDays` working days on.
        public var newDeadline: CalendarDate?
        public var automatic: Bool

        public init(unitID: UUID, subject: Subject, problemID: UUID? = nil, subjectKey: String? = nil, item: String,
                    originalDeadline: CalendarDate? = nil, newDeadline: CalendarDate? = nil, automatic: Bool = false) {
            self.unitID = unitID; self.subject = subject; self.problemID = problemID; self.subjectKey = subjectKey; self.item = item
            self.originalDeadline = originalDeadline; self.newDeadline = newDeadline; self.automatic = automatic
        }
    }

    public func issue(_ draft: Draft, on db: any Database) async throws -> NoticeModel {
        try await db.writeTransaction { tx in try await issue(draft, in: tx) }
    }

    /// Issues inside the caller's transaction (the generator issues a night's notices in one):
    /// the number comes from `NumberAllocator` in that transaction.
    func issue(_ draft: Draft, in tx: any Database) async throws -> NoticeModel {
        let item = draft.item.trimmed
        var problems: [FieldProblem] = []
        if item.isEmpty { problems.append(FieldProblem("item", Message(zh: "请写明催办事项", en: "Say what is late"))) }
        if item.count > 2000 { problems.append(FieldProblem("item", Message(zh: "催办事项超过 2000 个字", en: "The item is over 2000 characters"))) }
        if let d = draft.newDeadline, d < context.today {
            problems.append(FieldProblem("newDeadline", Message(zh: "新时限 \(d.iso) 早于今天", en: "The new deadline \(d.iso) is before today")))
        }
        guard problems.isEmpty else { throw ProjectItemContext.Failure.refused(problems) }
        let settings = try await SupervisionSettings.load(districtID: context.districtID, on: tx)
        let newDeadline = draft.newDeadline ?? NoticeRule.newDeadline(from: context.today, calendar: settings.calendar)
        guard let district = try await DistrictModel.find(context.districtID, on: tx) else { throw Self.notFound }
        guard try await ReferenceEntryModel.query(on: tx).filter(\.$id == draft.unitID).filter(\.$district.$id == context.districtID)
            .filter(\.$kind == ReferenceKind.unit.rawValue).first() != nil else {
            throw ProjectItemContext.Failure.invalid(field: "unit", Message(zh: "被催办单位不在本区单位名单中", en: "The unit is not on the district's list"))
        }
        let year = context.today.year
        let seq = try await NumberAllocator.next(.notice, districtID: context.districtID, year: year, in: tx)
        let n = NoticeModel()
        n.id = UUID(); n.districtID = context.districtID; n.year = year; n.seq = seq
        n.number = NoticeNumber.format(prefix: NoticeNumber.prefix(districtName: district.name), year: year, sequence: seq)
        n.unitID = draft.unitID; n.subject = draft.subject.rawValue; n.problemID = draft.problemID; n.subjectKey = draft.subjectKey
        n.item = item; n.originalDeadline = draft.originalDeadline; n.newDeadline = newDeadline
        n.issuedOn = context.today; n.issuedBy = context.actor.name; n.automatic = draft.automatic; n.version = 1
        // It goes out now: the style in force is the one it keeps.
        n.issuedStyle = try await DocumentStyles.frozen(districtID: context.districtID, districtName: district.name, on: tx)
        try await n.create(on: tx)
        try await Notifier.send(.init(districtID: context.districtID, kind: .notice, title: "\(n.number)：\(String(item.prefix(60)))",
                                      link: Site.notice.link(n.idString), units: [draft.unitID]), on: tx)
        try await Audit.record(on: tx, districtID: context.districtID, actor: context.actor, action: "create", entity: "notice",
                               entityID: n.id, summary: "催办单 \(n.number)", before: Nothing?.none,
                               after: ["number": n.number, "item": n.item, "newDeadline": n.newDeadline.iso])
        return n
    }

    /// 签收: the notified unit's own users, once.
    public func acknowledge(id: UUID, version: Int, on db: any Database) async throws -> NoticeModel {
        try await db.writeTransaction { tx in
            let n = try await notice(id, on: tx)
            try await context.update(n, version: version, action: "acknowledge", entity: "notice", in: tx, before: ["acknowledgedOn": n.acknowledgedOn?.iso],
                                     change: { n in
                guard context.scopeUnitID == n.unitID else {
                    throw ProjectItemContext.Failure.invalid(field: "action", Message(zh: "只有被催办单位可以签收", en: "Only the unit notified acknowledges"))
                }
                if let acknowledged = n.acknowledgedOn {
                    throw ProjectItemContext.Failure.invalid(field: "action", Message(zh: "催办单已于 \(acknowledged) 签收", en: "Acknowledged on \(acknowledged) already"))
                }
                n.acknowledgedOn = context.today; n.acknowledgedBy = context.actor.name
            }, after: { ["acknowledgedOn": $0.acknowledgedOn?.iso] }, summary: { "催办单 \($0.number) 签收" })
            return n
        }
    }

    /// The notice, if it is the district's and (for a unit) addressed to the unit.
    public func notice(_ id: UUID, on db: any Database) async throws -> NoticeModel {
        var q = NoticeModel.query(on: db).filter(\.$id == id).filter(\.$districtID == context.districtID)
        if let scope = context.scopeUnitID { q = q.filter(\.$unitID == scope) }
        guard let n = try await q.first() else { throw Self.notFound }
        return n
    }
}
