import BallastCore
import BallastOffice
import BallastStore
import Fluent
import Vapor

/// The bulletin's text, shared by the printable page and the .docx.
enum BulletinDocument {
    static func intro(_ b: SupervisionBulletin) -> String {
        let overdueUnits = Set(b.overdue.map(\.unit)).count
        return "截至\(NoticeDocument.chineseDate(b.asOf))，全区逾期未办结的问题和会议议定事项 \(b.overdue.count) 项，涉及 \(overdueUnits) 个单位；"
            + "本月发出催办单 \(b.notices.count) 份，其中 \(b.notices.filter { !$0.acknowledged }.count) 份未签收；"
            + "\(b.lateReports.count) 个单位月度进度未按期报送；连续亮灯整月（\(b.month) 月 1 日前亮灯、至今未转色）项目 \(b.litAllMonth.count) 个。现将有关情况通报如下。"
    }

    static let closing = "请被通报单位高度重视，对照问题逐项整改，于 5 个工作日内将整改情况书面报送区重点项目建设领导小组办公室。"

    static func colourName(_ c: String) -> String { c == "red" ? "红灯" : c == "yellow" ? "黄灯" : c }

    static func unitRows(_ b: SupervisionBulletin) -> [[String]] {
        b.units.map { [$0.unit, String($0.overdueProblems), String($0.overdueDecisions), String($0.notices), String($0.lateReports)] }
    }

    /// The bulletin laid out once for the page and the .docx.
    static func layout(_ d: DocumentModel, _ b: SupervisionBulletin, style: DocumentStyle) -> OfficialDoc {
        func table(_ sheet: String, _ header: [String], _ rows: [[String]]) -> OfficialDoc.Block {
            .table(OfficialDoc.Table(sheet: sheet, header: header, rows: rows.map { $0.map { OfficialDoc.Cell($0) } }))
        }
        var sections: [OfficialDoc.Section] = []
        if !b.units.isEmpty {
            sections.append(.init(heading: "各单位情况", blocks: [table("各单位", ["单位", "逾期问题", "逾期议定事项", "催办单", "逾期未报项目"], unitRows(b))]))
        }
        if !b.overdue.isEmpty {
            sections.append(.init(heading: "逾期未办结事项", blocks: [table("逾期事项", ["牵头单位", "事项", "时间节点", "逾期天数"],
                                                                       b.overdue.map { [$0.unit, $0.title, $0.deadline, String($0.daysOverdue)] })]))
        }
        if !b.notices.isEmpty {
            sections.append(.init(heading: "本月催办情况", blocks: [table("催办", ["编号", "被催办单位", "发出日期", "签收"],
                                                                      b.notices.map { [$0.number, $0.unit, $0.issuedOn, $0.acknowledged ? "已签收" : "未签收"] })]))
        }
        if !b.lateReports.isEmpty {
            sections.append(.init(heading: "月度进度逾期未报", blocks: [table("逾期未报", ["单位", "项目"],
                                                                        b.lateReports.keys.sorted().map { [$0, b.lateReports[$0, default: []].joined(separator: "、")] })]))
        }
        if !b.litAllMonth.isEmpty {
            sections.append(.init(heading: "连续亮灯整月项目", blocks: [table("连续亮灯", ["项目编号", "项目名称", "责任单位", "灯色", "亮灯以来"],
                                                                         b.litAllMonth.map { [$0.code, $0.name, $0.unit, colourName($0.colour), $0.since] })]))
        }
        return OfficialDoc(d, style: style, brief: "重点项目督查通报", title: "\(b.year)年\(b.month)月重点项目督查情况",
                           date: NoticeDocument.chineseDate(d.issuedOn?.iso ?? b.asOf),
                           intro: [intro(b)] + (b.isEmpty ? ["本月无逾期事项、催办和亮灯未改善项目。"] : []),
                           sections: OfficialDoc.numbered(sections), closing: closing)
    }
}
