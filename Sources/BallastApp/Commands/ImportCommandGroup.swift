import BallastCore
import BallastStore
import Foundation
import Vapor

struct ImportCommandGroup: AsyncCommandGroup {
    var help: String { "导入数据 / Import data" }
    var commands: [String: any AnyAsyncCommand] { ["ledger": ImportLedgerCommand(), "progress": ImportProgressCommand()] }
}
