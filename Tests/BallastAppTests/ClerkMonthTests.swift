@testable import BallastApp
import BallastCore
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The clerk's month (issue 23): a card per project with the plan, the year to date and last
/// month; a numeric keyboard; the figure, 形象进度 and a photo saved in one form; a refusal at
/// its field with what was typed kept; a month to come shown closed.
@Suite struct ClerkMonthTests {
    static let unitName = "区住房城乡建设局"
    static let boundary = "XCARD"

    static func setUp(_ app: Application) async throws -> (TestClient, [ProjectModel]) {
        try await DistrictModel.query(on: app.db).set(\.$frozenOn, to: "2023-07-31").update()
        let unitRef = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$name == unitName).first())
        let own = try await ProjectModel.query(on: app.db).filter(\.$unit.$id == unitRef.id!).sort(\.$code).all()
        return (try await app.as(.unit, unit: unitName), own)
    }

    /// The card's form as a browser posts it: multipart, with an optional photo.
    static func post(_ clerk: TestClient, project: UUID, month: String, fields: [String: String], photo: [UInt8]? = nil,
                     check: (TestingHTTPResponse) async throws -> Void) async throws {
        var body = ByteBuffer()
        for (k, v) in fields.sorted(by: { $0.key < $1.key }) {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n")
        }
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"\(photo == nil ? "" : "site.png")\"\r\n"
                         + "Content-Type: \(photo == nil ? "application/octet-stream" : "image/png")\r\n\r\n")
        if let photo { body.writeBytes(photo) }
        body.writeString("\r\n--\(boundary)--\r\n")
        try await clerk.test(.POST, "/projects/\(project)/reports/\(month)/save?month=\(month)", beforeRequest: { req in
            req.headers.contentType = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary])
            req.body = body
        }, afterResponse: check)
    }

    @Test func theClerkSeesACardPerProjectWithTheFiguresToWeighAndANumericKeyboard() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let (clerk, own) = try await Self.setUp(app)
            try await clerk.test(.GET, "/reports?month=2023-07") { res in
                let html = res.body.string
                #expect(html.contains("class=\"report-cards\""))
                #expect(html.contains("id=\"r-\(own[0].id!.uuidString)\""))
                #expect(html.contains("inputmode=\"decimal\""))
                #expect(html.contains("年度计划") && html.contains("此前累计") && html.contains("上月完成"))
                // One form holds the figure, 形象进度 and the photo; its first button saves a draft.
                let form = try #require(html.range(of: "<form class=\"report-form\""))
                let rest = html[form.lowerBound...]
                let end = try #require(rest.range(of: "</form>"))
                let one = String(rest[..<end.upperBound])
                #expect(one.contains("enctype=\"multipart/form-data\""))
                #expect(one.contains("name=\"amount\"") && one.contains("name=\"progress\"") && one.contains("name=\"photo\""))
                let save = try #require(one.range(of: "value=\"save\"")), submit = try #require(one.range(of: "value=\"submit\""))
                #expect(save.lowerBound < submit.lowerBound)
                // No other role's table: no review buttons, no 审定.
                #expect(!html.contains("确认审定"))
            }
            // A month still to come is closed: no input to type into and be refused.
            try await clerk.test(.GET, "/reports?month=2023-08") { res in
                #expect(res.body.string.contains("本月尚未开放填报"))
                #expect(!res.body.string.contains("name=\"amount\""))
            }
        }
    }

    @Test func aRefusedFigureComesBackAtItsFieldWithWhatWasTyped() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let (clerk, own) = try await Self.setUp(app)
            let p = own[0]
            try await Self.post(clerk, project: p.id!, month: "2023-07", fields: ["amount": "12,3x", "progress": "主体结构封顶", "action": "save"]) { res in
                #expect(res.status == .badRequest)
                let html = res.body.string
                // The notice names the project; the card says why at the field and keeps both values.
                #expect(html.contains("\(p.code) \(p.name)："))
                #expect(html.contains("class=\"field-error\""))
                #expect(html.contains("value=\"12,3x\""))
                #expect(html.contains(">主体结构封顶</textarea>"))
                #expect(html.contains("aria-invalid=\"true\""))
            }
            #expect(try await MonthlyReportModel.query(on: app.db).filter(\.$project.$id == p.id!).filter(\.$month == 7).count() == 0)
        }
    }

    @Test func theFigureTheProgressAndAPhotoAreOneSave() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let (clerk, own) = try await Self.setUp(app)
            let p = own[1]
            try await Self.post(clerk, project: p.id!, month: "2023-07", fields: ["amount": "321.5", "progress": "二层施工", "action": "submit"],
                                photo: ProjectItemsAPITests.png) { res in
                #expect(res.status == .ok, "\(res.body.string.prefix(600))")
                #expect(res.body.string.contains("已报送项目办审核"))
            }
            let r = try #require(try await MonthlyReportModel.query(on: app.db).filter(\.$project.$id == p.id!).filter(\.$month == 7).first())
            #expect(r.reportStatus == .submitted && r.amount == 3_215_000 && r.progress == "二层施工")
            #expect(try await ReportPhotoModel.query(on: app.db).filter(\.$reportID == r.id!).count() == 1)
        }
    }

    @Test func aRefusedPhotoSavesNothingAndKeepsTheFigure() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let (clerk, own) = try await Self.setUp(app)
            let p = own[2]
            try await Self.post(clerk, project: p.id!, month: "2023-07", fields: ["amount": "88", "progress": "基础施工", "action": "save"],
                                photo: Array("not an image at all".utf8)) { res in
                #expect(res.status.code >= 400 && res.status.code < 500)
                let html = res.body.string
                #expect(html.contains("value=\"88\"") && html.contains(">基础施工</textarea>"))
                #expect(html.contains("error-photo-\(p.id!.uuidString)"))
            }
            #expect(try await MonthlyReportModel.query(on: app.db).filter(\.$project.$id == p.id!).filter(\.$month == 7).count() == 0)
            #expect(try await ReportPhotoModel.query(on: app.db).filter(\.$projectID == p.id!).count() == 0)
        }
    }

    /// A photo over 5 MB: the card says the limit before sending (the phone checks the size:
    /// the input carries it), and a page sent anyway is told this form's limit in words, with
    /// nothing saved.
    @Test func aPhotoOverTheLimitIsSaidBeforeAndAfterSending() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let (clerk, own) = try await Self.setUp(app)
            try await clerk.test(.GET, "/reports?month=2023-07") { res in
                let html = res.body.string
                #expect(html.contains("data-max-bytes=\"\(SitePhoto.maxBytes)\"") && html.contains("超过 5 MB 上限"))
            }
            try await clerk.test(.GET, "/assets/offline.js") { res in
                #expect(res.body.string.contains("setCustomValidity") && res.body.string.contains("data-max-bytes"))
            }
            let p = own[3]
            // A little over: refused at the photo, the figure and the text typed still in the card.
            try await Self.post(clerk, project: p.id!, month: "2023-07", fields: ["amount": "12", "progress": "主体施工", "action": "save"],
                                photo: Array(repeating: 0xFF, count: SitePhoto.maxBytes + 100_000)) { res in
                let html = res.body.string
                #expect(res.status == .unprocessableEntity || res.status == .payloadTooLarge)
                #expect(html.contains("value=\"12\"") && html.contains(">主体施工</textarea>") && html.contains("error-photo-\(p.id!.uuidString)"))
                #expect(html.contains("超过 5 MB"))
            }
            // Far over (declared): this form's limit said in words before the body is read.
            let big = ByteBuffer(repeating: 0x41, count: 2 * SitePhoto.maxBytes + 200_000)
            try await clerk.test(.POST, "/projects/\(p.id!)/reports/2023-07/save?month=2023-07", beforeRequest: { req in
                req.headers.contentType = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": Self.boundary])
                req.headers.replaceOrAdd(name: .contentLength, value: String(big.readableBytes))
                req.body = big
            }) { res in
                #expect(res.status == .payloadTooLarge)
                #expect(res.body.string.contains("上传内容超过本项上限 10 MB") && res.body.string.contains("返回"))
            }
            #expect(try await MonthlyReportModel.query(on: app.db).filter(\.$project.$id == p.id!).filter(\.$month == 7).count() == 0)
        }
    }
}
