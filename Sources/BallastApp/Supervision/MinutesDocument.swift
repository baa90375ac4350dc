import BallastCore
import BallastOffice
import BallastStore
import Foundation

/// 会议纪要 as GB/T 9704 10.3 sets one out: the 纪要 name in red, the issuing office and the
/// meeting's day over the red rule, the meeting's title, who chaired it and what was said, the
/// agenda and the decisions as tables, and the 版记. Written from the meeting as the caller may
/// see it (a unit's copy holds its own items).
enum MinutesDocument {
    static let name = "重点项目推进会议纪要"

    static func blocks(_ d: MeetingQuery.Detail, style: DocumentStyle) -> [DocxBlock] {
        let m = d.meeting
        let date = m.heldOn.prose(.zh)
        var out: [DocxBlock] = [.letterhead(name), .issueLine(style.office, right: date), .redRule, .title(m.title)]
        // What was done, said only where there was some.
        let done = [d.agenda.isEmpty ? nil : "研究重点项目建设中的问题 \(d.agenda.count) 项", d.decisions.isEmpty ? nil : "议定事项 \(d.decisions.count) 项"].compactMap { $0 }
        out.append(.paragraph("\(date)，" + (m.chairedBy.map { "\($0)主持召开\(m.title)" } ?? "召开\(m.title)")
                              + (done.isEmpty ? "" : "，" + done.joined(separator: "，")) + "。现纪要如下。"))
        let said = (m.minutes ?? "").split(whereSeparator: \.isNewline).map { String($0).trimmed }.filter { !$0.isEmpty }
        out += said.isEmpty ? [.paragraph("（会议纪要尚未整理。）")] : said.map(DocxBlock.paragraph)
        var headings = 0
        func heading(_ text: String) -> DocxBlock { headings += 1; return .heading("\(OfficialDoc.ordinal(headings - 1))、\(text)") }
        if !d.agenda.isEmpty {
            out.append(heading("会议议题"))
            out.append(.grid(DocxTable(header: ["序号", "问题", "牵头单位", "时间节点", "列入原因"], rows: d.agenda.enumerated().map { i, a in
                [String(i + 1), a.row.title, a.row.leadUnit ?? "—", a.row.deadline?.iso ?? "—", MeetingPage.reasonText(a.reason, .zh)]
            }, columns: [.number, .text, .text, .kept, .text])))
        }
        if !d.decisions.isEmpty {
            out.append(heading("议定事项"))
            out.append(.grid(DocxTable(header: ["序号", "事项", "牵头单位", "时限", "办理状态"], rows: d.decisions.enumerated().map { i, r in
                [String(i + 1), r.title, r.leadUnit ?? "—", r.deadline?.iso ?? "—", r.status.rawValue]
            }, columns: [.number, .text, .text, .kept, .kept])))
        }
        out.append(.imprint(copyTo: style.copyTo.isEmpty ? nil : style.copyTo + "。", printer: style.printer, printed: date + "印发"))
        return out
    }

    static func fileName(_ m: MeetingQuery.Meeting, ext: String) -> String { "会议纪要-\(m.heldOn.iso).\(ext)" }
}
