import Foundation

/// One validated row of a ledger: typed, checked, ready to be stored.
public struct LedgerRecord: Sendable, Equatable {
    public var row: Int
    public var code: String
    public var name: String
    public var category: String
    public var level: String
    public var nature: ProjectNature?
    public var zone: String?
    public var unit: String
    public var leader: String?
    public var taskForce: String?
    public var stage: LifecycleStage
    public var totalInvestment: Money
    /// Nil means the project is listed in the ledger but outside the year's portfolio.
    public var annualPlan: Money?
    public var plannedStart: CalendarDate?
    public var plannedEnd: CalendarDate?
    public var investor: String?
    public var creditCode: String?
    public var longitude: Double?
    public var latitude: Double?
    public var content: String?
    /// 项目代码 on the national approval platform, as validated (`ProjectCode`).
    public var projectCode: String?

    public init(row: Int, code: String, name: String, category: String, level: String, nature: ProjectNature? = nil,
                zone: String? = nil, unit: String, leader: String? = nil, taskForce: String? = nil,
                stage: LifecycleStage, totalInvestment: Money, annualPlan: Money? = nil,
                plannedStart: CalendarDate? = nil, plannedEnd: CalendarDate? = nil, investor: String? = nil,
                creditCode: String? = nil, longitude: Double? = nil, latitude: Double? = nil, content: String? = nil,
                projectCode: String? = nil) {
        self.row = row; self.code = code; self.name = name; self.category = category; self.level = level
        self.nature = nature; self.zone = zone; self.unit = unit; self.leader = leader; self.taskForce = taskForce
        self.stage = stage; self.totalInvestment = totalInvestment; self.annualPlan = annualPlan
        self.plannedStart = plannedStart; self.plannedEnd = plannedEnd; self.investor = investor
        self.creditCode = creditCode; self.longitude = longitude; self.latitude = latitude; self.content = content
        self.projectCode = projectCode
    }

    /// The cells of this record in export order, money in 万元, as `exportHeaders` names them.
    public var exportCells: [String] {
        LedgerColumn.allCases.map { column in
            switch column {
            case .code: code
            case .name: name
            case .category: category
            case .level: level
            case .nature: nature?.rawValue ?? ""
            case .zone: zone ?? ""
            case .unit: unit
            case .leader: leader ?? ""
            case .taskForce: taskForce ?? ""
            case .stage: stage.rawValue
            case .totalInvestment: totalInvestment.formatted(in: .wan)
            case .annualPlan: annualPlan?.formatted(in: .wan) ?? ""
            case .plannedStart: plannedStart?.iso ?? ""
            case .plannedEnd: plannedEnd?.iso ?? ""
            case .investor: investor ?? ""
            case .creditCode: creditCode ?? ""
            case .longitude: longitude.map(Coordinate.format) ?? ""
            case .latitude: latitude.map(Coordinate.format) ?? ""
            case .content: content ?? ""
            case .projectCode: projectCode ?? ""
            }
        }
    }

    public static var exportHeaders: [String] { LedgerColumn.allCases.map(\.exportHeader) }
}

public enum Coordinate {
    /// Six decimals is about 0.1 m: enough for a site, and short enough to round-trip as text.
    public static func format(_ value: Double) -> String {
        var s = String(format: "%.6f", value)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    public static func parse(_ text: String) -> Double? {
        guard let v = Double(text.trimmed), v.isFinite else { return nil }
        return (v * 1_000_000).rounded() / 1_000_000
    }
}
