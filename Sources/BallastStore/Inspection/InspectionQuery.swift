import BallastCore
import Fluent
import Foundation
import SQLKit

/// Reading 观摩: a year's tours with their progress, one tour's stops in visiting order, and
/// what each reviewer owes (every stop but their own unit's: 回避).
public enum InspectionQuery {
    public struct Stop: Sendable, Equatable {
        public var projectID: UUID
        public var seq: Int
        public var code: String
        public var name: String
        public var unit: String
        public var unitID: UUID
        public var address: String?
        public var point: GeoPoint?
        public var reasons: [InspectionSuggestion.Reason]
        public var legKm: Double?
    }

    public struct Summary: Sendable, Equatable {
        public var id: UUID
        public var title: String
        public var heldOn: CalendarDate
        public var closed: Bool
        public var closedOn: CalendarDate?
        public var stops: Int
        public var reviewers: Int
        public var scored: Int
        public var owed: Int
        public var createdBy: String
    }

    static let notFound = ProjectItemContext.Failure.notFound(Message(zh: "观摩不存在", en: "No such tour"))

    public static func tour(_ id: UUID, districtID: UUID, on db: any Database) async throws -> InspectionModel {
        guard let t = try await InspectionModel.query(on: db).filter(\.$id == id).filter(\.$districtID == districtID).first() else { throw notFound }
        return t
    }

    public static func stops(_ inspectionID: UUID, on db: any Database) async throws -> [Stop] {
        let rows = try await db.sql().raw("""
            SELECT s.project_id, s.seq, s.reasons, s.leg_km, p.code, p.name, p.address, p.longitude, p.latitude, p.unit_id, un.name AS unit
            FROM inspection_stops s JOIN projects p ON p.id = s.project_id JOIN reference_entries un ON un.id = p.unit_id
            WHERE s.inspection_id = \(bind: inspectionID) ORDER BY s.seq
            """).all()
        return try rows.map { r in
            let lng = try r.decode(column: "longitude", as: Double?.self), lat = try r.decode(column: "latitude", as: Double?.self)
            return Stop(projectID: try r.decode(column: "project_id", as: UUID.self), seq: try r.decode(column: "seq", as: Int.self),
                        code: try r.decode(column: "code", as: String.self), name: try r.decode(column: "name", as: String.self),
                        unit: try r.decode(column: "unit", as: String.self), unitID: try r.decode(column: "unit_id", as: UUID.self),
                        address: try r.decode(column: "address", as: String?.self),
                        point: lng.flatMap { x in lat.map { GeoPoint(lng: x, lat: $0) } },
                        reasons: try r.decode(column: "reasons", as: String.self).split(separator: ",").compactMap { InspectionSuggestion.Reason(rawValue: String($0)) },
                        legKm: try r.decode(column: "leg_km", as: Double?.self))
        }
    }

    /// Per reviewer, the projects they score: every stop but their own unit's.
    public static func owed(stops: [Stop], reviewers: [InspectionReviewerModel]) -> [UUID: Set<UUID>] {
        var out: [UUID: Set<UUID>] = [:]
        for r in reviewers { out[r.userID] = Set(stops.filter { !standsAside(r, $0) }.map(\.projectID)) }
        return out
    }

    /// Whether the reviewer must stand aside for this project, their own unit's (回避): the one rule.
    public static func standsAside(_ reviewer: InspectionReviewerModel, _ stop: Stop) -> Bool {
        reviewer.unitID != nil && reviewer.unitID == stop.unitID
    }

    /// The year's tours, latest first, with their progress (sheets in ÷ sheets owed).
    public static func list(districtID: UUID, year: Int, on db: any Database) async throws -> [Summary] {
        let tours = try await InspectionModel.query(on: db).filter(\.$districtID == districtID).filter(\.$year == year)
            .sort(\.$heldOn, .descending).limit(200).all()
        var out: [Summary] = []
        for t in tours {
            let id = try t.requireID()
            let stops = try await stops(id, on: db)
            let reviewers = try await InspectionReviewerModel.query(on: db).filter(\.$inspectionID == id).all()
            let owed = owed(stops: stops, reviewers: reviewers)
            let scored = try await InspectionScoreModel.query(on: db).filter(\.$inspectionID == id).count()
            out.append(Summary(id: id, title: t.title, heldOn: t.heldOn, closed: t.isClosed, closedOn: t.closedOn, stops: stops.count,
                               reviewers: reviewers.count, scored: scored, owed: owed.values.reduce(0) { $0 + $1.count }, createdBy: t.createdBy))
        }
        return out
    }

    /// The tours in which `userID` is a reviewer and scoring is open: for their 工作台.
    public static func reviewing(districtID: UUID, userID: UUID, on db: any Database) async throws -> [InspectionModel] {
        let mine = try await InspectionReviewerModel.query(on: db).filter(\.$userID == userID).all().map(\.inspectionID)
        guard !mine.isEmpty else { return [] }
        return try await InspectionModel.query(on: db).filter(\.$districtID == districtID).filter(\.$id ~~ mine)
            .filter(\.$status == InspectionStatus.planned.rawValue).sort(\.$heldOn).all()
    }

    /// One reviewer's sheets on a tour, by project.
    public static func sheets(_ inspectionID: UUID, userID: UUID, on db: any Database) async throws -> [UUID: InspectionScoring.Points] {
        let rows = try await InspectionScoreModel.query(on: db).filter(\.$inspectionID == inspectionID).filter(\.$userID == userID).all()
        var out: [UUID: InspectionScoring.Points] = [:]
        for r in rows { out[r.projectID] = try JSONDecoder().decode(InspectionScoring.Points.self, from: Data(r.points.utf8)) }
        return out
    }

    /// The 工作台's 观摩 rows: for a reviewer, a tour within a week of its day (or past it) with
    /// projects still to score, due on its day; for the office, a tour held and not yet closed.
    public static func work(districtID: UUID, username: String?, office: Bool, today: CalendarDate, on db: any Database) async throws -> [WorkItem] {
        var out: [WorkItem] = []
        if let username, let user = try await UserModel.query(on: db).filter(\.$district.$id == districtID).filter(\.$username == username).first(),
           let uid = user.id {
            for t in try await reviewing(districtID: districtID, userID: uid, on: db) where t.heldOn <= today.adding(days: 7) {
                let id = try t.requireID()
                let stops = try await stops(id, on: db)
                let reviewers = try await InspectionReviewerModel.query(on: db).filter(\.$inspectionID == id).filter(\.$userID == uid).all()
                let owed = owed(stops: stops, reviewers: reviewers)[uid] ?? []
                let done = Set(try await sheets(id, userID: uid, on: db).keys)
                let left = owed.subtracting(done).count
                guard left > 0 else { continue }
                out.append(WorkItem(kind: .inspection, title: Message(zh: "观摩打分：\(t.title)（还有 \(left) 个项目）", en: "Score the tour “\(t.title)” (\(left) projects left)"),
                                    url: Site.inspection.link(id), due: t.heldOn, overdue: t.heldOn < today, count: left))
            }
        }
        if office {
            let open = try await InspectionModel.query(on: db).filter(\.$districtID == districtID).filter(\.$status == InspectionStatus.planned.rawValue)
                .filter(\.$heldOn < today).sort(\.$heldOn).limit(20).all()
            for t in open {
                out.append(WorkItem(kind: .inspection, title: Message(zh: "结束评分：\(t.title)", en: "Close the scoring of “\(t.title)”"),
                                    url: Site.inspection.link(try t.requireID()), due: t.heldOn, overdue: false, count: 1))
            }
        }
        return out
    }
}
