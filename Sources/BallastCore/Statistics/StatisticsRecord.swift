import Foundation

/// A project's standing with the statistics database, kept as days rather than a status so
/// that "as of a day" reads the status of that day: declared on one day, included on a later.
public struct StatisticsRecord: Sendable, Equatable, Codable {
    /// 实际开工日期: the day the rule counts from.
    public var startedOn: CalendarDate?
    /// 申报入库日期.
    public var declaredOn: CalendarDate?
    /// 入库日期.
    public var includedOn: CalendarDate?
    /// The statistics database's own project number (统计库项目编号).
    public var number: String?

    public init(startedOn: CalendarDate? = nil, declaredOn: CalendarDate? = nil, includedOn: CalendarDate? = nil, number: String? = nil) {
        self.startedOn = startedOn; self.declaredOn = declaredOn; self.includedOn = includedOn; self.number = number
    }

    public static let maxNumberLength = 40
    /// No project in the ledger started before this year.
    public static let earliestYear = 1990

    public func status(asOf: CalendarDate) -> StatisticsStatus {
        if let includedOn, includedOn <= asOf { return .included }
        if let declaredOn, declaredOn <= asOf { return .declared }
        return .notIncluded
    }

    /// Started on or before the day (a start day in the future is a plan, not a start).
    public func started(asOf: CalendarDate) -> Bool { startedOn.map { $0 <= asOf } ?? false }

    /// The first thing wrong with the record for a project at `stage`, naming the field. A
    /// project enters the database only once started: a number or an inclusion day on a project
    /// with no start day (or not yet 在建) is refused, as are days out of order.
    public func problem(stage: LifecycleStage) -> FieldProblem? {
        if let number {
            if number.count > Self.maxNumberLength {
                return FieldProblem("statisticsNumber", Message(zh: "统计库项目编号不超过 \(Self.maxNumberLength) 个字符，实为 \(number.count) 个",
                                                               en: "The statistics number is at most \(Self.maxNumberLength) characters; it has \(number.count)"))
            }
            // The statistics database's numbers are letters, digits and hyphens: anything else
            // (a full-width digit, an invisible space) would make two spellings of one number.
            if !number.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-") }) {
                return FieldProblem("statisticsNumber", Message(zh: "统计库项目编号只能由半角字母、数字和连字符组成，实为“\(number.prefix(40))”",
                                                               en: "The statistics number may hold only ASCII letters, digits and hyphens, not “\(number.prefix(40))”"))
            }
        }
        if let startedOn, startedOn.year < Self.earliestYear {
            return FieldProblem("startedOn", Message(zh: "实际开工日期 \(startedOn.iso) 早于 \(Self.earliestYear) 年", en: "The start \(startedOn.iso) is before \(Self.earliestYear)"))
        }
        // A start day on a project the ledger has not yet under construction contradicts the
        // ledger: its stage moves when 开工 is reached (or is edited in the ledger).
        if startedOn != nil, let order = stage.order, order < (LifecycleStage.underConstruction.order ?? 0) {
            return FieldProblem("startedOn", Message(zh: "项目处于\(stage.rawValue)阶段，不能填写实际开工日期：请在节点计划中填写“开工”的实际日期，或在台账中改为在建",
                                                     en: "The project is \(stage.englishName.lowercased()): enter the actual day of its 开工 node, or make it under construction in the ledger"))
        }
        if declaredOn != nil, startedOn == nil {
            return FieldProblem("declaredOn", Message(zh: "未填实际开工日期，不能申报入库：先开工，后入库", en: "No start day: a project is declared to the statistics only once started"))
        }
        let notStarted = startedOn == nil || !(stage.order.map { $0 >= (LifecycleStage.underConstruction.order ?? 0) } ?? true)
        if notStarted, number != nil || includedOn != nil {
            let field = number != nil ? "statisticsNumber" : "includedOn"
            return FieldProblem(field, Message(
                zh: "项目尚未开工（\(startedOn == nil ? "未填实际开工日期" : "处于\(stage.rawValue)阶段")），不能填写\(field == "statisticsNumber" ? "统计库项目编号" : "入库日期")：先开工，后入库",
                en: "The project has not started (\(startedOn == nil ? "no start day" : stage.englishName.lowercased())): it cannot have \(field == "statisticsNumber" ? "a statistics number" : "an inclusion day") yet"))
        }
        if let startedOn, let declaredOn, declaredOn < startedOn {
            return FieldProblem("declaredOn", Message(zh: "申报入库日期 \(declaredOn.iso) 早于实际开工日期 \(startedOn.iso)",
                                                      en: "Declared \(declaredOn.iso), before the start \(startedOn.iso)"))
        }
        if let startedOn, let includedOn, includedOn < startedOn {
            return FieldProblem("includedOn", Message(zh: "入库日期 \(includedOn.iso) 早于实际开工日期 \(startedOn.iso)",
                                                      en: "Included \(includedOn.iso), before the start \(startedOn.iso)"))
        }
        if let declaredOn, let includedOn, includedOn < declaredOn {
            return FieldProblem("includedOn", Message(zh: "入库日期 \(includedOn.iso) 早于申报日期 \(declaredOn.iso)",
                                                      en: "Included \(includedOn.iso), before it was declared \(declaredOn.iso)"))
        }
        if includedOn != nil, number == nil {
            return FieldProblem("statisticsNumber", Message(zh: "已入库的项目请填写统计库项目编号", en: "An included project needs its statistics number"))
        }
        return nil
    }
}
