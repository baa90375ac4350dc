@testable import BallastApp
import BallastCore
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// A card's entry sent twice — from a phone's queue after a lost answer, or a double tap —
/// is saved once (issue 26): its draftKey is claimed in the save's transaction. The site is
/// installable: manifest, icons and service worker open to a browser without a session.
@Suite struct OfflineEntryTests {
    @Test func theSameEntrySentTwiceIsSavedOnce() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let (clerk, own) = try await ClerkMonthTests.setUp(app)
            let p = own[3]
            let key = UUID().uuidString
            let photo = try PhotoEvidenceFixtures.load("site.jpg")
            // The card carries a fresh key.
            try await clerk.test(.GET, "/reports?month=2023-07") { res in
                #expect(res.body.string.contains(#"name="draftKey""#) && res.body.string.contains(#"id="pending""#))
                #expect(res.body.string.contains("/assets/offline.js"))
            }
            for attempt in 1...2 {
                try await ClerkMonthTests.post(clerk, project: p.id!, month: "2023-07",
                                               fields: ["amount": "12.5", "progress": "主体施工", "action": "submit", "draftKey": key], photo: photo) { res in
                    #expect(res.status == .ok)
                    #expect(res.body.string.contains(attempt == 1 ? "已报送项目办审核" : "此前已收到"), "attempt \(attempt)")
                }
            }
            let reports = try await MonthlyReportModel.query(on: app.db).filter(\.$project.$id == p.id!).filter(\.$month == 7).all()
            #expect(reports.count == 1 && reports.first?.amount == 125_000 && reports.first?.reportStatus == .submitted)
            #expect(try await ReportPhotoModel.query(on: app.db).filter(\.$reportID == reports.first!.id!).count() == 1)
            #expect(try await RequestKeyModel.query(on: app.db).filter(\.$key == key).count() == 1)
            // A refused save claims nothing: the same key then saves once corrected.
            let other = own[4], key2 = UUID().uuidString
            try await ClerkMonthTests.post(clerk, project: other.id!, month: "2023-07", fields: ["amount": "十二", "action": "save", "draftKey": key2]) { res in
                #expect(res.status == .badRequest || res.status == .unprocessableEntity)
            }
            try await ClerkMonthTests.post(clerk, project: other.id!, month: "2023-07", fields: ["amount": "12", "action": "save", "draftKey": key2]) { res in
                #expect(res.status == .ok && !res.body.string.contains("此前已收到"))
            }
            // The same key for another card is not a resend: refused naming the field, nothing saved there.
            let third = own[5]
            try await ClerkMonthTests.post(clerk, project: third.id!, month: "2023-07", fields: ["amount": "66", "action": "save", "draftKey": key]) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("draftKey") && !res.body.string.contains("此前已收到"))
            }
            #expect(try await MonthlyReportModel.query(on: app.db).filter(\.$project.$id == third.id!).filter(\.$month == 7).count() == 0)
            // A key that is no key is refused naming the field.
            try await ClerkMonthTests.post(clerk, project: other.id!, month: "2023-07", fields: ["amount": "12", "action": "save", "draftKey": "x'; DROP"]) { res in
                #expect(res.status == .badRequest && res.body.string.contains("draftKey"))
            }
            // Signing out clears what the phone kept.
            try await clerk.test(.POST, "/signout") { res in
                #expect(res.headers.first(name: "Clear-Site-Data") == #""cache", "storage""#)
            }
        }
    }

    @Test func theSiteIsInstallable() async throws {
        try await TestDatabase.withApp(demo: false) { app in
            try await app.test(.GET, "/manifest.webmanifest") { res in
                #expect(res.status == .ok)
                let json = try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any]
                #expect(json?["display"] as? String == "standalone" && (json?["icons"] as? [Any])?.count == 2)
            }
            for (path, size) in [("/icons/ballast-192.png", 192), ("/icons/ballast-512.png", 512)] {
                try await app.test(.GET, path) { res in
                    let png = Array(res.body.readableBytesView)
                    #expect(res.headers.contentType == .png && SitePhoto.check(png) == .success(.init(kind: .png, width: size, height: size)))
                }
            }
            try await app.test(.GET, "/sw.js") { res in
                #expect(res.status == .ok && res.body.string.contains("importScripts('/assets/drafts.js')") && res.headers.first(name: .cacheControl) == "no-cache")
            }
        }
    }
}
