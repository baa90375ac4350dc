import BallastCore
import Fluent
import Foundation

/// A 观摩's result: every visited project's combined score and rank, every unit's, and what
/// each came from (the reviewers, the totals dropped, each item's mean). Built from the stored
/// sheets by `InspectionScoring`, the one rule; frozen as the 讲评通报's content when issued.
public struct InspectionResults: Sendable, Codable, Equatable {
    public struct Reviewer: Sendable, Codable, Equatable {
        public var name: String
        public var scored: Int
        public var owed: Int
    }

    public struct ProjectRow: Sendable, Codable, Equatable {
        public var projectID: UUID
        public var seq: Int
        public var code: String
        public var name: String
        public var unit: String
        /// Nil until a reviewer has scored it.
        public var score: Double?
        public var rank: Int?
        public var reviewers: Int
        public var dropped: [Double]
        /// Each item's mean over every reviewer, two decimals, by item key.
        public var itemMeans: [String: Double]
    }

    public struct UnitRow: Sendable, Codable, Equatable {
        public var unit: String
        public var score: Double
        public var rank: Int
        public var projects: Int
    }

    public var inspectionID: UUID
    public var title: String
    /// ISO days, as every date of the API and of stored documents is written.
    public var heldOn: String
    public var closedOn: String?
    public var sheet: InspectionSheet
    public var dropExtremesFrom: Int
    public var reviewers: [Reviewer]
    /// By rank; the unscored last, in visiting order.
    public var projects: [ProjectRow]
    public var units: [UnitRow]

    public var unscored: [ProjectRow] { projects.filter { $0.score == nil } }

    public static func build(_ tour: InspectionModel, on db: any Database) async throws -> InspectionResults {
        let id = try tour.requireID()
        let sheet = try JSONDecoder().decode(InspectionSheet.self, from: Data(tour.sheet.utf8))
        let settings = InspectionScoring.Settings(dropExtremesFrom: tour.dropExtremesFrom)
        let stops = try await InspectionQuery.stops(id, on: db)
        let reviewers = try await InspectionReviewerModel.query(on: db).filter(\.$inspectionID == id).sort(\.$name).all()
        let scores = try await InspectionScoreModel.query(on: db).filter(\.$inspectionID == id).all()
        let decoder = JSONDecoder()
        var rows: [ProjectRow] = []
        for s in stops {
            let mine = scores.filter { $0.projectID == s.projectID }
            let combined = InspectionScoring.combine(mine.map(\.total), settings: settings)
            var means: [String: Double] = [:]
            let points = mine.compactMap { try? decoder.decode(InspectionScoring.Points.self, from: Data($0.points.utf8)) }
            for item in sheet.items { means[item.key] = InspectionScoring.mean(points.map { $0[item.key] ?? 0 }) }
            rows.append(ProjectRow(projectID: s.projectID, seq: s.seq, code: s.code, name: s.name, unit: s.unit, score: combined.score, rank: nil,
                                   reviewers: combined.reviewers, dropped: combined.dropped, itemMeans: means))
        }
        let ranked = InspectionScoring.rank(rows.compactMap { r in r.score.map { (id: r.projectID, name: r.code, score: $0) } })
        let rankOf = Dictionary(uniqueKeysWithValues: ranked.map { ($0.id, $0.rank) })
        for i in rows.indices { rows[i].rank = rankOf[rows[i].projectID] }
        rows.sort { a, b in
            switch (a.rank, b.rank) {
            case let (x?, y?): return x != y ? x < y : a.code < b.code
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.seq < b.seq
            }
        }
        var byUnit: [String: [Double]] = [:]
        for r in rows { if let s = r.score { byUnit[r.unit, default: []].append(s) } }
        let unitScores = byUnit.compactMap { unit, scores in InspectionScoring.unitScore(scores).map { (id: unit, name: unit, score: $0) } }
        let units = InspectionScoring.rank(unitScores).map { UnitRow(unit: $0.id, score: $0.score, rank: $0.rank, projects: byUnit[$0.id]?.count ?? 0) }
        let owed = InspectionQuery.owed(stops: stops, reviewers: reviewers)
        return InspectionResults(
            inspectionID: id, title: tour.title, heldOn: tour.heldOn.iso, closedOn: tour.closedOn?.iso, sheet: sheet, dropExtremesFrom: tour.dropExtremesFrom,
            reviewers: reviewers.map { r in
                Reviewer(name: r.name, scored: scores.filter { $0.userID == r.userID }.count, owed: owed[r.userID]?.count ?? 0)
            },
            projects: rows, units: units)
    }
}
