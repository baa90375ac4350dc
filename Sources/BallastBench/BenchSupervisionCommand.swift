import BallastApp
import BallastCore
import BallastStore
import Fluent
import Foundation
import NIOCore
import SQLKit
import Vapor

/// `ballast bench supervision`: the supervision loop at a province's scale (issue 6: "overdue by
/// unit" and the inbox over 500 000 problems and 2 million steps ≤ 100 ms; 1 000 webhook
/// messages to a receiver taking 1 s each must not slow page requests). Loads once into a
/// district of its own: 200 units, 2 000 users, the problems with four steps each, 500 inbox
/// messages per user.
struct BenchSupervisionCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "problems", help: "问题数 / problems (default 500000)") var problems: Int?
        @Option(name: "messages", help: "发往慢速机器人的消息数 / messages to the slow robot (default 1000; 0 skips)") var messages: Int?
    }

    var help: String { "督办：逾期统计、消息与机器人投递的耗时 / supervision figures, inbox and webhook delivery" }

    static let today = CalendarDate(year: 2023, month: 6, day: 30)!

    func run(using context: CommandContext, signature: Signature) async throws {
        let n = signature.problems ?? 500_000
        let app = context.application
        let db = app.db
        let id = try await BenchSupport.district(code: "bench-sup-\(n)", name: "督办基准区", on: db, console: context.console) { id in
            try await Self.load(district: id, problems: n, on: db)
        }
        let user = try requireBench(try await UserModel.query(on: db).filter(\.$district.$id == id).sort(\.$username).first()?.id)
        func time(_ label: String, _ body: () async throws -> String) async throws {
            var times: [Double] = []
            var what = ""
            for _ in 0..<7 {
                let t = ContinuousClock.now
                what = try await body()
                times.append(BenchSupport.seconds(t))
            }
            times.sort()
            context.console.print(String(format: "%@: median %.1f ms (min %.1f, max %.1f) — %@", label, times[3] * 1000, times[0] * 1000, times[6] * 1000, what))
        }
        try await time("overdue by unit, now") {
            let rows = try await ProblemFigures.overdueByUnit(districtID: id, today: Self.today, scopeUnitID: nil, on: db)
            return "\(rows.count) units, \(rows.reduce(0) { $0 + $1.overdue }) overdue"
        }
        try await time("inbox of one user (unread count and first 100)") {
            let (unread, items) = try await Inbox.list(userID: user, on: db)
            return "\(unread) unread, \(items.count) listed"
        }
        try await time("overdue list, first page") {
            let (total, rows) = try await ProblemQuery.list(districtID: id, filter: .init(status: .overdue), today: Self.today, scopeUnitID: nil, on: db)
            return "\(total) overdue, \(rows.count) listed"
        }
        try await time("figures by unit for H1, today (from the problems)") {
            let lines = try await ProblemFigures.run(districtID: id, from: CalendarDate(year: 2023, month: 1, day: 1)!, to: Self.today, asOf: Self.today,
                                                     by: .unit, scopeUnitID: nil, today: Self.today, on: db)
            return "\(lines.count) units, \(lines.reduce(0) { $0 + $1.tally.raised }) raised"
        }
        try await time("figures by unit for H1 at a past day, 2023-05-31 (from the steps)") {
            let lines = try await ProblemFigures.run(districtID: id, from: CalendarDate(year: 2023, month: 1, day: 1)!, to: Self.today,
                                                     asOf: CalendarDate(year: 2023, month: 5, day: 31)!, by: .unit, scopeUnitID: nil, today: Self.today, on: db)
            return "\(lines.count) units, \(lines.reduce(0) { $0 + $1.tally.raised }) raised"
        }
        let messages = signature.messages ?? 1_000
        if messages > 0 { try await slowRobot(messages: messages, district: id, user: user, app: app, console: context.console) }
    }

    /// Page-request work (the overdue list and an inbox) timed while the sender works through
    /// `messages` for a robot that takes a second to answer each.
    func slowRobot(messages: Int, district: UUID, user: UUID, app: Application, console: any Console) async throws {
        let robot = try await Application.make(.testing)
        robot.post("slow") { _ async throws -> Response in
            try await Task.sleep(for: .seconds(1))
            return Response(status: .ok, body: .init(string: #"{"errcode":0}"#))
        }
        try await robot.server.start(address: .hostname("127.0.0.1", port: 0))
        let port = robot.http.server.shared.localAddress?.port ?? 0
        let db = app.db
        let hook = try await WebhookEditor(districtID: district, actor: .system)
            .create(name: "慢速机器人 \(UUID().uuidString.prefix(4))", url: "http://127.0.0.1:\(port)/slow", format: .wecom, unitID: nil, on: db)
        for i in 0..<messages { try await Notifier.enqueue(hook, text: "基准消息 \(i)", link: "/", on: db) }
        func pageWork() async throws -> Double {
            let t = ContinuousClock.now
            _ = try await ProblemQuery.list(districtID: district, filter: .init(status: .overdue), today: Self.today, scopeUnitID: nil, on: db)
            _ = try await Inbox.list(userID: user, on: db)
            return BenchSupport.seconds(t)
        }
        var idle: [Double] = []
        for _ in 0..<20 { idle.append(try await pageWork()) }
        let sender = WebhookSender(db: db, client: app.client, logger: app.logger)
        let start = ContinuousClock.now
        let sending = Task {
            while try await WebhookDeliveryModel.query(on: db).filter(\.$webhookID == hook.id!).filter(\.$status != "sent").count() > 0 {
                _ = try await sender.processOnce()
            }
        }
        var busy: [Double] = []
        while busy.count < 20 || !sending.isCancelled && busy.count < 2_000 {
            busy.append(try await pageWork())
            if busy.count >= 20, try await WebhookDeliveryModel.query(on: db).filter(\.$webhookID == hook.id!).filter(\.$status == "sent").count() == messages { break }
        }
        try await sending.value
        let took = BenchSupport.seconds(start)
        idle.sort(); busy.sort()
        let p = { (a: [Double], q: Double) in a[min(a.count - 1, Int(Double(a.count) * q))] * 1000 }
        console.print(String(format: "%d messages to a 1-s robot delivered in %.0f s (%d at a time); page work idle median %.1f ms (p95 %.1f), while sending median %.1f ms (p95 %.1f), %d samples",
                             messages, took, sender.concurrency, p(idle, 0.5), p(idle, 0.95), p(busy, 0.5), p(busy, 0.95), busy.count))
        await robot.server.shutdown()
        try await robot.asyncShutdown()
    }

    /// Units, users, problems with their steps, and each user's inbox.
    static func load(district id: UUID, problems n: Int, on db: any Database) async throws -> String {
        var units: [UUID] = []
        for i in 0..<200 {
            let u = ReferenceEntryModel(districtID: id, kind: .unit, year: 0, name: "基准单位\(i)", sort: i)
            try await u.create(on: db)
            units.append(u.id!)
        }
        var users: [UUID] = []
        for i in 0..<2_000 {
            let u = UserModel(districtID: id, username: "bench-sup-\(n)-\(i)", displayName: "基准用户\(i)", passwordHash: "-", roles: [.unit],
                              unitID: units[i % units.count], mustChangePassword: false)
            try await u.create(on: db)
            users.append(u.id!)
        }
        var rng = SystemRandomNumberGenerator()
        let first = CalendarDate(year: 2021, month: 1, day: 4)!
        let span = first.days(until: today)
        var steps = 0
        for chunk in stride(from: 0, to: n, by: 20_000) {
            var seeds: [ProblemSeed] = []
            for i in chunk..<min(chunk + 20_000, n) {
                let raised = first.adding(days: Int.random(in: 0...span, using: &rng))
                var s = ProblemSeed(projectID: nil, category: ProblemCategory.defaults[i % 7], title: "基准问题\(i)", description: "d", raisedBy: "bench", raisedOn: raised)
                s.leadUnitID = units[i % units.count]
                let deadline = raised.adding(days: 10 + i % 40)
                s.steps = [.init(.assign, on: raised, by: "bench", deadline: deadline), .init(.acknowledge, on: raised.adding(days: 1), by: "unit")]
                // Four in five solved; the rest open, most of them past their deadline by now.
                let solvedOn = raised.adding(days: 5 + i % 50)
                if i % 5 != 0 && solvedOn <= today { s.steps.append(.init(.resolve, on: solvedOn, by: "unit", note: "ok")) } else {
                    s.steps.append(.init(.feedback, on: raised.adding(days: 2), by: "unit", note: "办理中"))
                }
                steps += 1 + s.steps.count
                seeds.append(s)
            }
            let batch = seeds
            try await db.writeTransaction { tx in try await ProblemSeed.insert(batch, districtID: id, on: tx) }
        }
        var messages = 0
        let now = Date()
        let everyone = users
        for chunk in stride(from: 0, to: everyone.count, by: 50) {
            try await db.writeTransaction { tx in
                let sqlTx = try tx.sql()
                for user in everyone[chunk..<min(chunk + 50, everyone.count)] {
                    var insert = sqlTx.insert(into: NotificationModel.schema).columns("id", "district_id", "user_id", "kind", "title", "link", "created_at", "read_at")
                    for k in 0..<500 {
                        let at = now.addingTimeInterval(-Double(k) * 3600)
                        insert = insert.values([UUID(), id, user, "assigned", "基准消息\(k)", Site.problems.link, at, k < 20 ? nil : at] as [any Encodable & Sendable])
                    }
                    try await insert.run()
                }
            }
            messages += 50 * 500
        }
        return "\(n) problems, \(steps) steps, \(users.count) users, \(messages) inbox messages"
    }
}

/// The bench's own "this must exist" for values the load just wrote.
func requireBench<T>(_ value: T?) throws -> T {
    guard let value else { throw Abort(.internalServerError, reason: "bench data missing") }
    return value
}
