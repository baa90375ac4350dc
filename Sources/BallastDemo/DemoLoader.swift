import BallastCore
import BallastStore
import Fluent
import BallastApp
import Foundation
import Vapor

/// Loads the demo district through the same writer an import uses.
public enum DemoLoader {
    /// Returns false, changing nothing, when the demo district is already there.
    @discardableResult
    public static func loadIfEmpty(on db: any Database, passwordHashing: any PasswordHashes, logger: Logger,
                            asOf snapshot: DemoSnapshot = .midYear) async throws -> Bool {
        if try await Districts.find(code: DemoDistrict.code, on: db) != nil { return false }
        let actor = ChangeActor(name: "demo", role: "system")
        // One hash for the six demo users: they share the documented demo password.
        let demoHash = try await passwordHashing.hash(DemoUsers.password)
        try await db.writeTransaction { tx in
            let district = DistrictModel(id: UUID(), code: DemoDistrict.code, name: DemoDistrict.name,
                                         frozenOn: snapshot.day)
            district.divisionCode = DemoDistrict.divisionCode
            try await district.create(on: tx)
            let id = try district.requireID()
            var entries: [ReferenceEntryModel] = []
            for (i, c) in DemoFigures.categories.enumerated() {
                entries.append(ReferenceEntryModel(districtID: id, kind: .category, year: DemoFigures.year, name: c.name, sort: i + 1))
            }
            for (i, z) in (DemoFigures.axes + DemoFigures.areas).enumerated() {
                entries.append(ReferenceEntryModel(districtID: id, kind: .zone, year: DemoFigures.year, name: z, sort: i + 1))
            }
            for (i, u) in DemoFigures.units.enumerated() {
                entries.append(ReferenceEntryModel(districtID: id, kind: .unit, year: 0, name: u.name, variant: u.variant, sort: i + 1))
            }
            for (i, l) in DemoFigures.leaders.enumerated() {
                entries.append(ReferenceEntryModel(districtID: id, kind: .leader, year: 0, name: l, sort: i + 1))
            }
            for (i, t) in DemoFigures.taskForces.enumerated() {
                entries.append(ReferenceEntryModel(districtID: id, kind: .taskForce, year: 0, name: t, sort: i + 1))
            }
            try await entries.create(on: tx)
            // No template: the demo brings Erqi's recorded milestones (DemoProgress).
            let writer = LedgerWriter(districtID: id, year: DemoFigures.year, actor: actor,
                                      today: CalendarDate(year: 2023, month: 1, day: 1)!, milestoneTemplate: nil)
            let ledger = DemoDistrict.records()
            let report = try await writer.apply(ledger, on: tx)
            try await loadProgress(ledger.filter { $0.annualPlan != nil }, through: snapshot, districtID: id, actor: actor, on: tx)
            let portfolio = ledger.filter { $0.annualPlan != nil }
            try await DemoPhotos.load(portfolio, districtID: id, year: DemoFigures.year, month: snapshot.day.month, on: tx)
            if snapshot == .midYear {
                try await DemoPhotos.submitPending(portfolio, districtID: id, year: DemoFigures.year, month: snapshot.day.month, on: tx)
            }
            let ids = Dictionary(try await ProjectModel.query(on: tx).filter(\.$district.$id == id).all().map { ($0.code, $0.id!) },
                                 uniquingKeysWith: { a, _ in a })
            try await DemoPromotion.assignChains(districtID: id, on: tx)
            try await DemoCampaign.load(ledger, asOf: snapshot.day, districtID: id, ids: ids, on: tx)
            try await DemoPromotion.load(ledger, districtID: id, on: tx)
            try await DemoPipelineHistory.load(districtID: id, on: tx)
            // The users first: the supervision loop's notices reach their inboxes.
            try await DemoUsers.create(districtID: id, passwordHash: demoHash, on: tx)
            try await DemoSupervision.load(ledger, districtID: id, ids: ids, on: tx)
            try await MapLayers.upload(districtID: id, year: DemoFigures.year, geojson: DemoMap.geojson(), actor: actor, on: tx)
            // Last, so that the first half above is the mid-year demo's to the row.
            if snapshot == .yearEnd {
                try await DemoPipelineYearEnd.load(districtID: id, on: tx)
                try await DemoPromotionSecondHalf.load(districtID: id, on: tx)
            }
            logger.info("demo district loaded: \(report.created.count) projects")
        }
        if let district = try await DistrictModel.query(on: db).filter(\.$code == DemoDistrict.code).first() {
            // Judged at each month's end, as the nightly job would have: the lights have a
            // history (a project red since March, another newly yellow in June) for the weekly
            // bulletin and the rankings to read, and end where the half-year's figures put them.
            for month in 1...snapshot.day.month {
                let end = CalendarDate(year: DemoFigures.year, month: month, day: CalendarDate.daysIn(month: month, year: DemoFigures.year))!
                try await WarningEngine.recompute(districtID: try district.requireID(), year: DemoFigures.year, asOf: min(end, snapshot.day), on: db)
            }
            try await DemoStatistics.load(districtID: try district.requireID(), snapshot: snapshot, on: db)
            try await DemoElements.load(districtID: try district.requireID(), snapshot: snapshot, on: db)
            // After the colours: the tour's suggestions read the lights of its day.
            try await DemoInspection.load(districtID: try district.requireID(), on: db)
            // Decided on the mid-year day for 3 July: nothing of the half-year changes with them.
            if snapshot == .midYear { try await DemoPlanChanges.load(districtID: try district.requireID(), on: db) }
        }
        return true
    }

    /// Reports to the snapshot's month, milestones and approvals, through the same writer an import uses.
    static func loadProgress(_ portfolio: [LedgerRecord], through snapshot: DemoSnapshot, districtID: UUID, actor: ChangeActor,
                             on db: any Database) async throws {
        let progress = try await ProgressWriter(districtID: districtID, actor: actor).apply(DemoProgress.reports(portfolio, through: snapshot), on: db)
        guard progress.applied else { throw DemoError.invalid(progress.issues.prefix(3).map(\.message.zh).joined(separator: "; ")) }
        let ids = Dictionary(try await ProjectModel.query(on: db).filter(\.$district.$id == districtID).all().map { ($0.code, $0.id!) },
                             uniquingKeysWith: { a, _ in a })
        var milestones: [MilestoneModel] = []
        for (code, nodes) in DemoProgress.milestones(portfolio, through: snapshot) {
            for n in nodes {
                let m = MilestoneModel()
                m.id = UUID(); m.districtID = districtID; m.$project.id = ids[code]!; m.year = DemoFigures.year
                m.seq = n.seq; m.name = n.name; m.planned = n.planned; m.actual = n.actual; m.version = 1
                milestones.append(m)
            }
        }
        try await MilestoneModel.insertAll(milestones, on: db)
        var approvals: [ApprovalItemModel] = []
        var place: [String: Int] = [:], numbers: [String: Int] = [:]
        for a in DemoProgress.approvals(portfolio) {
            let item = ApprovalItemModel()
            item.id = UUID(); item.districtID = districtID; item.$project.id = ids[a.code]!; item.year = DemoFigures.year
            item.name = a.name; item.department = a.department; item.target = a.target; item.actual = a.actual; item.version = 1
            // The chain (the demo's own figures): in order, applied for a little less than the
            // promised time before the approval, numbered by the approving office.
            let seq = (place[a.code] ?? 0) + 1
            place[a.code] = seq
            item.seq = seq
            item.promisedDays = a.promisedDays
            item.applied = a.actual.adding(days: -(a.promisedDays - seq % 3))
            let n = (numbers[a.numberPrefix] ?? 0) + 1
            numbers[a.numberPrefix] = n
            item.approvalNo = "\(a.numberPrefix)〔2023〕\(n)号"
            item.dueOn = ApprovalClock(calendar: .weekdaysOnly).due(item.step)
            approvals.append(item)
        }
        try await approvals.create(on: db)
    }

    enum DemoError: Error { case invalid(String) }
}

extension DemoLoader {
    /// `serve --demo`: the demo district in an empty database, and its users in the log.
    public static func serveDemo(_ app: Application, asOf snapshot: DemoSnapshot = .midYear) async throws {
        try await loadIfEmpty(on: app.db, passwordHashing: app.passwordHashes, logger: app.logger, asOf: snapshot)
        let names = DemoUsers.accounts.map(\.username).joined(separator: ", ")
        app.logger.notice("演示用户 / demo users: \(names) — 密码 / password \(DemoUsers.password)")
    }
}
