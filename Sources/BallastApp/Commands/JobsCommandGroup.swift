import Vapor

/// `ballast jobs run|status`: the scheduled jobs, by hand.
struct JobsCommandGroup: AsyncCommandGroup {
    var help: String { "定时任务 / Scheduled jobs" }
    var commands: [String: any AnyAsyncCommand] { ["run": JobsRunCommand(), "status": JobsStatusCommand()] }
}
