import BallastCore
import Foundation

/// A project and its year plan as the audit trail stores them: the ledger's own fields, by name.
public struct ProjectSnapshot: Codable, Sendable, Equatable {
    public var code: String
    public var name: String
    public var category: String
    public var level: String?
    public var nature: String?
    public var zone: String?
    public var unit: String
    public var leader: String?
    public var taskForce: String?
    public var stage: String
    public var totalInvestmentYuan: Int64
    public var annualPlanYuan: Int64?
    public var plannedStart: String?
    public var plannedEnd: String?
    public var investor: String?
    public var creditCode: String?
    public var longitude: Double?
    public var latitude: Double?
    public var content: String?
    public var projectCode: String?

    public init(_ r: LedgerRecord) {
        code = r.code; name = r.name; category = r.category; level = r.level; nature = r.nature?.rawValue
        zone = r.zone; unit = r.unit; leader = r.leader; taskForce = r.taskForce; stage = r.stage.rawValue
        totalInvestmentYuan = r.totalInvestment.yuan; annualPlanYuan = r.annualPlan?.yuan
        plannedStart = r.plannedStart?.iso; plannedEnd = r.plannedEnd?.iso; investor = r.investor
        creditCode = r.creditCode; longitude = r.longitude; latitude = r.latitude; content = r.content
        projectCode = r.projectCode
    }
}
