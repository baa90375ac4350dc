import BallastCore
import BallastStore
import Foundation
import Vapor

struct WarningsCommandGroup: AsyncCommandGroup {
    var help: String { "四色预警 / Warning lights" }
    var commands: [String: any AnyAsyncCommand] { ["recompute": WarningsRecomputeCommand(), "list": WarningsListCommand()] }
}
