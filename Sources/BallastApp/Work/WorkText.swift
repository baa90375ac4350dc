import BallastCore

/// The 工作台's interface text, both languages side by side (`CatalogueTests` checks each).
enum WorkText: CaseIterable, UIText.Catalogue {
    case workbench, heading, nothingDue, overdue, due, open, total, kind, item, dueOn, messages

    var message: Message {
        switch self {
        case .workbench: Message(zh: "工作台", en: "My work")
        case .heading: Message(zh: "我的待办", en: "What is due")
        case .nothingDue: Message(zh: "暂无待办事项：月报、问题和催办都已办理。", en: "Nothing is due: reports, problems and notices are all dealt with.")
        case .overdue: Message(zh: "已逾期", en: "Overdue")
        case .due: Message(zh: "待办", en: "Due")
        case .open: Message(zh: "去办理", en: "Open")
        case .total: Message(zh: "合计", en: "In all")
        case .kind: Message(zh: "类别", en: "Kind")
        case .item: Message(zh: "事项", en: "Item")
        case .dueOn: Message(zh: "时限", en: "Due by")
        case .messages: Message(zh: "未读消息", en: "Unread messages")
        }
    }

    /// Under an empty 工作台: the next month's report and its due day.
    static func nextReport(month: String, monthEN: String, due: String, dueEN: String) -> Message {
        Message(zh: "下一期月报：\(month)，\(due)前报送。", en: "Next monthly report: \(monthEN), due by \(dueEN).")
    }
}
