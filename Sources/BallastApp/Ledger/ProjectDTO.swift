import BallastCore
import BallastStore
import Vapor

/// A project in API bodies: money in 万元 (numbers), dates as YYYY-MM-DD.
struct ProjectDTO: Content {
    var id: UUID?
    var version: Int?
    var year: Int?
    var code: String
    var name: String
    var category: String
    var level: String?
    var nature: String?
    var zone: String?
    var unit: String
    var leader: String?
    var taskForce: String?
    var stage: String
    var totalInvestment: Double
    var annualPlan: Double?
    var plannedStart: String?
    var plannedEnd: String?
    var investor: String?
    var creditCode: String?
    var longitude: Double?
    var latitude: Double?
    var content: String?
    /// 项目代码 on the national approval platform (`ProjectCode`).
    var projectCode: String?
}

struct ProjectListItemDTO: Content {
    var id: UUID
    var version: Int
    var code: String
    var name: String
    var category: String
    var unit: String
    var stage: String
    var totalInvestment: Double
    var level: String?
    var nature: String?
    var zone: String?
    var annualPlan: Double?

    init(_ r: ProjectRow) {
        id = r.id; version = r.version; code = r.code; name = r.name; category = r.category; unit = r.unit
        stage = r.stage.rawValue; totalInvestment = r.totalInvestment.rounded(in: .wan, places: 4)
        level = r.level; nature = r.nature?.rawValue; zone = r.zone
        annualPlan = r.annualPlan?.rounded(in: .wan, places: 4)
    }
}

struct ProjectPageDTO: Content {
    var items: [ProjectListItemDTO]
    var total: Int
    var page: Int
    var perPage: Int
}

struct ProjectDetailDTO: Content {
    struct Plan: Content {
        var year: Int
        var level: String
        var nature: String?
        var zone: String?
        var annualPlan: Double?
        var version: Int
    }
    struct Stage: Content {
        var from: String?
        var to: String
        var effectiveOn: String
        var actor: String
        var note: String?
    }
    var project: ProjectDTO
    var plans: [Plan]
    var stageHistory: [Stage]

    init(_ d: ProjectDetail) {
        let r = d.record
        project = ProjectDTO(
            id: d.id, version: d.version, year: d.plans.first?.year, code: r.code, name: r.name, category: r.category,
            level: r.level.isEmpty ? nil : r.level, nature: r.nature?.rawValue, zone: r.zone, unit: r.unit,
            leader: r.leader, taskForce: r.taskForce, stage: r.stage.rawValue,
            totalInvestment: r.totalInvestment.rounded(in: .wan, places: 4),
            annualPlan: r.annualPlan?.rounded(in: .wan, places: 4), plannedStart: r.plannedStart?.iso,
            plannedEnd: r.plannedEnd?.iso, investor: r.investor, creditCode: r.creditCode, longitude: r.longitude,
            latitude: r.latitude, content: r.content, projectCode: r.projectCode)
        plans = d.plans.map { Plan(year: $0.year, level: $0.level, nature: $0.nature?.rawValue, zone: $0.zone,
                                   annualPlan: $0.annualPlan?.rounded(in: .wan, places: 4), version: $0.version) }
        stageHistory = d.stages.map { Stage(from: $0.from?.rawValue, to: $0.to.rawValue, effectiveOn: $0.effectiveOn.iso,
                                            actor: $0.actor, note: $0.note) }
    }
}

extension ProjectDTO {
    /// Checks the body with the same validator as an import, so the API accepts exactly what
    /// a ledger file would. Numbers are turned into the decimal text a spreadsheet cell holds.
    func validated(knownLevels: Set<String>, division: String?) throws -> LedgerRecord {
        func money(_ v: Double?) -> String { v.map { Coordinate.format($0) } ?? "" }
        let cells: [LedgerColumn: String] = [
            .code: code, .name: name, .category: category, .level: level ?? "", .nature: nature ?? "",
            .zone: zone ?? "", .unit: unit, .leader: leader ?? "", .taskForce: taskForce ?? "", .stage: stage,
            .totalInvestment: money(totalInvestment), .annualPlan: money(annualPlan),
            .plannedStart: plannedStart ?? "", .plannedEnd: plannedEnd ?? "", .investor: investor ?? "",
            .creditCode: creditCode ?? "", .longitude: longitude.map(Coordinate.format) ?? "",
            .latitude: latitude.map(Coordinate.format) ?? "", .content: content ?? "", .projectCode: projectCode ?? "",
        ]
        return try FormValidation.record(from: cells, knownLevels: knownLevels, division: division)
    }
}

/// Validation of a single record from a form or a JSON body, reported by field.
enum FormValidation {
    static func record(from cells: [LedgerColumn: String], knownLevels: Set<String>, division: String?) throws -> LedgerRecord {
        let columns = LedgerColumn.allCases
        let table = SheetTable(header: columns.map(\.rawValue), rows: [(number: 2, cells: columns.map { cells[$0] ?? "" })])
        let outcome = LedgerValidator(knownLevels: knownLevels, division: division).validate(table)
        if let first = outcome.issues.first {
            throw BallastError(status: .unprocessableEntity, code: "invalid", message: first.message,
                               field: first.column.flatMap(LedgerColumn.init(rawValue:)).map(fieldName) ?? first.column,
                               details: outcome.issues)
        }
        guard let record = outcome.records.first else {
            throw BallastError(status: .unprocessableEntity, code: "invalid", message: Message(zh: "数据为空", en: "Nothing to save"))
        }
        return record
    }

    /// The JSON and form field name of a ledger column.
    static func fieldName(_ c: LedgerColumn) -> String {
        switch c {
        case .code: "code"
        case .name: "name"
        case .category: "category"
        case .level: "level"
        case .nature: "nature"
        case .zone: "zone"
        case .unit: "unit"
        case .leader: "leader"
        case .taskForce: "taskForce"
        case .stage: "stage"
        case .totalInvestment: "totalInvestment"
        case .annualPlan: "annualPlan"
        case .plannedStart: "plannedStart"
        case .plannedEnd: "plannedEnd"
        case .investor: "investor"
        case .creditCode: "creditCode"
        case .longitude: "longitude"
        case .latitude: "latitude"
        case .content: "content"
        case .projectCode: "projectCode"
        }
    }
}
