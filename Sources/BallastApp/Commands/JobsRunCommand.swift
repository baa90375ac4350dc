import BallastCore
import BallastStore
import Vapor

/// `ballast jobs run nightly [--step NAME] [--as-of YYYY-MM-DD]`: the nightly job by hand, for
/// every district, through the same claims as the schedule (a step another instance is running
/// is skipped). Steps already done that day run again: each is safe to repeat. Exits non-zero
/// when a step failed.
struct JobsRunCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "job", help: "任务：nightly / the job: nightly") var job: String
        @Option(name: "step", help: "只运行一步：colours、notices、reminders、escalations、drafts / one step only") var step: String?
        @Option(name: "as-of", help: "按哪一天运行 YYYY-MM-DD，默认今天 / the day to run for, by default today") var asOf: String?
    }
    var help: String { "运行定时任务 / Run a scheduled job" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.job == NightlyJob.name else {
            throw CommandFailure("未知任务“\(signature.job)”，可用：nightly / unknown job “\(signature.job)”; there is: nightly")
        }
        var steps = NightlyJob.Step.allCases
        if let raw = signature.step {
            guard let step = NightlyJob.Step(rawValue: raw) else {
                throw CommandFailure("--step 只能是 \(NightlyJob.Step.allCases.map(\.rawValue).joined(separator: "、")) / unknown --step “\(raw)”")
            }
            steps = [step]
        }
        var day: CalendarDate?
        if let raw = signature.asOf {
            day = try WarningsCLI.asOfDay(raw)
        }
        let report = try await NightlyJob.runOnce(on: context.application.db, logger: context.application.logger, today: day, steps: steps, again: true)
        report.lines.forEach { context.console.print($0) }
        if report.failed > 0 { throw CommandFailure("\(report.failed) 步失败 / \(report.failed) step(s) failed") }
    }
}
