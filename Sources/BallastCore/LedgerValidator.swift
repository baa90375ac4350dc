import Foundation

/// Reads a ledger table into records, or says precisely what is wrong with it.
///
/// It never stops at the first problem: a unit fixing a 360-row sheet wants every faulty
/// cell in one report, not one per upload.
public struct LedgerValidator: Sendable {
    /// The year's level list (省重点 / 市重点 / 区重点 by default): a level must be one of them.
    public var knownLevels: Set<String>
    /// The district's division code (410103): a 项目代码 must name a division of its city.
    public var division: String?

    public init(knownLevels: Set<String>, division: String? = nil) { self.knownLevels = knownLevels; self.division = division }

    public struct Outcome: Sendable {
        public var records: [LedgerRecord]
        public var issues: [LedgerIssue]
        /// Header cells that name no ledger column: reported, then ignored.
        public var unknownColumns: [String]
        /// Every problem found; `issues` holds the first `TableLimits.maxReportedIssues` of them.
        public var issueTotal: Int
        /// Allowed but reported, by row: 一码多项 and 一项多码 within the file (`ProjectCodeFlags`).
        public var notes: [LedgerIssue] = []
        public var isValid: Bool { issues.isEmpty }

        init(records: [LedgerRecord], issues: [LedgerIssue], unknownColumns: [String], issueTotal: Int? = nil) {
            self.records = records; self.issues = issues; self.unknownColumns = unknownColumns
            self.issueTotal = issueTotal ?? issues.count
        }
    }

    public func validate(_ table: SheetTable) -> Outcome {
        var issues: [LedgerIssue] = []
        var unknown: [String] = []
        var columns: [LedgerColumn: (index: Int, unit: MoneyUnit)] = [:]

        if table.header.allSatisfy({ $0.trimmed.isEmpty }) {
            return Outcome(records: [], issues: [LedgerIssue(row: 1, column: nil, message: Message(
                zh: "文件为空或缺少表头行：第1行应为列名（项目编号、项目名称……）",
                en: "The file is empty or has no header row: row 1 must hold the column names (项目编号, 项目名称, …)"))],
                           unknownColumns: [])
        }
        for (index, cell) in table.header.enumerated() {
            let text = cell.trimmed
            if text.isEmpty { continue }
            guard let (column, unit) = LedgerColumn.match(header: text) else { unknown.append(text); continue }
            if columns[column] != nil {
                issues.append(LedgerIssue(row: 1, column: text, message: Message(
                    zh: "列“\(column.rawValue)”出现了两次", en: "Column “\(column.rawValue)” appears twice")))
            }
            columns[column] = (index, unit)
        }
        for column in LedgerColumn.allCases where LedgerColumn.required.contains(column) && columns[column] == nil {
            issues.append(LedgerIssue(row: 1, column: column.rawValue, message: Message(
                zh: "缺少必需的列“\(column.rawValue)”", en: "Required column “\(column.rawValue)” is missing")))
        }
        if !issues.isEmpty { return Outcome(records: [], issues: issues, unknownColumns: unknown) }

        var records: [LedgerRecord] = []
        var firstRowOfCode: [String: Int] = [:]
        // A million faulty rows must not become a million issues in memory and in the answer.
        var total = 0
        for (number, cells) in table.rows {
            if cells.allSatisfy({ $0.trimmed.isEmpty }) { continue }
            var row = RowReader(number: number, cells: cells, columns: columns)
            if let record = row.read(knownLevels: knownLevels, division: division) {
                if let first = firstRowOfCode[record.code] {
                    row.fail(.code, zh: "项目编号“\(record.code)”与第\(first)行重复",
                             en: "Project code “\(record.code)” repeats row \(first)")
                } else {
                    firstRowOfCode[record.code] = number
                    records.append(record)
                }
            }
            total += row.issues.count
            issues += row.issues.prefix(max(0, TableLimits.maxReportedIssues - issues.count))
        }
        if records.isEmpty && issues.isEmpty {
            issues.append(LedgerIssue(row: 2, column: nil, message: Message(
                zh: "文件只有表头，没有项目行", en: "The file has a header but no project rows")))
        }
        var outcome = Outcome(records: issues.isEmpty ? records : [], issues: issues, unknownColumns: unknown, issueTotal: max(total, issues.count))
        outcome.notes = Self.codeNotes(records)
        return outcome
    }

    /// 一码多项 / 一项多码 among the file's rows, each said at its row.
    static func codeNotes(_ records: [LedgerRecord]) -> [LedgerIssue] {
        let flags = ProjectCodeFlags.flags(records.map { .init(ledgerCode: $0.code, name: $0.name, projectCode: $0.projectCode) })
        return records.flatMap { r in
            (flags[r.code] ?? []).map { LedgerIssue(row: r.row, column: LedgerColumn.projectCode.rawValue, message: $0.message) }
        }.prefix(TableLimits.maxReportedIssues).map { $0 }
    }
}

/// Reads the cells of one row, collecting every problem it finds.
private struct RowReader {
    let number: Int
    let columns: [LedgerColumn: (index: Int, unit: MoneyUnit)]
    /// Each known column's cell, trimmed once; absent when blank. Line breaks inside a cell are
    /// how Excel users wrap long text, so only the ends are trimmed.
    let values: [LedgerColumn: String]
    var issues: [LedgerIssue] = []

    init(number: Int, cells: [String], columns: [LedgerColumn: (index: Int, unit: MoneyUnit)]) {
        self.number = number
        self.columns = columns
        var values: [LedgerColumn: String] = [:]
        for (column, place) in columns where place.index < cells.count {
            let value = cells[place.index].trimmed
            if !value.isEmpty { values[column] = value }
        }
        self.values = values
    }

    mutating func fail(_ column: LedgerColumn, zh: String, en: String) {
        issues.append(LedgerIssue(row: number, column: column.rawValue, message: Message(zh: zh, en: en)))
    }

    func text(_ column: LedgerColumn) -> String? { values[column] }

    mutating func required(_ column: LedgerColumn) -> String? {
        guard let value = text(column) else {
            fail(column, zh: "必填项“\(column.rawValue)”为空", en: "Required cell “\(column.rawValue)” is empty")
            return nil
        }
        return value
    }

    mutating func money(_ column: LedgerColumn) -> Money? {
        guard let raw = text(column) else { return nil }
        let unit = columns[column]?.unit ?? .wan
        switch Money.parse(raw, unit: unit) {
        case .success(let m) where m.yuan < 0:
            fail(column, zh: "金额不能为负数：“\(raw)”", en: "Amount must not be negative: “\(raw)”")
        case .success(let m):
            return m
        case .failure(.finerThanYuan):
            fail(column, zh: "金额“\(raw)”精度超过1元（\(unit.rawValue)最多\(unit.decimalDigits)位小数）",
                 en: "Amount “\(raw)” is finer than one yuan (at most \(unit.decimalDigits) decimals in \(unit.rawValue))")
        case .failure(.tooLarge):
            fail(column, zh: "金额“\(raw)”过大", en: "Amount “\(raw)” is too large")
        case .failure(.notANumber):
            fail(column, zh: "“\(raw)”不是有效的金额", en: "“\(raw)” is not a valid amount")
        }
        return nil
    }

    mutating func date(_ column: LedgerColumn) -> CalendarDate? {
        guard let raw = text(column) else { return nil }
        guard let d = CalendarDate.parse(raw) else {
            fail(column, zh: "“\(raw)”不是有效日期（应为 YYYY-MM-DD、YYYY-MM 或 YYYY/M/D）",
                 en: "“\(raw)” is not a valid date (use YYYY-MM-DD, YYYY-MM or YYYY/M/D)")
            return nil
        }
        return d
    }

    mutating func coordinate(_ column: LedgerColumn, limit: Double) -> Double? {
        guard let raw = text(column) else { return nil }
        guard let v = Coordinate.parse(raw), abs(v) <= limit else {
            fail(column, zh: "“\(raw)”不是有效的\(column.rawValue)（-\(Int(limit))～\(Int(limit))）",
                 en: "“\(raw)” is not a valid \(column == .longitude ? "longitude" : "latitude") (-\(Int(limit)) to \(Int(limit)))")
            return nil
        }
        return v
    }

    mutating func read(knownLevels: Set<String>, division: String?) -> LedgerRecord? {
        // Names and short fields are bounded well below a cell's limit; 建设内容 may use it all.
        for column in LedgerColumn.allCases where column != .content {
            if let v = values[column], v.utf8.count > TableLimits.maxNameCharacters, v.count > TableLimits.maxNameCharacters {
                fail(column, zh: "“\(column.rawValue)”超过\(TableLimits.maxNameCharacters)个字符的上限",
                     en: "“\(column.rawValue)” is longer than \(TableLimits.maxNameCharacters) characters")
                return nil
            }
        }
        let code = required(.code)
        let name = required(.name)
        let category = required(.category)
        let levelText = required(.level)
        let unit = required(.unit)
        let stageText = required(.stage)
        let total = money(.totalInvestment)
        if text(.totalInvestment) == nil {
            fail(.totalInvestment, zh: "必填项“总投资”为空", en: "Required cell “总投资” is empty")
        }
        let annual = money(.annualPlan)
        let start = date(.plannedStart)
        let end = date(.plannedEnd)
        let longitude = coordinate(.longitude, limit: 180)
        let latitude = coordinate(.latitude, limit: 90)

        if let code, code.count > 64 {
            fail(.code, zh: "项目编号过长（最多64个字符）", en: "Project code is too long (64 characters at most)")
        }
        if let levelText, !knownLevels.contains(levelText) {
            let known = knownLevels.sorted().joined(separator: "、")
            fail(.level, zh: "未知的项目级别“\(levelText)”（可选：\(known)）",
                 en: "Unknown level “\(levelText)” (known: \(known))")
        }
        var nature: ProjectNature?
        if let raw = text(.nature) {
            nature = ProjectNature(rawValue: raw)
            if nature == nil {
                fail(.nature, zh: "未知的建设性质“\(raw)”（可选：新开工、续建、前期）",
                     en: "Unknown nature “\(raw)” (known: 新开工, 续建, 前期)")
            }
        }
        var stage: LifecycleStage?
        if let stageText {
            stage = LifecycleStage.parse(stageText)
            if stage == nil {
                let known = LifecycleStage.allCases.map(\.rawValue).joined(separator: "、")
                fail(.stage, zh: "未知的项目阶段“\(stageText)”（可选：\(known)）",
                     en: "Unknown stage “\(stageText)” (known: \(known))")
            }
        }
        if let total, let annual, annual > total {
            fail(.annualPlan, zh: "年度计划投资（\(annual.formatted(in: .wan))万元）大于总投资（\(total.formatted(in: .wan))万元）",
                 en: "Annual plan (\(annual.formatted(in: .wan)) 万元) exceeds total investment (\(total.formatted(in: .wan)) 万元)")
        }
        if let start, let end, end < start {
            fail(.plannedEnd, zh: "计划竣工（\(end.iso)）早于计划开工（\(start.iso)）",
                 en: "Planned completion (\(end.iso)) is before planned start (\(start.iso))")
        }
        if (text(.longitude) == nil) != (text(.latitude) == nil) {
            fail(text(.longitude) == nil ? .longitude : .latitude,
                 zh: "经度和纬度须同时填写", en: "Longitude and latitude go together")
        }
        var creditCode: String?
        if let raw = text(.creditCode) {
            switch CreditCode.validate(raw) {
            case .success(let c): creditCode = c
            case .failure(let problem): fail(.creditCode, zh: problem.message.zh, en: problem.message.en)
            }
        }
        var projectCode: String?
        if let raw = text(.projectCode) {
            switch ProjectCode.validate(raw, division: division) {
            case .success(let c): projectCode = c
            case .failure(let problem): fail(.projectCode, zh: problem.message.zh, en: problem.message.en)
            }
        }
        guard issues.isEmpty, let code, let name, let category, let levelText, let unit, let stage, let total else {
            return nil
        }
        return LedgerRecord(row: number, code: code, name: name, category: category, level: levelText, nature: nature,
                            zone: text(.zone), unit: unit, leader: text(.leader), taskForce: text(.taskForce),
                            stage: stage, totalInvestment: total, annualPlan: annual, plannedStart: start,
                            plannedEnd: end, investor: text(.investor), creditCode: creditCode,
                            longitude: longitude, latitude: latitude, content: text(.content), projectCode: projectCode)
    }
}
