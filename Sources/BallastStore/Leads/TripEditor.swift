import BallastCore
import Fluent
import Foundation

/// 外出招商 trips: who led, when, where, and the enterprises visited (each found or created as
/// one record). Leads produced on a trip point at it.
public struct TripEditor: Sendable {
    public var context: ProjectItemContext

    public init(context: ProjectItemContext) { self.context = context }

    public struct Fields: Sendable {
        public var kind: TripKind
        public var startedOn: CalendarDate
        public var endedOn: CalendarDate?
        public var ledBy: String
        public var destinations: String
        /// Enterprise names (a credit code may follow the name after a space or "/").
        public var enterprises: [String]
        public var note: String?

        public init(kind: TripKind, startedOn: CalendarDate, endedOn: CalendarDate?, ledBy: String, destinations: String,
                    enterprises: [String], note: String?) {
            self.kind = kind; self.startedOn = startedOn; self.endedOn = endedOn; self.ledBy = ledBy; self.destinations = destinations
            self.enterprises = enterprises; self.note = note
        }
    }

    public func create(_ f: Fields, on db: any Database) async throws -> TripModel {
        var problems: [FieldProblem] = []
        if f.startedOn > context.today { problems.append(FieldProblem("startedOn", Message(zh: "出发日期 \(f.startedOn.iso) 晚于今天", en: "The start is after today"))) }
        if let end = f.endedOn, end < f.startedOn {
            problems.append(FieldProblem("endedOn", Message(zh: "返回日期早于出发日期", en: "The trip ends before it starts")))
        }
        if f.ledBy.trimmed.isEmpty { problems.append(FieldProblem("ledBy", Message(zh: "请填写带队领导或小分队负责人", en: "Say who led the trip"))) }
        if f.destinations.trimmed.isEmpty { problems.append(FieldProblem("destinations", Message(zh: "请填写目的地", en: "Give the destinations"))) }
        var visits: [(name: String, code: String?)] = []
        for raw in f.enterprises.map(\.trimmed) where !raw.isEmpty {
            let parts = raw.split(whereSeparator: { $0 == "/" || $0 == " " || $0 == "\u{3000}" }).map(String.init)
            if parts.count > 1, let last = parts.last, last.count == 18 {
                switch CreditCode.validate(last) {
                case .success(let code): visits.append((parts.dropLast().joined(separator: " "), code))
                case .failure(let p): problems.append(FieldProblem("enterprises", Message(zh: "\(raw)：\(p.message.zh)", en: "\(raw): \(p.message.en)")))
                }
            } else {
                visits.append((raw, nil))
            }
        }
        guard problems.isEmpty else { throw ProjectItemContext.Failure.refused(problems) }
        let found = visits
        return try await db.writeTransaction { tx in
            let t = TripModel()
            t.id = UUID(); t.districtID = context.districtID; t.kind = f.kind.rawValue; t.startedOn = f.startedOn; t.endedOn = f.endedOn
            t.ledBy = f.ledBy.trimmed; t.destinations = f.destinations.trimmed; t.note = f.note?.trimmed.nilIfEmpty; t.version = 1
            try await t.create(on: tx)
            var seen = Set<UUID>()
            for v in found {
                guard let id = try await EnterpriseIndex.findOrCreate(name: v.name, creditCode: v.code, districtID: context.districtID,
                                                                      actor: context.actor, why: "外出招商 \(f.startedOn.iso)", on: tx),
                      seen.insert(id).inserted else { continue }
                try await TripVisitModel(tripID: try t.requireID(), enterpriseID: id).create(on: tx)
            }
            try await Audit.record(on: tx, districtID: context.districtID, actor: context.actor, action: "create", entity: "trip",
                                   entityID: t.id, summary: "外出招商（\(f.kind.rawValue)）\(t.ledBy) \(f.startedOn.iso) \(t.destinations)",
                                   before: Nothing?.none, after: ["kind": t.kind, "startedOn": t.startedOn.iso, "visits": String(seen.count)])
            return t
        }
    }
}
