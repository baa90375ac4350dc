@testable import BallastApp
import BallastCore
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Milestones, approval items, site photos and 亮灯督办 through the API and the pages, as the
/// demo district's unit and office would use them.
@Suite struct ProjectItemsAPITests {
    static let unitName = "区住房城乡建设局"
    /// A 640 × 480 PNG: signature, IHDR, an IDAT chunk of 64 bytes, IEND (checksums not checked).
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
                               0, 0, 0x02, 0x80, 0, 0, 0x01, 0xE0, 8, 2, 0, 0, 0, 0, 0, 0, 0]
        + [0, 0, 0, 64, 0x49, 0x44, 0x41, 0x54] + Array(repeating: 7, count: 64) + [0, 0, 0, 0]
        + [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]

    func send(_ client: TestClient, _ method: HTTPMethod, _ path: String, json body: [String: Any]? = nil,
              bytes: [UInt8]? = nil, type: HTTPMediaType? = nil) async throws -> (HTTPStatus, [String: Any], TestingHTTPResponse?) {
        var out: (HTTPStatus, [String: Any], TestingHTTPResponse?) = (.ok, [:], nil)
        try await client.test(method, path, beforeRequest: { req in
            if let body {
                req.headers.contentType = .json
                req.body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: body))
            }
            if let bytes {
                req.headers.contentType = type
                req.body = ByteBuffer(bytes: bytes)
            }
        }) { res in out = (res.status, jsonObject(res), res) }
        return out
    }

    func projects(_ app: Application) async throws -> (own: ProjectModel, other: ProjectModel) {
        let unitRef = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$name == Self.unitName).first())
        let own = try #require(try await ProjectModel.query(on: app.db).filter(\.$unit.$id == unitRef.id!).sort(\.$code).first())
        let other = try #require(try await ProjectModel.query(on: app.db).filter(\.$unit.$id != unitRef.id!).sort(\.$code).first())
        return (own, other)
    }

    @Test func milestonesMoveTheStageAndApprovalsCountTowardsTheRate() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let (own, other) = try await projects(app)
            // Put the unit's project back before construction, so its 开工 node can move it.
            try await ProjectModel.query(on: app.db).filter(\.$id == own.id!).set(\.$stage, to: "落地").update()
            let unit = try await app.as(.unit, unit: Self.unitName)
            let node: [String: Any] = ["year": 2023, "name": "开工", "planned": "2023-06-01", "actual": "2023-06-20"]
            #expect(try await send(unit, .POST, "/api/v1/projects/\(other.id!)/milestones", json: node).0 == .notFound)
            let future = try await send(unit, .POST, "/api/v1/projects/\(own.id!)/milestones", json: node.merging(["actual": "2023-07-02"]) { $1 })
            #expect(future.0 == .unprocessableEntity)
            #expect((future.1["error"] as? [String: Any])?["field"] as? String == "actual")
            let bad = try await send(unit, .POST, "/api/v1/projects/\(own.id!)/milestones", json: node.merging(["planned": "6/1"]) { $1 })
            #expect(bad.0 == .badRequest)
            #expect((bad.1["error"] as? [String: Any])?["field"] as? String == "planned")

            let (created, m, _) = try await send(unit, .POST, "/api/v1/projects/\(own.id!)/milestones", json: node)
            #expect(created == .created)
            #expect(m["stageMovedTo"] as? String == "在建")
            #expect(try await ProjectModel.find(own.id, on: app.db)?.stage == "在建")
            let id = try #require(m["id"] as? String)
            let version = try #require(m["version"] as? Int)
            let list = try await send(unit, .GET, "/api/v1/projects/\(own.id!)/milestones?year=2023")
            #expect(list.2.map { (try? JSONSerialization.jsonObject(with: Data(buffer: $0.body)) as? [[String: Any]])??.contains { $0["id"] as? String == id } } == true)
            let change: [String: Any] = ["version": version, "name": "开工", "planned": "2023-06-05", "actual": "2023-06-20"]
            #expect(try await send(unit, .PUT, "/api/v1/milestones/\(id)", json: change).0 == .ok)
            #expect(try await send(unit, .PUT, "/api/v1/milestones/\(id)", json: change).0 == .conflict)   // stale version
            #expect(try await send(unit, .DELETE, "/api/v1/milestones/\(id)?version=\(version)").0 == .conflict)
            #expect(try await send(unit, .DELETE, "/api/v1/milestones/\(id)?version=\(version + 1)").0 == .noContent)

            // The demo's 114 items are all approved; one more, not yet approved, brings the rate below 100%.
            let office = try await app.as(.office)
            let before = try await send(office, .GET, "/api/v1/approvals/rate?year=2023")
            #expect(before.1["total"] as? Int == 114)
            #expect(before.1["percent"] as? Double == 100)
            let item: [String: Any] = ["year": 2023, "name": "环评", "department": "市生态环境局二七分局", "target": "2023-07-15"]
            #expect(try await send(unit, .POST, "/api/v1/projects/\(other.id!)/approvals", json: item).0 == .notFound)
            let (added, a, _) = try await send(unit, .POST, "/api/v1/projects/\(own.id!)/approvals", json: item)
            #expect(added == .created)
            let after = try await send(office, .GET, "/api/v1/approvals/rate?year=2023")
            #expect(after.1["total"] as? Int == 115)
            #expect(after.1["approved"] as? Int == 114)
            #expect(after.1["percent"] as? Double == 99.1)
            let approve: [String: Any] = ["version": a["version"] as? Int ?? 0, "name": "环评", "target": "2023-07-15", "actual": "2023-06-28"]
            #expect(try await send(unit, .PUT, "/api/v1/approvals/\(a["id"] as? String ?? "")", json: approve).1["actual"] as? String == "2023-06-28")
            #expect(try await send(office, .GET, "/api/v1/approvals/rate?year=2023").1["percent"] as? Double == 100)
            let audits = try await AuditEntryModel.query(on: app.db).filter(\.$entity ~~ ["milestone", "approval-item"]).count()
            #expect(audits == 5)
        }
    }

    @Test func theProjectPageEditsMilestonesAndAppliesTheTemplate() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let (own, _) = try await projects(app)
            try await MilestoneModel.query(on: app.db).filter(\.$project.$id == own.id!).delete()
            try await ProjectModel.query(on: app.db).filter(\.$id == own.id!)
                .set(\.$plannedStart, to: "2023-09-01").set(\.$plannedEnd, to: "2024-12-31").set(\.$stage, to: "签约").update()
            let unit = try await app.as(.unit, unit: Self.unitName)
            var page = ""
            try await unit.test(.POST, "/projects/\(own.id!)/milestones", beforeRequest: { req in
                try req.content.encode(["action": "template", "year": "2023"], as: .urlEncodedForm)
            }) { res in
                #expect(res.status == .ok)
                page = res.body.string
            }
            #expect(page.contains("已套用节点模板：4 个节点"))
            let nodes = try await MilestoneModel.query(on: app.db).filter(\.$project.$id == own.id!).sort(\.$seq).all()
            #expect(nodes.map(\.name) == ["取得用地", "规划许可", "施工许可", "开工"])
            #expect(nodes.last?.planned == "2023-09-01")
            #expect(page.contains("2023年节点计划") && page.contains("取得用地"))
            #expect(!page.contains("套用区节点模板"))   // offered only while the year has no nodes
            // A refused edit shows the page again with the reason, and changes nothing.
            try await unit.test(.POST, "/projects/\(own.id!)/milestones", beforeRequest: { req in
                try req.content.encode(["action": "update", "item": nodes[0].id!.uuidString, "version": "7", "name": "取得用地",
                                        "planned": "2023-06-03", "year": "2023"], as: .urlEncodedForm)
            }) { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("alert bad"))
            }
            #expect(try await MilestoneModel.find(nodes[0].id, on: app.db)?.planned == nodes[0].planned)
        }
    }

    @Test func sitePhotosAreCheckedShownAndLockedWithTheReport() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            try await DistrictModel.query(on: app.db).set(\.$frozenOn, to: "2023-07-31").update()
            let (own, other) = try await projects(app)
            let unit = try await app.as(.unit, unit: Self.unitName)
            let (_, draft, _) = try await send(unit, .PUT, "/api/v1/projects/\(own.id!)/reports/2023-07", json: ["amount": 10, "progress": "基础施工"])
            let report = try #require(draft["reportId"] as? String)
            let upload = "/api/v1/reports/\(report)/photos"

            let notImage = try await send(unit, .POST, upload, bytes: Array("not a photo".utf8), type: .png)
            #expect(notImage.0 == .unprocessableEntity)
            #expect((notImage.1["error"] as? [String: Any])?["code"] as? String == "invalid_photo")
            #expect(try await send(unit, .POST, upload, bytes: Self.png + Array(repeating: 0, count: SitePhoto.maxBytes), type: .png).0 == .payloadTooLarge)
            let (created, photo, _) = try await send(unit, .POST, upload, bytes: Self.png, type: .png)
            #expect(created == .created)
            #expect(photo["width"] as? Int == 640 && photo["height"] as? Int == 480)
            let url = try #require(photo["url"] as? String)
            let fetched = try await send(unit, .GET, url)
            #expect(fetched.2?.headers.contentType == .png)
            #expect(fetched.2.map { Array(buffer: $0.body) } == Self.png)
            // Another unit's user does not find it.
            let stranger = try await app.as(.unit, unit: "区商务局")
            #expect(try await send(stranger, .GET, url).0 == .notFound)
            // Nothing stored by the refusals.
            #expect(try await ReportPhotoModel.query(on: app.db).filter(\.$reportID == UUID(uuidString: report)!).count() == 1)

            // The reports page shows the thumbnail; after submission photos are locked.
            try await unit.test(.GET, "/reports?month=2023-07") { res in
                #expect(res.body.string.contains(url))
                #expect(res.body.string.contains("现场照片") && res.body.string.contains("name=\"photo\""))
            }
            #expect(try await send(unit, .POST, "/api/v1/reports/\(report)/submit", json: ["version": 1]).0 == .ok)
            let locked = try await send(unit, .POST, upload, bytes: Self.png, type: .png)
            #expect(locked.0 == .conflict)
            #expect(try await send(unit, .DELETE, url).0 == .conflict)
            _ = other
        }
    }

    @Test func redAndYellowLightsOpenSupervisionItems() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            let summary = try await send(office, .GET, "/api/v1/summary?year=2023")
            let colours = try #require(summary.1["colours"] as? [String: Int])
            let (status, _, res) = try await send(office, .GET, "/api/v1/supervision/warnings?year=2023")
            #expect(status == .ok)
            let items = try #require(res.flatMap { try? JSONSerialization.jsonObject(with: Data(buffer: $0.body)) as? [[String: Any]] })
            #expect(items.count == (colours["red"] ?? -1) + (colours["yellow"] ?? -1))
            #expect(items.allSatisfy { ["red", "yellow"].contains($0["colour"] as? String ?? "") && $0["closedOn"] == nil })
            #expect(items.first?["colour"] as? String == "red")
            #expect(try await send(office, .GET, "/api/v1/supervision/warnings?status=shut").0 == .badRequest)
            let unit = try await app.as(.unit, unit: Self.unitName)
            let mine = try await send(unit, .GET, "/api/v1/supervision/warnings?year=2023")
            let own = try #require(mine.2.flatMap { try? JSONSerialization.jsonObject(with: Data(buffer: $0.body)) as? [[String: Any]] })
            #expect(own.allSatisfy { $0["unit"] as? String == Self.unitName })
            #expect(own.count < items.count)
            try await office.test(.GET, "/warnings?year=2023") { res in
                #expect(res.body.string.contains("亮灯督办：\(items.count) 项督办中"))
            }
        }
    }
}
