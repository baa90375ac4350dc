import BallastCore
import BallastStore
import Foundation
import Vapor

/// `ballast jobs status [--format table|json]`: the last run of each step in each district:
/// day, status, attempts, when it started and ended (UTC), and what it did or why it failed.
struct JobsStatusCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "format", help: "table 或 json") var format: String?
    }
    var help: String { "定时任务最近运行情况 / The scheduled jobs' last runs" }

    struct Line: Encodable {
        var job, step, district, day, status: String
        var attempts: Int
        var startedAt: String
        var finishedAt: String?
        var detail: String?
        var error: String?
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let stamp = ISO8601DateFormatter()
        let lines = try await JobRuns.latest(on: context.application.db).map { r in
            Line(job: r.job, step: r.step, district: r.district, day: r.day.iso, status: r.status, attempts: r.attempts,
                 startedAt: stamp.string(from: r.startedAt), finishedAt: r.finishedAt.map(stamp.string(from:)), detail: r.detail, error: r.error)
        }
        switch (signature.format ?? "table").lowercased() {
        case "json":
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            context.console.print(String(decoding: try encoder.encode(lines), as: UTF8.self))
        case "table":
            if lines.isEmpty { context.console.print("尚无运行记录 / no runs yet") }
            for l in lines {
                context.console.print([l.district, l.job, l.step, JobRuns.stepName(l.step), l.day, l.status, "×\(l.attempts)", l.startedAt,
                                       l.finishedAt ?? "—", l.error ?? l.detail ?? ""].joined(separator: "\t"))
            }
        default:
            throw CommandFailure("--format 只能是 json 或 table / --format must be json or table")
        }
    }
}
