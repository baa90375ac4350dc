/// One row of a leads list, as collected (a lead is signed through its own flow, not by import).
public struct LeadListRow: Sendable, Equatable {
    public var row: Int
    public var lead: LeadRecord
    /// As far as the list says the lead has gone (never 签约: that is the lead's own flow).
    public var status: LeadStatus
    public var abandonReason: String?
}

/// Reads a leads list (线索名称, 企业名称, 来源, 责任单位, 收集日期, and optionally 统一社会信用代码,
/// 产业链, 意向投资（万元）, 状态, 放弃原因, 备注), naming every faulty cell by row and column.
/// Credit codes are checked to their check character; a unit is checked against the district's
/// list by the store, which knows it.
public enum LeadListFile {
    public static let required = ["线索名称", "企业名称", "来源", "责任单位", "收集日期"]
    public static let optional = ["统一社会信用代码", "产业链", "意向投资", "状态", "放弃原因", "备注"]

    public static func read(_ table: SheetTable, today: CalendarDate) -> (rows: [LeadListRow], issues: [LedgerIssue]) {
        var issues: [LedgerIssue] = []
        let cols = TableColumns(header: table.header, required: required, optional: optional, issues: &issues)
        guard issues.isEmpty else { return ([], issues) }
        var out: [LeadListRow] = []
        for (number, cells) in table.rows where !cells.allSatisfy({ $0.trimmed.isEmpty }) {
            var p = RowProblems(row: number)
            let title = cols.cell("线索名称", in: cells), enterprise = cols.cell("企业名称", in: cells), unit = cols.cell("责任单位", in: cells)
            for (name, value) in [("线索名称", title), ("企业名称", enterprise), ("责任单位", unit)] where value.isEmpty {
                p.fail(name, zh: "\(name)不能为空", en: "\(name) is empty")
            }
            var code: String?
            let codeText = cols.cell("统一社会信用代码", in: cells)
            if !codeText.isEmpty {
                switch CreditCode.validate(codeText) {
                case .success(let c): code = c
                case .failure(let problem): p.fail("统一社会信用代码", zh: problem.message.zh, en: problem.message.en)
                }
            }
            let sourceText = cols.cell("来源", in: cells)
            let source = LeadSource.parse(sourceText)
            if source == nil {
                p.fail("来源", zh: "来源应为\(LeadSource.allCases.map(\.rawValue).joined(separator: "、"))之一，实为“\(sourceText)”",
                       en: "来源 must be one of \(LeadSource.allCases.map(\.rawValue).joined(separator: ", ")), not “\(sourceText)”")
            }
            let statusText = cols.cell("状态", in: cells)
            let status = statusText.isEmpty ? .collected : LeadStatus.parse(statusText)
            let reason = cols.cell("放弃原因", in: cells)
            if status == nil || status == .signed {
                p.fail("状态", zh: "状态应为线索、接洽、考察、洽谈或放弃（签约须在线索页办理），实为“\(statusText)”",
                       en: "状态 must be 线索, 接洽, 考察, 洽谈 or 放弃 (signing goes through the lead's page), not “\(statusText)”")
            } else if status == .abandoned && reason.isEmpty {
                p.fail("放弃原因", zh: "状态为放弃时须填写放弃原因", en: "An abandoned lead needs its reason")
            }
            let investment = p.money(cols.cell("意向投资", in: cells), column: "意向投资", unit: cols.unit("意向投资"))
            let collected = p.date(cols.cell("收集日期", in: cells), column: "收集日期", today: today, required: true)
            issues += p.issues
            if p.issues.isEmpty, let source, let status, let collected {
                let chain = cols.cell("产业链", in: cells), note = cols.cell("备注", in: cells)
                out.append(LeadListRow(row: number, lead: LeadRecord(title: title, enterprise: enterprise, creditCode: code, source: source,
                                                                     chain: chain.isEmpty ? nil : chain, intendedInvestment: investment, unit: unit,
                                                                     collectedOn: collected, note: note.isEmpty ? nil : note),
                                       status: status, abandonReason: reason.isEmpty ? nil : reason))
            }
        }
        if out.isEmpty && issues.isEmpty {
            issues.append(LedgerIssue(row: 2, column: nil, message: Message(zh: "文件只有表头，没有数据行", en: "The file has a header but no rows")))
        }
        return (issues.isEmpty ? out : [], issues)
    }
}
