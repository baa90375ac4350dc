/// One row of a 三个一批 list: a project listed in a period's batch, with the investment it
/// counts and any follow-up already known.
public struct CampaignListRow: Sendable, Equatable {
    public var row: Int
    public var period: Int
    /// The period's day, needed only when the period is new.
    public var periodDate: CalendarDate?
    public var batch: CampaignBatch
    public var projectCode: String
    public var investment: Money
    public var followUp: CampaignFollowUp
    public var note: String?
}

/// Reads a campaign list (期次, 批次, 项目编号, 计入投资（万元）, and optionally 举办日期, 开工日期,
/// 投产日期, 达效日期, 备注), naming every faulty cell by row and column.
public enum CampaignListFile {
    public static let required = ["期次", "批次", "项目编号", "计入投资"]
    public static let optional = ["举办日期", "开工日期", "投产日期", "达效日期", "备注", "项目名称"]

    public static func read(_ table: SheetTable, today: CalendarDate) -> (rows: [CampaignListRow], issues: [LedgerIssue]) {
        var issues: [LedgerIssue] = []
        let cols = TableColumns(header: table.header, required: required, optional: optional, issues: &issues)
        guard issues.isEmpty else { return ([], issues) }
        var out: [CampaignListRow] = []
        var seen: [String: Int] = [:]
        for (number, cells) in table.rows where !cells.allSatisfy({ $0.trimmed.isEmpty }) {
            var p = RowProblems(row: number)
            let periodText = cols.cell("期次", in: cells)
            let period = Int(periodText.replacingOccurrences(of: "第", with: "").replacingOccurrences(of: "期", with: ""))
            if !(1...999).contains(period ?? 0) {
                p.fail("期次", zh: "期次应为正整数（如 7 或 第7期），实为“\(periodText)”", en: "期次 must be a period number such as 7, not “\(periodText)”")
            }
            let batchText = cols.cell("批次", in: cells)
            let batch = CampaignBatch.parse(batchText)
            if batch == nil { p.fail("批次", zh: "批次应为签约、开工或投产，实为“\(batchText)”", en: "批次 must be 签约, 开工 or 投产, not “\(batchText)”") }
            let code = cols.cell("项目编号", in: cells)
            if code.isEmpty { p.fail("项目编号", zh: "项目编号不能为空", en: "The project code is empty") }
            let investment = p.money(cols.cell("计入投资", in: cells), column: "计入投资", unit: cols.unit("计入投资"), required: true)
            let periodDate = p.date(cols.cell("举办日期", in: cells), column: "举办日期", today: today)
            let followUp = CampaignFollowUp(startedOn: p.date(cols.cell("开工日期", in: cells), column: "开工日期", today: today),
                                            producedOn: p.date(cols.cell("投产日期", in: cells), column: "投产日期", today: today),
                                            atCapacityOn: p.date(cols.cell("达效日期", in: cells), column: "达效日期", today: today))
            let columnOf = ["startedOn": "开工日期", "producedOn": "投产日期", "atCapacityOn": "达效日期"]
            for problem in followUp.orderProblems() {
                p.fail(columnOf[problem.field], zh: problem.message.zh, en: problem.message.en)
            }
            if let period, let batch, !code.isEmpty {
                let key = "\(period)|\(batch.rawValue)|\(code)"
                if let first = seen[key] {
                    p.fail("项目编号", zh: "第\(period)期\(batch.title)已列出项目“\(code)”（第\(first)行）", en: "Project “\(code)” is already listed in period \(period) \(batch.englishName) (row \(first))")
                } else {
                    seen[key] = number
                }
            }
            issues += p.issues
            if p.issues.isEmpty, let period, let batch, let investment {
                let note = cols.cell("备注", in: cells)
                out.append(CampaignListRow(row: number, period: period, periodDate: periodDate, batch: batch, projectCode: code,
                                           investment: investment, followUp: followUp, note: note.isEmpty ? nil : note))
            }
        }
        if out.isEmpty && issues.isEmpty {
            issues.append(LedgerIssue(row: 2, column: nil, message: Message(zh: "文件只有表头，没有数据行", en: "The file has a header but no rows")))
        }
        return (issues.isEmpty ? out : [], issues)
    }
}
