@testable import BallastApp
import BallastCore
import BallastStore
import Foundation
import Testing

/// Views rendered from models built here: no database, no HTTP. Each checks what the user must
/// see (and must not) for a state that is awkward to reach through the whole application.
@Suite struct PageViewTests {
    func rendering(_ roles: [Role], _ body: () -> String) -> String {
        PageContext.$current.withValue(PageContext(displayName: "测试", roles: roles)) { body() }
    }

    func document(_ status: DocumentStatus, number: String? = nil, title: String = "重点项目周通报") -> DocumentSummary {
        DocumentSummary(id: UUID(), kind: .weeklyBulletin, period: "2023-W25", title: title, number: number, asOf: "2023-06-25",
                        status: status, issuedOn: status == .issued ? "2023-06-26" : nil, issuedBy: nil, version: 2)
    }

    @Test func theDocumentListShowsNumbersForIssuedAndDraftForTheRest() throws {
        let today = try #require(CalendarDate.parse("2023-06-30"))
        let html = rendering([.office]) {
            DocumentsPage(documents: [document(.issued, number: "第6期"), document(.draft)],
                          search: .init(draftsToo: true), today: today, notice: nil, lang: .zh).render()
        }
        #expect(html.contains("第6期"))
        #expect(html.contains("已印发 2023-06-26"))
        #expect(html.contains("草稿"))
        // The office may draft: the form to draft the next one is there.
        #expect(html.contains(Site.documents.link))
        // Periods written as the office writes them; the form offers last week first, by name.
        #expect(html.contains("2023年第25周（6月19日—6月25日）"))
        #expect(!html.contains(">2023-W25<"))
        #expect(html.contains(#"<option value="2023-W25">2023年第25周（6月19日—6月25日）</option>"#))
        #expect(html.contains(#"<option value="2023-05">2023年5月</option>"#))
        #expect(html.contains(#"<option value="2023-Q2">2023年第二季度</option>"#))
    }

    @Test func aDocumentTitleWithMarkupIsText() throws {
        let today = try #require(CalendarDate.parse("2023-06-30"))
        let html = rendering([.viewer]) {
            DocumentsPage(documents: [document(.issued, number: "第1期", title: "<script>x</script>")],
                          search: .init(draftsToo: false), today: today, notice: nil, lang: .zh).render()
        }
        #expect(!html.contains("<script>x"))
        #expect(html.contains("&lt;script&gt;x"))
    }

    @Test func theInboxMarksUnreadRowsAndOffersMarkAllOnlyWhenSomethingIsUnread() {
        let read = Inbox.Item(id: UUID(), kind: .assigned, title: "已读消息", link: "/x", createdAt: Date(timeIntervalSince1970: 0), readAt: Date())
        let unread = Inbox.Item(id: UUID(), kind: .overdue, title: "逾期提醒", link: "/y", createdAt: Date(timeIntervalSince1970: 0), readAt: nil)
        let some = rendering([.unit]) { InboxPage(unread: 1, items: [unread, read], lang: .zh).render() }
        #expect(some.contains("未读 1 条"))
        #expect(some.contains(#"class="unread""#))
        #expect(some.contains("全部标为已读"))
        #expect(some.contains("tag red"))
        let none = rendering([.unit]) { InboxPage(unread: 0, items: [], lang: .en).render() }
        #expect(none.contains("No messages: assignments, reminders and notices due will appear here."))
        #expect(!none.contains("Mark all read"))
        #expect(!none.contains("未读"))
    }

    /// An empty 工作台 says when to come back: the next report and its due day.
    @Test func anEmptyWorkbenchNamesTheNextReport() throws {
        let early = try #require(CalendarDate.parse("2023-06-10")), late = try #require(CalendarDate.parse("2023-06-30"))
        let beforeDue = rendering([.unit]) { WorkPage(items: [], today: early, lang: .zh).render() }
        #expect(beforeDue.contains("下一期月报：2023年6月，2023年6月25日前报送。"))
        let afterDue = rendering([.unit]) { WorkPage(items: [], today: late, lang: .zh).render() }
        #expect(afterDue.contains("下一期月报：2023年7月，2023年7月25日前报送。"))
        let yearEnd = try #require(CalendarDate.parse("2023-12-28"))
        let december = rendering([.unit]) { WorkPage(items: [], today: yearEnd, lang: .en).render() }
        #expect(december.contains("Next monthly report: January 2024, due by 25 January 2024."))
    }

    @Test func aRobotShowsItsDeliveriesAndAFailedOneStandsOut() {
        let hook = WebhookEditor.Hook(id: UUID(), name: "住建局群", url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k",
                                      format: "wecom", enabled: false, version: 1)
        let failed = WebhookEditor.Delivery(id: UUID(), status: "failed", attempts: 5, lastStatus: 500, lastError: nil,
                                            createdAt: Date(), finishedAt: Date(), nextAttemptAt: Date())
        let html = rendering([.admin]) {
            WebhooksPage(hooks: [.init(hook: hook, unit: "区住建局", pending: 0, sent: 3, failed: 1)],
                         logs: [hook.id: [failed]], units: ["区住建局"], notice: nil, lang: .zh).render()
        }
        #expect(html.contains("住建局群"))
        #expect(html.contains("已送达 3，待发送 0，失败 1"))
        #expect(html.contains("HTTP 500"))
        #expect(html.contains(#"class="tag red">发送失败"#))
        // The reason in the page's language, never the HTTP client's English.
        let unreachable = WebhookEditor.Delivery(id: UUID(), status: "pending", attempts: 1, lastStatus: nil,
                                                 lastError: DeliveryFailure.unreachable.stored, createdAt: Date(), finishedAt: nil, nextAttemptAt: Date())
        let zh = rendering([.admin]) {
            WebhooksPage(hooks: [.init(hook: hook, unit: nil, pending: 1, sent: 0, failed: 0)],
                         logs: [hook.id: [unreachable]], units: [], notice: nil, lang: .zh).render()
        }
        #expect(zh.contains("第 1 次投递失败，将重试：无法解析机器人地址"))
        #expect(zh.contains(#"class="tag">待发送"#) && !zh.contains("unreachable"))
        // Switched off: the button offers to switch it on.
        #expect(html.contains(">启用</button>"))
        #expect(html.contains(Site.adminWebhookEnabled.link(hook.id)))
    }

    @Test func aListOfUnitsRendersItsEntriesWithTheirVersions() {
        let entry = ReferenceEntry(id: UUID(), kind: "unit", year: nil, name: "区发改委", variant: "发改委", sort: 1, version: 3)
        let html = rendering([.office]) {
            ListsPage(kind: .unit, year: 2023, entries: [entry], message: nil, lang: .zh).render()
        }
        #expect(html.contains("区发改委"))
        #expect(html.contains(Site.listEntryEdit.link("unit", entry.id)))
        // A list that holds across years links without a year; a per-year list with it.
        #expect(html.contains(#"href="/lists/unit">"#))
        #expect(html.contains(#"href="/lists/category?year=2023">"#))
    }

    /// The forms of a page, each from `<form` to `</form>`.
    func forms(_ html: String) -> [Substring] {
        html.split(separator: "<form").dropFirst().map { $0.prefix { _ in true }.split(separator: "</form>").first ?? "" }
    }

    func submittedRow() -> MonthReportRow {
        MonthReportRow(projectID: UUID(), code: "XM-001", name: "测试项目", unit: "区住建局", reportID: UUID(),
                       amount: Money(yuan: 1_000_000), progress: "主体施工", status: .submitted, late: false, version: 2, returnReason: nil)
    }

    /// Enter in the reason field must return the report, never approve it: approval is its own
    /// form behind a confirmation that names it.
    @Test func enterInTheReturnReasonCannotApproveAReport() {
        let html = rendering([.office]) { ReportsPage(year: 2023, month: 5, rows: [submittedRow()], lang: .zh).render() }
        let withReason = forms(html).filter { $0.contains(#"name="reason""#) }
        #expect(withReason.count == 1)
        #expect(withReason.allSatisfy { !$0.contains(#"value="approve""#) })
        let approving = forms(html).filter { $0.contains(#"value="approve""#) }
        #expect(approving.count == 1)
        // Approval is behind a second step that names it.
        #expect(html.contains("确认审定"))
        #expect(approving.allSatisfy { !$0.contains(#"name="reason""#) })
    }

    @Test func issuingADocumentTakesAConfirmationThatSaysItCannotBeUndone() {
        let draft = document(.draft)
        let html = rendering([.office]) {
            DocumentPage(document: draft, layout: OfficialDoc(DocumentModel(), style: .defaults(districtName: "二七区"), brief: "重点项目建设周通报", title: "周通报", date: "2023年6月26日",
                                                                   intro: [], sections: [], closing: nil), notice: nil, lang: .zh).render()
        }
        #expect(html.contains("<details class=\"confirm\">"))
        #expect(html.contains("确认印发"))
        let issuing = forms(html).filter { $0.contains(Site.documentIssue.link(draft.id)) }
        #expect(issuing.count == 1)
        #expect(issuing.allSatisfy { $0.contains("确认印发") })
    }
}
