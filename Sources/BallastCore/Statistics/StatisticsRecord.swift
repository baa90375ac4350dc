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
            if number.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                return FieldProblem("statisticsNumber", Message(zh: "统计库项目编号含有控制字符", en: "The statistics number contains a control character"))
            }
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
