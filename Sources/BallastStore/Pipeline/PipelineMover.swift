import BallastCore
import Fluent
import Foundation

/// Moves a project between the four pools (or out), as `PoolMove` allows: checks the version
/// read, the step's evidence and who may skip or go back; records the step with its date,
/// actor and evidence; links the investor to its enterprise record; audits.
public struct PipelineMover: Sendable {
    public var context: ProjectItemContext
    /// The caller holds the project office's right to skip a pool and to move back.
    public var office: Bool

    public init(context: ProjectItemContext, office: Bool) { self.context = context; self.office = office }

    public enum Failure: Error, Equatable, Sendable {
        case refused([PoolMove.Problem])
    }

    /// The district's exit reasons: its own list once it keeps one, else the defaults.
    public static func exitReasons(districtID: UUID, on db: any Database) async throws -> [String] {
        let own = try await ReferenceEntryModel.query(on: db).filter(\.$district.$id == districtID)
            .filter(\.$kind == ReferenceKind.exitReason.rawValue).sort(\.$sort).sort(\.$name).all().map(\.name)
        return own.isEmpty ? PoolMove.defaultExitReasons : own
    }

    @discardableResult
    public func move(projectID: UUID, version: Int, to: LifecycleStage, on date: CalendarDate?, evidence: PoolMove.Evidence,
                     on db: any Database) async throws -> ProjectModel {
        try await db.writeTransaction { tx in
            let p = try await context.project(projectID, on: tx)
            let from = p.lifecycleStage
            let day = date ?? context.today
            // The edit claims the version first: a move made meanwhile changed the stage the rule is judged on.
            try await context.update(p, version: version, entity: "project", in: tx, before: ["stage": from.rawValue], change: { p in
                let problems = PoolMove.check(from: from, to: to, evidence: evidence, on: day, today: context.today, office: office,
                                              exitReasons: try await Self.exitReasons(districtID: context.districtID, on: tx))
                guard problems.isEmpty else { throw Failure.refused(problems) }
                p.stage = to.rawValue
                if to == .exited { p.exitReason = evidence.exitReason?.trimmed }
                if let investor = evidence.investor?.trimmed, !investor.isEmpty, investor != p.investor {
                    p.enterpriseID = try await EnterpriseIndex.findOrCreate(name: investor, creditCode: nil, districtID: context.districtID,
                                                                            actor: context.actor, why: "\(p.code) \(to.rawValue)", on: tx)
                    p.investor = investor
                    p.creditCode = nil
                }
                if to == .landed, let start = evidence.plannedStart { p.plannedStart = start }
            }, after: { _ in evidence }, summary: { "\($0.code) \(from.rawValue) → \(to.rawValue)（\(day.iso)）" })
            let change = StageChangeModel(projectID: projectID, from: from.rawValue, to: to.rawValue, effectiveOn: day,
                                          actor: context.actor.name, note: Self.note(from: from, to: to, evidence))
            change.evidence = String(decoding: try JSONEncoder.sorted.encode(evidence), as: UTF8.self)
            try await change.create(on: tx)
            try await StageHistory.relink(projects: [projectID], on: tx)
            // A move in or out of 在建 changes who is judged: the current year is recoloured.
            try await context.recolour(context.today.year, in: tx)
            return p
        }
    }

    /// The step as the project's history reads it.
    static func note(from: LifecycleStage, to: LifecycleStage, _ e: PoolMove.Evidence) -> String {
        switch to {
        case .exited: return "退出：\(e.exitReason ?? "")"
        case .signed where (LifecycleStage.pools.firstIndex(of: from) ?? 9) < 2:
            return "签约 \(e.investor ?? "")，合同金额 \(e.contractAmount.map { $0.formatted(in: .wan) } ?? "") 万元"
        case .landed where (LifecycleStage.pools.firstIndex(of: from) ?? 9) < 3:
            return "落地：\(e.registeredCompany ?? "")，\(e.site ?? "")"
        default:
            return "四库流转 \(from.rawValue) → \(to.rawValue)"
        }
    }
}

extension JSONEncoder {
    /// Keys in order, so the same evidence is always the same text.
    public static var sorted: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }
}

extension PipelineMover.Failure: DomainFailure {
    public var status: Int { 422 }
    /// A skip or a move back is the office's; the rest is missing or wrong evidence.
    public var code: String {
        guard case .refused(let problems) = self else { return "invalid" }
        return problems.allSatisfy(\.officeMay) ? "office_only" : "invalid"
    }
    public var message: Message {
        guard case .refused(let problems) = self, !problems.isEmpty else { return Message(zh: "不能这样流转", en: "This move is not allowed") }
        return Message(zh: problems.map(\.message.zh).joined(separator: "；"), en: problems.map(\.message.en).joined(separator: "; "))
    }
    public var field: String? {
        guard case .refused(let problems) = self else { return nil }
        return problems.first?.field
    }
    public var details: [LedgerIssue] {
        guard case .refused(let problems) = self else { return [] }
        return problems.map { LedgerIssue(row: 0, column: $0.field, message: $0.message) }
    }
}
