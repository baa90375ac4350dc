@testable import BallastApp
import BallastCore
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Site photos judged at upload (issue 26): the verdict and distance stored and returned, a
/// broken camera record kept as a photo with "无法读取拍摄信息", the position removed from the
/// copy a unit is served and kept in the reviewer's, the verdicts on the review queue and a
/// report with no verified photo marked for attention.
@Suite struct PhotoVerdictAPITests {
    @Test func photosAreJudgedAgainstTheProjectAndTheMonth() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            try await DistrictModel.query(on: app.db).set(\.$frozenOn, to: "2023-07-31").update()
            let api = ProjectItemsAPITests()
            let (own, _) = try await api.projects(app)
            let unitRef = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$name == ProjectItemsAPITests.unitName).first())
            let second = try #require(try await ProjectModel.query(on: app.db).filter(\.$unit.$id == unitRef.id!).sort(\.$code, .descending).first())
            // The ledger gives the site in GCJ-02 (the default datum), at the photo's WGS-84 point.
            let site = GCJ02.fromWGS84(latitude: 34.7245, longitude: 113.6401)
            for id in [own.id!, second.id!] {
                try await ProjectModel.query(on: app.db).filter(\.$id == id).set(\.$latitude, to: site.latitude).set(\.$longitude, to: site.longitude).update()
            }
            // June 15 counts for July when the district allows 20 days either side.
            let district = try #require(try await DistrictModel.query(on: app.db).first())
            let ctx = ProjectItemContext(districtID: district.id!, actor: ChangeActor(name: "office"), today: "2023-07-31", scopeUnitID: nil)
            #expect(try await PhotoRuleStore.save(PhotoRules(radiusMeters: 1000, graceDays: 20), version: 0, context: ctx, on: app.db) == 1)

            let unit = try await app.as(.unit, unit: ProjectItemsAPITests.unitName)
            let office = try await app.as(.office)
            let (_, draft, _) = try await api.send(unit, .PUT, "/api/v1/projects/\(own.id!)/reports/2023-07", json: ["amount": 10, "progress": "主体施工"])
            let report = try #require(draft["reportId"] as? String)
            let upload = "/api/v1/reports/\(report)/photos"
            let siteJPEG = try PhotoEvidenceFixtures.load("site.jpg")
            let (created, photo, _) = try await api.send(unit, .POST, upload, bytes: siteJPEG, type: .jpeg)
            #expect(created == .created && photo["verdict"] as? String == "on-site" && photo["distanceMeters"] as? Int == 0)
            #expect(photo["takenAt"] as? String == "2023-06-15T10:30:00+08:00")
            let noExif = try await api.send(unit, .POST, upload, bytes: try PhotoEvidenceFixtures.load("no-exif.jpg"), type: .jpeg)
            #expect(noExif.1["verdict"] as? String == "no-location")
            // A cut camera record: the photo is kept, judged unreadable.
            let cut = try await api.send(unit, .POST, upload, bytes: try PhotoEvidenceFixtures.load("truncated.jpg"), type: .jpeg)
            #expect(cut.0 == .created && cut.1["verdict"] as? String == "unreadable")
            let stored = try await ReportPhotoModel.query(on: app.db).filter(\.$reportID == UUID(uuidString: report)!).filter(\.$verdict == "on-site").all()
            #expect(stored.count == 1 && stored.first?.device == "HUAWEI ELS-AN00" && stored.first?.bytes == Data(siteJPEG))

            // The unit is served a copy without the position; the reviewer the original.
            let url = try #require(photo["url"] as? String)
            let unitCopy = try #require(try await api.send(unit, .GET, url).2.map { Array(buffer: $0.body) })
            #expect(ExifReader.read(unitCopy) == .nothing && unitCopy.count < siteJPEG.count && SitePhoto.check(unitCopy) == SitePhoto.check(siteJPEG))
            let officeCopy = try #require(try await api.send(office, .GET, url).2.map { Array(buffer: $0.body) })
            #expect(officeCopy == siteJPEG)

            // Submitted: the reviewer sees each verdict; a report with a photo taken at the site is not marked.
            #expect(try await api.send(unit, .POST, "/api/v1/reports/\(report)/submit", json: ["version": 1]).0 == .ok)
            var page = ""
            try await office.test(.GET, "/reports?month=2023-07") { res in page = res.body.string }
            #expect(page.contains("现场（距项目 0 米）") && page.contains("无定位信息") && page.contains("无法读取拍摄信息"))
            #expect(page.contains("2023-06-15 10:30"), "the stamp says when it was taken")
            #expect(page.contains("照片：现场 1 · 无定位信息 1 · 无法读取拍摄信息 1"), "the verdicts beside the figure")
            #expect(page.components(separatedBy: "照片待核").count - 1 == 0)
            // A second report whose only photo has no location is marked for attention.
            let (_, draft2, _) = try await api.send(unit, .PUT, "/api/v1/projects/\(second.id!)/reports/2023-07", json: ["amount": 5, "progress": "基础"])
            let report2 = try #require(draft2["reportId"] as? String)
            _ = try await api.send(unit, .POST, "/api/v1/reports/\(report2)/photos", bytes: try PhotoEvidenceFixtures.load("no-exif.jpg"), type: .jpeg)
            #expect(try await api.send(unit, .POST, "/api/v1/reports/\(report2)/submit", json: ["version": 1]).0 == .ok)
            try await office.test(.GET, "/reports?month=2023-07") { res in page = res.body.string }
            #expect(page.components(separatedBy: "照片待核").count - 1 == 1)
            // HEIC is refused with what to do.
            let (_, draft3, _) = try await api.send(unit, .PUT, "/api/v1/projects/\(second.id!)/reports/2023-06", json: ["amount": 5])
            if let report3 = draft3["reportId"] as? String {
                let heic: [UInt8] = [0, 0, 0, 24] + Array("ftypheic".utf8) + [0, 0, 0, 0] + Array("mif1heic".utf8) + Array(repeating: 0, count: 64)
                let refused = try await api.send(unit, .POST, "/api/v1/reports/\(report3)/photos", bytes: heic, type: .init(type: "image", subType: "heic"))
                #expect(refused.0 == .unprocessableEntity && ((refused.1["error"] as? [String: Any])?["message"] as? String ?? "").contains("HEIC"))
            }
        }
    }
}

/// The committed photo fixtures (`Tests/Fixtures/photos`).
enum PhotoEvidenceFixtures {
    static func load(_ name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/photos/\(name)")
        return [UInt8](try Data(contentsOf: url))
    }
}

/// The rules are the district's setting: read by all, set by reviewers, versioned, refused
/// naming the field.
@Suite struct PhotoRulesAPITests {
    @Test func theOfficeSetsTheRules() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office), unit = try await app.as(.unit, unit: ProjectItemsAPITests.unitName)
            let (_, read) = try await unit.send(.GET, "/api/v1/photo-rules")
            #expect(read["radiusMeters"] as? Int == 1000 && read["graceDays"] as? Int == 7 && read["datum"] as? String == "GCJ-02" && read["version"] as? Int == 0)
            #expect(try await unit.send(.PUT, "/api/v1/photo-rules", ["radiusMeters": 500, "version": 0]).0 == .forbidden)
            let bad = try await office.send(.PUT, "/api/v1/photo-rules", ["radiusMeters": 5, "version": 0])
            #expect(bad.0 == .unprocessableEntity && "\(bad.1)".contains("radiusMeters"))
            // Every bad field named at once; a number too large or not whole is named too, not "cannot parse".
            let several = try await office.send(.PUT, "/api/v1/photo-rules", ["datum": "BD-09", "graceDays": 40, "radiusMeters": 1000.5, "version": 0])
            #expect(several.0 == .unprocessableEntity && "\(several.1)".contains("datum") && "\(several.1)".contains("graceDays") && "\(several.1)".contains("radiusMeters"))
            let huge = try await office.send(.PUT, "/api/v1/photo-rules", ["radiusMeters": 9_223_372_036_854_775_807.0, "version": 0])
            #expect(huge.0 == .unprocessableEntity && "\(huge.1)".contains("radiusMeters"))
            let (ok, saved) = try await office.send(.PUT, "/api/v1/photo-rules", ["radiusMeters": 500, "datum": "WGS-84", "version": 0])
            #expect(ok == .ok && saved["radiusMeters"] as? Int == 500 && saved["datum"] as? String == "WGS-84" && saved["graceDays"] as? Int == 7 && saved["version"] as? Int == 1)
            #expect(try await office.send(.PUT, "/api/v1/photo-rules", ["graceDays": 3, "version": 0]).0 == .conflict)
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$entity == "photo_rules").count() == 1)
        }
    }

    func form(_ client: TestClient, _ fields: [(String, String)]) async throws -> (HTTPStatus, String) {
        var out: (HTTPStatus, String) = (.ok, "")
        let body = ([("_csrf", client.csrfToken)] + fields).map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
            .joined(separator: "&")
        try await client.test(.POST, "/reports/photo-rules?month=2023-06", beforeRequest: { req in
            req.headers.contentType = .urlEncodedForm
            req.body = ByteBuffer(string: body)
        }) { res in out = (res.status, res.body.string) }
        return out
    }

    /// The same change from the review queue's folded form: the rule is said above the queue,
    /// a bad figure is named and nothing is saved, a unit's clerk has no form and no route.
    @Test func theReviewerChangesTheRulesOnTheQueue() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office), unit = try await app.as(.unit, unit: ProjectItemsAPITests.unitName)
            try await office.test(.GET, "/reports?month=2023-06") { res in
                let html = res.body.string
                #expect(html.contains("照片核验规则第0版：在项目位置 1000 米以内") && html.contains(#"name="radiusMeters""#) && html.contains("GCJ-02"))
            }
            try await unit.test(.GET, "/reports?month=2023-06") { res in #expect(!res.body.string.contains(#"name="radiusMeters""#)) }
            #expect(try await form(unit, [("radiusMeters", "500"), ("version", "0")]).0 == .forbidden)
            let bad = try await form(office, [("radiusMeters", "一千"), ("graceDays", "40"), ("version", "0")])
            #expect(bad.0 == .unprocessableEntity && bad.1.contains("radiusMeters") && bad.1.contains("距离（radiusMeters）应为整数") && !bad.1.contains("graceDays）应为整数"))
            let range = try await form(office, [("radiusMeters", "1000"), ("graceDays", "40"), ("version", "0")])
            #expect(range.0 == .unprocessableEntity && range.1.contains("graceDays"))
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$entity == "photo_rules").count() == 0)
            let ok = try await form(office, [("radiusMeters", "800"), ("graceDays", "3"), ("datum", "WGS-84"), ("version", "0")])
            #expect(ok.0 == .ok && ok.1.contains("已保存为第1版") && ok.1.contains("照片核验规则第1版：在项目位置 800 米以内、填报月份（前后宽限 3 天）"))
            let (_, read) = try await office.send(.GET, "/api/v1/photo-rules")
            #expect(read["radiusMeters"] as? Int == 800 && read["graceDays"] as? Int == 3 && read["datum"] as? String == "WGS-84" && read["version"] as? Int == 1)
            // A second reviewer's stale form is refused, not silently applied.
            #expect(try await form(office, [("radiusMeters", "600"), ("version", "0")]).0 == .conflict)
        }
    }
}
