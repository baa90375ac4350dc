@testable import BallastApp
import BallastCore
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor
import VaporTesting

/// A stand-in group robot on 127.0.0.1: `/ok` takes the message (errcode 0), `/reject` refuses it
/// (errcode 93000, as a robot with a wrong key does), `/fail` answers 500, `/slow` answers after a second.
struct FakeRobot {
    let port: Int
    let received: NIOLockedValueBox<[String]>

    static func run(_ body: (FakeRobot) async throws -> Void) async throws {
        let app = try await Application.make(.testing)
        let received = NIOLockedValueBox<[String]>([])
        let record = { (req: Request) in received.withLockedValue { $0.append(req.url.path + " " + (req.body.string ?? "")) } }
        app.post("ok") { req -> Response in record(req); return Response(status: .ok, body: .init(string: #"{"errcode":0,"errmsg":"ok"}"#)) }
        app.post("reject") { req -> Response in record(req); return Response(status: .ok, body: .init(string: #"{"errcode":93000,"errmsg":"invalid webhook url"}"#)) }
        app.post("fail") { req -> Response in record(req); return Response(status: .internalServerError) }
        // Records the message id, from the header and the body, as a deduplicating receiver keys on it.
        app.post("ids") { req -> Response in
            received.withLockedValue { $0.append("ids \(req.headers.first(name: RobotMessage.idHeader) ?? "-") \(req.body.string ?? "")") }
            return Response(status: .ok, body: .init(string: #"{"errcode":0}"#))
        }
        app.post("slow") { req async throws -> Response in
            try await Task.sleep(for: .seconds(1))
            record(req)
            return Response(status: .ok, body: .init(string: #"{"errcode":0}"#))
        }
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = 0
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        do {
            let port = try #require(app.http.server.shared.localAddress?.port)
            try await body(FakeRobot(port: port, received: received))
        } catch {
            await app.server.shutdown(); try? await app.asyncShutdown(); throw error
        }
        await app.server.shutdown()
        try await app.asyncShutdown()
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)/\(path)" }

    /// The suite runs beside eighty others on two cores: a loopback connection can wait longer
    /// than the client's 10-second connect limit for a busy event loop, failing a delivery that
    /// a quiet machine makes in a millisecond. What these tests check is the sender, not that.
    static func patientClient(_ app: Application) {
        app.http.client.configuration.timeout = .init(connect: .seconds(60), read: .seconds(60))
    }
}

@Suite struct WebhookTests {
    @Test func robotsGetTheirUnitsMessagesInTheBackgroundAndFailuresEndLogged() async throws {
        try await FakeRobot.run { robot in
            try await TestDatabase.withApp(demo: true) { app in
                FakeRobot.patientClient(app)
                let admin = try await app.as(.admin)
                // Not http(s), or no host: refused, naming the field.
                for bad in ["ftp://robot.example/x", "http://", "企业微信"] {
                    let (status, body) = try await admin.send(.POST, "/api/v1/webhooks", ["name": "x", "url": bad, "format": "wecom"])
                    #expect(status == .unprocessableEntity && (body["error"] as? [String: Any])?["field"] as? String == "url", "\(bad)")
                }
                var hooks: [String: String] = [:]
                for (name, path, format) in [("商务局企业微信", "ok", "wecom"), ("商务局钉钉", "reject", "dingtalk"), ("商务局坏掉的", "fail", "wecom")] {
                    let (status, body) = try await admin.send(.POST, "/api/v1/webhooks", ["name": name, "url": robot.url(path), "format": format, "unit": "区商务局"])
                    #expect(status == .created)
                    hooks[path] = body["id"] as? String
                }
                // Assigning a problem to 区商务局 answers at once: the three messages are only queued.
                let unit = try #require(try await ReferenceEntryModel.query(on: app.db).filter(\.$name == "区商务局").first())
                let project = try #require(try await ProjectModel.query(on: app.db).filter(\.$unit.$id == unit.id!).sort(\.$code).first())
                let office = try await app.as(.office)
                let unitUser = try await app.as(.unit, unit: "区商务局")
                let (created, _) = try await office.send(.POST, "/api/v1/problems", ["projectCode": project.code, "category": "土地", "title": "用地报批滞后",
                                                                                     "description": "d", "leadUnit": "区商务局"])
                #expect(created == .created)
                #expect(robot.received.withLockedValue { $0 }.isEmpty)
                #expect(try await WebhookDeliveryModel.query(on: app.db).filter(\.$status == "pending").count() == 3)
                // The unit's user finds it in the inbox.
                let (_, inbox) = try await unitUser.send(.GET, "/api/v1/inbox?unread=true")
                #expect(inbox["unread"] as? Int == 1 && ((inbox["items"] as? [[String: Any]])?.first?["title"] as? String)?.contains("用地报批滞后") == true)

                // The sender: the good robot takes it; the others are retried, then given up on with the reason logged.
                var sender = WebhookSender(db: app.db, client: app.client, logger: app.logger)
                sender.timeout = .seconds(30)
                var now = Date()
                #expect(try await sender.processOnce(now: now) == 3)
                let messages = robot.received.withLockedValue { $0 }
                #expect(messages.count == 3 && messages.allSatisfy { $0.contains(#""msgtype":"text""#) && $0.contains("用地报批滞后") })
                for _ in 2...5 {
                    now = now.addingTimeInterval(3600)
                    #expect(try await sender.processOnce(now: now) == 2)
                }
                now = now.addingTimeInterval(3600)
                #expect(try await sender.processOnce(now: now) == 0)
                let (_, okLog) = try await admin.sendArray(.GET, "/api/v1/webhooks/\(hooks["ok"]!)/deliveries")
                #expect(okLog.map { $0["status"] as? String } == ["sent"] && okLog.first?["attempts"] as? Int == 1)
                for path in ["reject", "fail"] {
                    let (_, log) = try await admin.sendArray(.GET, "/api/v1/webhooks/\(hooks[path]!)/deliveries")
                    #expect(log.map { $0["status"] as? String } == ["failed"] && log.first?["attempts"] as? Int == 5)
                    #expect((log.first?["lastError"] as? String)?.contains("不再重试") == true)
                }
                #expect(robot.received.withLockedValue { $0 }.count == 3 + 2 * 4)

                // A switched-off robot gets nothing; a test message goes to the one asked.
                #expect(try await admin.send(.PUT, "/api/v1/webhooks/\(hooks["fail"]!)/enabled", ["enabled": false]).0 == .ok)
                #expect(try await admin.send(.POST, "/api/v1/webhooks/\(hooks["ok"]!)/test").0 == .accepted)
                _ = try await office.send(.POST, "/api/v1/problems", ["projectCode": project.code, "category": "资金", "title": "资本金未到位",
                                                                      "description": "d", "leadUnit": "区商务局"])
                #expect(try await WebhookDeliveryModel.query(on: app.db).filter(\.$status == "pending").count() == 3)
                try await admin.test(.GET, "/admin/webhooks") { res in
                    #expect(res.status == .ok && res.body.string.contains("商务局企业微信") && res.body.string.contains("不再重试"))
                }
            }
        }
    }

    @Test func aSlowRobotHoldsOneSlotNotTheQueue() async throws {
        try await FakeRobot.run { robot in
            try await TestDatabase.withApp { app in
                FakeRobot.patientClient(app)
                let district = try await DistrictContext.findOrCreate(code: nil, name: nil, on: app.db)
                let hook = try await WebhookEditor(districtID: district.id!, actor: .system)
                    .create(name: "慢", url: robot.url("slow"), format: .wecom, unitID: nil, on: app.db)
                for i in 0..<16 { try await Notifier.enqueue(hook, text: "消息\(i)", link: "/", on: app.db) }
                var sender = WebhookSender(db: app.db, client: app.client, logger: app.logger)
                sender.concurrency = 8
                // A generous limit: on a loaded CI machine a one-second answer can take several.
                sender.timeout = .seconds(60)
                // Sixteen one-second answers, eight at a time: all delivered in one pass.
                #expect(try await sender.processOnce() == 16)
                #expect(try await WebhookDeliveryModel.query(on: app.db).filter(\.$status == "sent").count() == 16)
                #expect(robot.received.withLockedValue { $0 }.count == 16)
            }
        }
    }

    @Test func aRobotThatDoesNotAnswerInTimeIsRetriedThenGivenUp() async throws {
        try await FakeRobot.run { robot in
            try await TestDatabase.withApp { app in
                let district = try await DistrictContext.findOrCreate(code: nil, name: nil, on: app.db)
                let hook = try await WebhookEditor(districtID: district.id!, actor: .system)
                    .create(name: "不应答", url: robot.url("slow"), format: .dingtalk, unitID: nil, on: app.db)
                try await Notifier.enqueue(hook, text: "消息", link: "/", on: app.db)
                var sender = WebhookSender(db: app.db, client: app.client, logger: app.logger)
                sender.timeout = .milliseconds(200)
                sender.maxAttempts = 2
                var now = Date()
                #expect(try await sender.processOnce(now: now) == 1)
                let first = try #require(try await WebhookDeliveryModel.query(on: app.db).first())
                #expect(first.status == "pending" && first.attempts == 1 && first.lastError == DeliveryFailure.timeout.stored)
                // Not due again until its wait is over.
                #expect(try await sender.processOnce(now: now) == 0)
                now = now.addingTimeInterval(3600)
                #expect(try await sender.processOnce(now: now) == 1)
                let last = try #require(try await WebhookDeliveryModel.query(on: app.db).first())
                #expect(last.status == "failed" && last.attempts == 2 && last.lastError == DeliveryFailure.timeout.stored && last.finishedAt != nil)
                #expect(WebhookEditor.Delivery(last).reason?.zh == "第 2 次投递失败，不再重试：机器人在限定时间内未应答")
            }
        }
    }

    /// A sender that dies after the robot took the message: another instance sends it again once
    /// the claim's lease has passed, with the same id, so a receiver that keeps ids takes it once.
    @Test func aMessageSentAgainAfterASenderDiedCarriesTheSameId() async throws {
        try await FakeRobot.run { robot in
            try await TestDatabase.withTwoApps { a, b in
                FakeRobot.patientClient(a); FakeRobot.patientClient(b)
                let district = try await DistrictContext.findOrCreate(code: nil, name: nil, on: a.db)
                let hook = try await WebhookEditor(districtID: district.id!, actor: .system)
                    .create(name: "去重", url: robot.url("ids"), format: .wecom, unitID: nil, on: a.db)
                let queued = try await Notifier.enqueue(hook, text: "消息", link: "/", on: a.db)
                let t0 = try await DatabaseClock.now(on: a.db)
                // Instance A claims it for a minute, posts it, and dies before recording.
                let claimed = try await WebhookQueue.claim(now: t0, lease: t0.addingTimeInterval(60), batch: 8, on: a.db)
                #expect(claimed.map(\.id) == [try queued.requireID()])
                let dying = WebhookSender(db: a.db, client: a.client, logger: a.logger)
                let (status, failure) = await dying.post(try #require(claimed.first))
                #expect(status == 200 && failure == nil)
                // Instance B leaves it while A's claim holds, and sends it once it has lapsed.
                let other = WebhookSender(db: b.db, client: b.client, logger: b.logger)
                #expect(try await other.processOnce(now: t0.addingTimeInterval(30)) == 0)
                #expect(try await other.processOnce(now: t0.addingTimeInterval(61)) == 1)
                let posts = robot.received.withLockedValue { $0 }.filter { $0.hasPrefix("ids ") }
                #expect(posts.count == 2)
                let id = try queued.requireID().uuidString.lowercased()
                for post in posts {
                    #expect(post.hasPrefix("ids \(id) ") && post.contains(#""ballast_message_id":"\#(id)""#), "\(post)")
                }
                var seen = Set<String>()
                let handled = posts.filter { seen.insert(String($0.split(separator: " ")[1])).inserted }
                #expect(handled.count == 1)
                #expect(try await WebhookDeliveryModel.find(queued.id, on: a.db)?.status == "sent")
            }
        }
    }
}
