import BallastCore
import BallastOffice
import BallastStore
import Fluent
import Vapor

/// The notice's text as the office issues it, shared by the printable page and the .docx.
enum NoticeDocument {
    static let title = "重点项目督办催办单"

    static func chineseDate(_ d: CalendarDate) -> String { d.prose(.zh) }

    /// A day written in a stored document's content (ISO text), or the text as it is.
    static func chineseDate(_ iso: String) -> String { CalendarDate(iso: iso).map(chineseDate) ?? iso }

    static let request = "请于收到本单后 3 个工作日内签收，并于新时限前办结，书面反馈办理结果。逾期未签收的，报送分管领导。"

    /// The 催办单 as GB/T 9704 heads a 文件: the form's name in red, its number, the red rule;
    /// then the unit addressed, the matter, the request, the office and the date; 版记 at the foot.
    static func blocks(_ r: NoticeQuery.Row, style: DocumentStyle) -> [DocxBlock] {
        let date = chineseDate(r.issuedOn)
        return [.letterhead(title), .issueLine(r.number), .redRule, .plain("\(r.unit)："), .paragraph(r.item),
                .grid(DocxTable(header: ["催办事项", "原定时限", "新时限"], rows: [[subjectName(r.subject), r.originalDeadline?.iso ?? "—", r.newDeadline.iso]],
                                columns: [.text, .kept, .kept])),
                .paragraph(request), .signature(office: style.office, date: date),
                .imprint(copyTo: style.copyTo.isEmpty ? nil : style.copyTo + "。", printer: style.printer, printed: date + "印发")]
    }

    static func subjectName(_ raw: String) -> String {
        switch raw {
        case "problem": "问题办理"
        case "decision": "会议议定事项"
        case "instruction": "领导批示办理"
        case "report": "月度进度报送"
        case "approval": "前期手续审批"
        default: "督办事项"
        }
    }
}
