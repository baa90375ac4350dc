import BallastCore
import Fluent
import Foundation
import SQLKit

/// 观摩讲评's work (issue 28, part 2): the office plans a tour (its day, the projects in visiting
/// order, the reviewers, on the sheet in force), each reviewer scores each project on their
/// phone during the visit, and the office closes the scoring; the result is then final and is
/// issued as the 讲评通报 (`DocumentDesk.inspectionReview`). Every write takes the district's
/// inspections lock, so a sheet never lands on a tour that closed a moment before.
public struct InspectionDesk: Sendable {
    public var context: ProjectItemContext

    public init(context: ProjectItemContext) { self.context = context }

    // MARK: Suggestions

    public struct Suggestion: Sendable, Equatable {
        public var projectID: UUID
        public var code: String
        public var name: String
        public var unit: String
        public var reasons: [InspectionSuggestion.Reason]
    }

    /// The projects `InspectionSuggestion` picks from the year's list on `day` (the colours of
    /// that day, or today's for a tour ahead).
    public func suggest(year: Int, on day: CalendarDate, db: any Database) async throws -> [Suggestion] {
        let asOf = min(day, context.today)
        let scope = DashboardQuery.Scope(districtID: context.districtID, year: year, asOf: asOf, today: context.today, scopeUnitID: nil)
        var q: SQLQueryString = "SELECT p.id, p.code, p.name, un.name AS unit, p.total_investment, yp.nature, col.colour FROM projects p"
        q += scope.portfolio()
        q += " JOIN reference_entries un ON un.id = p.unit_id LEFT JOIN "
            + (try await ColourAsOf.resolve(districtID: context.districtID, year: year, on: asOf, db: db)).subquery + " col ON col.project_id = p.id"
        q += " WHERE p.district_id = \(bind: context.districtID)"
        let rows = try await db.sql().raw(q).all()
        var names: [UUID: (code: String, name: String, unit: String)] = [:]
        let candidates = try rows.map { r -> InspectionSuggestion.Candidate<UUID> in
            let id = try r.decode(column: "id", as: UUID.self), unit = try r.decode(column: "unit", as: String.self)
            names[id] = (try r.decode(column: "code", as: String.self), try r.decode(column: "name", as: String.self), unit)
            let colour = try r.decode(column: "colour", as: String?.self)
            return .init(id: id, unit: unit, totalInvestment: try r.decode(column: "total_investment", as: Int64.self),
                         newStart: (try r.decode(column: "nature", as: String?.self) ?? "").contains("新开工"),
                         lit: colour == WarningColour.red.rawValue || colour == WarningColour.yellow.rawValue)
        }
        return InspectionSuggestion.suggest(candidates).compactMap { pick in
            names[pick.id].map { Suggestion(projectID: pick.id, code: $0.code, name: $0.name, unit: $0.unit, reasons: pick.reasons) }
        }
    }

    // MARK: Planning

    public struct Plan: Sendable, Equatable {
        public var title: String
        public var heldOn: CalendarDate?
        /// Project codes; the first is where the tour starts.
        public var projects: [String]
        /// Usernames.
        public var reviewers: [String]
        /// Reorder by the route from the first project (else the order given is the visit's).
        public var route: Bool

        public init(title: String, heldOn: CalendarDate?, projects: [String], reviewers: [String], route: Bool = true) {
            self.title = title; self.heldOn = heldOn; self.projects = projects; self.reviewers = reviewers; self.route = route
        }
    }

    public func plan(_ p: Plan, on db: any Database) async throws -> InspectionModel {
        var seen: Set<String> = [], codes: [String] = []
        for c in p.projects.map(\.trimmed) where !c.isEmpty && seen.insert(c).inserted { codes.append(c) }
        var seenUsers: Set<String> = [], usernames: [String] = []
        for u in p.reviewers.map(\.trimmed) where !u.isEmpty && seenUsers.insert(u).inserted { usernames.append(u) }
        var problems = InspectionPlan.check(title: p.title, heldOn: p.heldOn, today: context.today, stops: codes.count, reviewers: usernames.count)
        guard problems.isEmpty, let day = p.heldOn else { throw ProjectItemContext.Failure.refused(problems) }
        let districtID = context.districtID
        let projects = try await ProjectModel.query(on: db).filter(\.$district.$id == districtID).filter(\.$code ~~ codes).all()
        let byCode = Dictionary(projects.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        for (i, c) in codes.enumerated() where byCode[c] == nil {
            problems.append(FieldProblem("projects[\(i)]", Message(zh: "本区没有编号为“\(c.prefix(40))”的项目", en: "No project coded “\(c.prefix(40))” in the district")))
        }
        let users = try await UserModel.query(on: db).filter(\.$district.$id == districtID).filter(\.$username ~~ usernames).all()
        let byName = Dictionary(users.map { ($0.username, $0) }, uniquingKeysWith: { a, _ in a })
        for (i, u) in usernames.enumerated() {
            guard let user = byName[u], !user.disabled, InspectionPlan.mayReview(user.roleList) else {
                problems.append(FieldProblem("reviewers[\(i)]", Message(zh: "“\(u.prefix(40))”不是本区可参加观摩的账号", en: "“\(u.prefix(40))” is not an account of the district that may review")))
                continue
            }
        }
        guard problems.isEmpty else { throw ProjectItemContext.Failure.refused(problems) }
        let suggested = Dictionary(uniqueKeysWithValues: try await suggest(year: day.year, on: day, db: db).map { ($0.projectID, $0.reasons) })
        let current = try await InspectionSheets.current(districtID: districtID, on: db)
        let ordered = codes.compactMap { byCode[$0] }
        let visit: [(id: UUID, legKm: Double?)] = p.route
            ? InspectionRoute.order(try ordered.map { pr in
                InspectionRoute.Stop(id: try pr.requireID(), point: pr.longitude.flatMap { x in pr.latitude.map { GeoPoint(lng: x, lat: $0) } })
            })
            : try ordered.map { (try $0.requireID(), nil) }
        let context = context, chosen = codes, names = usernames
        return try await db.writeTransaction { tx in
            try await DistrictLock.take(.inspections, districtID: districtID, in: tx)
            if let other = try await InspectionModel.query(on: tx).filter(\.$districtID == districtID).filter(\.$heldOn == day).first() {
                throw ProjectItemContext.Failure.invalid(field: "heldOn", Message(zh: "\(day.iso) 已有观摩“\(other.title)”，一天只安排一次观摩",
                                                                                 en: "\(day.iso) already has the tour “\(other.title)”; one tour a day"))
            }
            let t = InspectionModel()
            t.id = UUID(); t.districtID = districtID; t.year = day.year; t.title = p.title.trimmed; t.heldOn = day; t.status = InspectionStatus.planned.rawValue
            t.sheetVersion = current.sheet.version; t.sheet = String(decoding: try JSONEncoder.sorted.encode(current.sheet), as: UTF8.self)
            t.dropExtremesFrom = current.settings.dropExtremesFrom; t.createdBy = context.actor.name; t.version = 1
            try await t.create(on: tx)
            let id = try t.requireID()
            for (i, v) in visit.enumerated() {
                let s = InspectionStopModel()
                s.id = UUID(); s.inspectionID = id; s.projectID = v.id; s.seq = i + 1; s.legKm = v.legKm
                s.reasons = (suggested[v.id] ?? []).map(\.rawValue).joined(separator: ",")
                try await s.create(on: tx)
            }
            for u in names.compactMap({ byName[$0] }) {
                let r = InspectionReviewerModel()
                r.id = UUID(); r.inspectionID = id; r.userID = try u.requireID(); r.name = u.displayName; r.unitID = u.$unit.id
                try await r.create(on: tx)
            }
            try await Audit.record(on: tx, districtID: districtID, actor: context.actor, action: "create", entity: "inspection", entityID: id,
                                   summary: "观摩 \(t.title)（\(day.iso)，\(visit.count) 个项目，\(names.count) 位评委）", before: Nothing?.none,
                                   after: ["heldOn": day.iso, "projects": chosen.joined(separator: ","), "reviewers": names.joined(separator: ",")])
            return t
        }
    }

    // MARK: Scoring

    /// One reviewer's sheet for one project, saved (again, if they change their mind) while the
    /// tour is open and from its day on. Returns the sheet's total.
    public func score(inspectionID: UUID, projectID: UUID, reviewer userID: UUID, points: InspectionScoring.Points,
                      on db: any Database) async throws -> Double {
        let districtID = context.districtID, context = context
        return try await db.writeTransaction { tx in
            try await DistrictLock.take(.inspections, districtID: districtID, in: tx)
            let t = try await InspectionQuery.tour(inspectionID, districtID: districtID, on: tx)
            guard let reviewer = try await InspectionReviewerModel.query(on: tx).filter(\.$inspectionID == inspectionID)
                .filter(\.$userID == userID).first() else {
                throw ProjectItemContext.Failure.invalid(field: "reviewer", Message(zh: "您不是这次观摩的评委", en: "You are not a reviewer of this tour"))
            }
            guard let stop = try await InspectionQuery.stops(inspectionID, on: tx).first(where: { $0.projectID == projectID }) else {
                throw ProjectItemContext.Failure.notFound(Message(zh: "这次观摩没有这个项目", en: "The tour does not visit this project"))
            }
            if t.isClosed {
                throw ProjectItemContext.Failure.invalid(field: "status", Message(zh: "观摩评分已于 \(t.closedOn?.iso ?? "") 结束，不能再打分",
                                                                                 en: "Scoring closed on \(t.closedOn?.iso ?? ""); no more scores"))
            }
            if context.today < t.heldOn {
                throw ProjectItemContext.Failure.invalid(field: "heldOn", Message(zh: "观摩定于 \(t.heldOn.iso)，当天起才能打分",
                                                                                 en: "The tour is on \(t.heldOn.iso); scoring opens that day"))
            }
            if InspectionQuery.standsAside(reviewer, stop) {
                throw ProjectItemContext.Failure.invalid(field: "project", Message(zh: "本单位的项目由其他评委打分（回避）",
                                                                                  en: "Your own unit's project is scored by the other reviewers"))
            }
            let sheet = try JSONDecoder().decode(InspectionSheet.self, from: Data(t.sheet.utf8))
            let problems = InspectionScoring.check(points, sheet: sheet)
            guard problems.isEmpty else { throw ProjectItemContext.Failure.refused(problems) }
            let total = InspectionScoring.total(points, sheet: sheet)
            // Tenths, as scored: 24.999999 from a float stays the 25 the reviewer typed.
            let kept = points.mapValues { ($0 * 10).rounded() / 10 }
            let json = String(decoding: try JSONEncoder.sorted.encode(kept), as: UTF8.self)
            let existing = try await InspectionScoreModel.query(on: tx).filter(\.$inspectionID == inspectionID)
                .filter(\.$projectID == projectID).filter(\.$userID == userID).first()
            let row = existing ?? InspectionScoreModel()
            if existing == nil { row.id = UUID(); row.inspectionID = inspectionID; row.projectID = projectID; row.userID = userID }
            let before = existing.map { ["total": $0.total] }
            row.points = json; row.total = total; row.scoredOn = context.today
            try await row.save(on: tx)
            try await Audit.record(on: tx, districtID: districtID, actor: context.actor, action: existing == nil ? "create" : "update",
                                   entity: "inspection_score", entityID: row.id, summary: "观摩打分 \(t.title) · \(stop.code) \(stop.name)：\(total) 分",
                                   before: before, after: ["total": total])
            return total
        }
    }

    // MARK: Closing

    /// 结束评分: the scores are final from today. Refused before the tour's day, and while a
    /// project has no sheet at all (it would have no score to rank).
    public func close(inspectionID: UUID, version: Int, on db: any Database) async throws -> InspectionModel {
        let districtID = context.districtID, context = context
        return try await db.writeTransaction { tx in
            try await DistrictLock.take(.inspections, districtID: districtID, in: tx)
            let t = try await InspectionQuery.tour(inspectionID, districtID: districtID, on: tx)
            if t.isClosed {
                throw ProjectItemContext.Failure.invalid(field: "status", Message(zh: "已于 \(t.closedOn?.iso ?? "") 结束评分", en: "Scoring closed on \(t.closedOn?.iso ?? "") already"))
            }
            if context.today < t.heldOn {
                throw ProjectItemContext.Failure.invalid(field: "heldOn", Message(zh: "观摩定于 \(t.heldOn.iso)，尚未举行", en: "The tour is on \(t.heldOn.iso); it has not been held"))
            }
            let results = try await InspectionResults.build(t, on: tx)
            if let missing = results.unscored.first {
                throw ProjectItemContext.Failure.invalid(field: "scores", Message(
                    zh: "还有 \(results.unscored.count) 个项目无人打分（如 \(missing.code) \(missing.name)），不能结束评分",
                    en: "\(results.unscored.count) projects have no score yet (e.g. \(missing.code)); scoring cannot close"))
            }
            try await context.update(t, version: version, action: "close-scoring", entity: "inspection", in: tx, before: ["status": InspectionStatus.planned.rawValue], change: { t in
                t.status = InspectionStatus.closed.rawValue; t.closedOn = context.today
            }, after: { _ in ["status": InspectionStatus.closed.rawValue] }, summary: { "观摩 \($0.title) 结束评分" })
            return t
        }
    }
}
