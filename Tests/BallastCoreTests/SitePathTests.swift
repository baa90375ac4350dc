import BallastCore
import Foundation
import Testing

@Suite struct SitePathTests {
    @Test func linksFillParametersInOrderAndEncodeThem() throws {
        let meeting = try #require(UUID(uuidString: "6F9619FF-8B86-D011-B42D-00CF4FC964FF"))
        let may = try #require(YearMonth(year: 2023, month: 5))
        #expect(Site.problems.link == "/problems")
        #expect(Site.meetingItemDelete.link(meeting, "p1") == "/meetings/6F9619FF-8B86-D011-B42D-00CF4FC964FF/items/p1/delete")
        // A user name with a slash or a space cannot leave its segment.
        #expect(Site.adminUserReset.link("a/b c") == "/admin/users/a%2Fb%20c/reset")
        #expect(Site.projectReportSave.link("x", may) == "/projects/x/reports/2023-05/save")
        #expect(Site.home.link == "/")
    }

    @Test func queriesAreEncodedAndEmptyValuesLeftOut() {
        #expect(Site.warnings.link(query: ["year": "2023", "colour": nil]) == "/warnings?year=2023")
        #expect(Site.projects.link(query: ["unit": "区发改委 & 住建"]) == "/projects?unit=%E5%8C%BA%E5%8F%91%E6%94%B9%E5%A7%94%20%26%20%E4%BD%8F%E5%BB%BA")
        #expect(Site.reports.link(query: [:]) == "/reports")
    }

    @Test func apiPathsAreWrittenAsOpenAPIWritesThem() {
        #expect(Site.API.meetingItem.path.openAPIPath == "/meetings/{meeting}/items/{problem}")
        #expect(Site.API.meetingItem.path.parameters == ["meeting", "problem"])
        #expect(Site.meeting.path.openAPIPath == nil)
        #expect(Site.API.projects.link.hasPrefix(Site.API.root + "/"))
        #expect(Site.API.root.hasPrefix(Site.API.prefix.dropLast()))
    }
}
