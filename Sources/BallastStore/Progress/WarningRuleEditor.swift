import BallastCore
import Fluent
import Foundation

/// The district's warning thresholds for a year change only as a new version (never an edit),
/// audited, with the year recoloured under it in the same transaction.
public struct WarningRuleEditor: Sendable {
    public var context: ProjectItemContext

    public init(context: ProjectItemContext) { self.context = context }

    /// What the audit entry shows of a version.
    struct Snapshot: Encodable {
        var year: Int, version: Int, blueLagPoints: Int, yellowLagPoints: Int, blueLateDays: Int, yellowLateDays: Int
        var statsYellowMonths: Int, statsRedMonths: Int
        init(year: Int, _ t: WarningThresholds) {
            self.year = year; version = t.version; blueLagPoints = t.blueLagPoints; yellowLagPoints = t.yellowLagPoints
            blueLateDays = t.blueLateDays; yellowLateDays = t.yellowLateDays
            statsYellowMonths = t.statsYellowMonths; statsRedMonths = t.statsRedMonths
        }
    }

    /// Stores `wanted` (its version is ignored) as the year's next version and recolours the year.
    @discardableResult
    public func save(year: Int, _ wanted: WarningThresholds, on db: any Database) async throws -> WarningThresholds {
        if let problem = wanted.problem {
            let field = wanted.statsYellowMonths < 1 ? "statsYellowMonths"
                : wanted.statsRedMonths < wanted.statsYellowMonths || wanted.statsRedMonths > StatisticsRule.maxMonths ? "statsRedMonths" : "yellowLagPoints"
            throw ProjectItemContext.Failure.invalid(field: field, problem)
        }
        return try await db.writeTransaction { tx in
            let current = try await WarningEngine.thresholds(districtID: context.districtID, year: year, on: tx)
            var next = wanted
            next.version = current.version + 1
            let rule = WarningRuleModel()
            rule.id = UUID(); rule.districtID = context.districtID; rule.year = year; rule.version = next.version
            rule.blueLag = next.blueLagPoints; rule.yellowLag = next.yellowLagPoints
            rule.blueDays = next.blueLateDays; rule.yellowDays = next.yellowLateDays
            rule.statsYellowMonths = next.statsYellowMonths; rule.statsRedMonths = next.statsRedMonths
            rule.createdBy = context.actor.name; rule.createdAt = Date()
            try await rule.create(on: tx)
            try await Audit.record(on: tx, districtID: context.districtID, actor: context.actor, action: "update", entity: "warning-rule",
                                   entityID: rule.id, summary: "\(year)年预警规则 第\(next.version)版",
                                   before: Snapshot(year: year, current), after: Snapshot(year: year, next))
            try await context.recolour(year, in: tx)
            return next
        }
    }
}
