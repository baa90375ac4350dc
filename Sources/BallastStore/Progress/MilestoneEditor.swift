import BallastCore
import Fluent
import Foundation

/// 节点计划 edits: add, change, remove nodes of a project's year, and apply the district
/// template. Reaching 开工, 竣工 or 投产 (an actual date entered) moves the project's stage
/// forward, dated on that actual date. Every change checks the version read and is audited.
public struct MilestoneEditor: Sendable {
    public var context: ProjectItemContext

    public init(context: ProjectItemContext) { self.context = context }

    public struct Fields: Sendable {
        public var name: String
        public var planned: CalendarDate
        public var actual: CalendarDate?
        public var unit: String?
        /// Position in the year's list; appended at the end when nil.
        public var seq: Int?

        public init(name: String, planned: CalendarDate, actual: CalendarDate?, unit: String?, seq: Int? = nil) {
            self.name = name; self.planned = planned; self.actual = actual; self.unit = unit; self.seq = seq
        }
    }

    /// What a change did: the node as saved, and the stage the project moved to, if it moved.
    public struct Saved: Sendable {
        public var milestone: MilestoneModel
        public var movedTo: LifecycleStage?
    }

    struct Snapshot: Encodable {
        var name: String, planned: String, actual: String?, unit: String?, seq: Int
        init(_ m: MilestoneModel, unit: String?) { name = m.name; planned = m.planned.iso; actual = m.actual?.iso; self.unit = unit; seq = m.seq }
    }

    /// A project's nodes for a year, in order.
    public static func nodes(projectID: UUID, year: Int, on db: any Database) async throws -> [MilestoneModel] {
        try await MilestoneModel.query(on: db).filter(\.$project.$id == projectID).filter(\.$year == year).sort(\.$seq).all()
    }

    public func add(projectID: UUID, year: Int, _ f: Fields, on db: any Database) async throws -> Saved {
        try await db.writeTransaction { tx in
            let p = try await context.project(projectID, on: tx)
            let m = MilestoneModel()
            m.id = UUID(); m.districtID = context.districtID; m.$project.id = projectID; m.year = year; m.version = 1
            let last = try await MilestoneModel.query(on: tx).filter(\.$project.$id == projectID).filter(\.$year == year)
                .sort(\.$seq, .descending).first()?.seq ?? 0
            try await fill(m, f, defaultSeq: last + 1, on: tx)
            try await m.create(on: tx)
            try await Audit.record(on: tx, districtID: context.districtID, actor: context.actor, action: "create", entity: "milestone",
                                   entityID: m.id, summary: "\(p.code) \(year) \(m.name)", before: Snapshot?.none,
                                   after: Snapshot(m, unit: f.unit))
            let moved = try await moveStage(p, reaching: m, on: tx)
            try await context.recolour(m.year, in: tx)
            return Saved(milestone: m, movedTo: moved)
        }
    }

    public func update(id: UUID, version: Int, _ f: Fields, on db: any Database) async throws -> Saved {
        try await db.writeTransaction { tx in
            let (m, p) = try await node(id, on: tx)
            let before = Snapshot(m, unit: nil)
            try await context.update(m, version: version, entity: "milestone", in: tx, before: before,
                                     change: { try await fill($0, f, defaultSeq: $0.seq, on: tx) },
                                     after: { Snapshot($0, unit: f.unit) }, summary: { "\(p.code) \($0.year) \($0.name)" })
            let moved = before.actual == nil ? try await moveStage(p, reaching: m, on: tx) : nil
            try await context.recolour(m.year, in: tx)
            return Saved(milestone: m, movedTo: moved)
        }
    }

    public func delete(id: UUID, version: Int, on db: any Database) async throws {
        try await db.writeTransaction { tx in
            let (m, p) = try await node(id, on: tx)
            try await context.delete(m, version: version, entity: "milestone", in: tx, snapshot: Snapshot(m, unit: nil),
                                     summary: "\(p.code) \(m.year) \(m.name)")
            try await context.recolour(m.year, in: tx)
        }
    }

    /// The template's nodes for a project that has none for the year yet; returns how many were added.
    public func applyTemplate(_ template: MilestoneTemplate, projectID: UUID, year: Int, on db: any Database) async throws -> Int {
        try await db.writeTransaction { tx in
            let p = try await context.project(projectID, on: tx)
            guard try await MilestoneModel.query(on: tx).filter(\.$project.$id == projectID).filter(\.$year == year).count() == 0 else { return 0 }
            let nodes = try Self.nodes(template, project: p, year: year, districtID: context.districtID)
            try await BulkInsert.insert(nodes, on: tx)
            if !nodes.isEmpty {
                try await Audit.record(on: tx, districtID: context.districtID, actor: context.actor, action: "create", entity: "milestone",
                                       entityID: projectID, summary: "\(p.code) \(year) 套用节点模板（\(nodes.count) 个节点）",
                                       before: Nothing?.none, after: nodes.map { Snapshot($0, unit: nil) })
                try await context.recolour(year, in: tx)
            }
            return nodes.count
        }
    }

    /// Template nodes as rows, dated from the project's ledger dates.
    static func nodes(_ template: MilestoneTemplate, project p: ProjectModel, year: Int, districtID: UUID) throws -> [MilestoneModel] {
        try template.plan(year: year, plannedStart: p.plannedStart,
                      plannedEnd: p.plannedEnd, stage: p.lifecycleStage).map { n in
            let m = MilestoneModel()
            m.id = UUID(); m.districtID = districtID; m.$project.id = try p.requireID(); m.year = year; m.seq = n.seq
            m.name = n.name; m.planned = n.planned; m.unitID = p.$unit.id; m.version = 1
            return m
        }
    }

    func node(_ id: UUID, on db: any Database) async throws -> (MilestoneModel, ProjectModel) {
        guard let m = try await MilestoneModel.query(on: db).filter(\.$id == id).filter(\.$districtID == context.districtID).first()
        else { throw ProjectItemContext.Failure.itemNotFound }
        return (m, try await context.project(m.$project.id, on: db))
    }

    func fill(_ m: MilestoneModel, _ f: Fields, defaultSeq: Int, on db: any Database) async throws {
        m.name = try ProjectItemContext.name(f.name)
        try context.notFuture(f.actual, field: "actual")
        m.planned = f.planned
        m.actual = f.actual
        m.seq = f.seq ?? defaultSeq
        m.unitID = try await context.unitID(named: f.unit, on: db) ?? m.unitID
    }

    /// 开工 reached → 在建, and so on; recorded as a stage change on the actual date.
    func moveStage(_ p: ProjectModel, reaching m: MilestoneModel, on db: any Database) async throws -> LifecycleStage? {
        guard let actual = m.actual, let next = MilestoneStage.advance(from: p.lifecycleStage, reaching: m.name) else { return nil }
        let from = p.stage
        p.stage = next.rawValue
        p.version += 1
        try await p.update(on: db)
        try await StageChangeModel(projectID: try p.requireID(), from: from, to: next.rawValue, effectiveOn: actual,
                                   actor: context.actor.name, note: "节点完成：\(m.name)").create(on: db)
        try await StageHistory.relink(projects: [try p.requireID()], on: db)
        try await Audit.record(on: db, districtID: context.districtID, actor: context.actor, action: "update", entity: "project",
                               entityID: p.id, summary: "\(p.code) 项目阶段 \(from) → \(next.rawValue)（\(m.name) \(actual)）",
                               before: ["stage": from], after: ["stage": next.rawValue])
        if next == .underConstruction {
            // The day it started is the day the statistics rule counts from (入库纳统).
            try await StatisticsEditor(context: context).noteStart(p, on: actual, in: db)
        }
        return next
    }
}
