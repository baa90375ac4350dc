@testable import BallastApp
import BallastCore
import BallastOffice
@testable import BallastStore
import BallastTestSupport
import Foundation
import Testing

/// 会议纪要 as a document (issue 25): the 纪要 name in red over the rule, the meeting, what was
/// said line by line, the agenda and decisions as tables, the 版记; counts said only when there are some.
@Suite struct MinutesDocumentTests {
    @Test func minutesReadAsAnOfficialDocument() throws {
        let model = MeetingModel()
        model.kind = "weekly"; model.title = "区政府第14次重点项目推进周例会"; model.version = 1
        model.heldOn = try #require(CalendarDate(iso: "2023-07-05")); model.cutoffOn = model.heldOn
        model.chairedBy = "王立新"; model.minutes = "一是加快征迁。\n\n二是保障资金。"
        let meeting = MeetingQuery.Meeting(model)
        let blocks = MinutesDocument.blocks(MeetingQuery.Detail(meeting: meeting, agenda: [], decisions: [], addresses: [:]),
                                            style: .defaults(districtName: "二七区"))
        #expect(blocks.first == .letterhead("重点项目推进会议纪要"))
        #expect(blocks.contains(.issueLine("二七区重点项目建设领导小组办公室", right: "2023年7月5日")) && blocks.contains(.redRule))
        #expect(blocks.contains(.paragraph("2023年7月5日，王立新主持召开区政府第14次重点项目推进周例会。现纪要如下。")))
        #expect(blocks.contains(.paragraph("一是加快征迁。")) && blocks.contains(.paragraph("二是保障资金。")))
        guard case .imprint(let copyTo, _, let printed)? = blocks.last else { Issue.record("no 版记 at the end"); return }
        #expect(copyTo?.hasPrefix("区委办公室") == true && printed == "2023年7月5日印发")
    }
}
