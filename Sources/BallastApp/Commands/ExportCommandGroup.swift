import BallastOffice
import BallastStore
import Foundation
import Vapor

struct ExportCommandGroup: AsyncCommandGroup {
    var help: String { "导出数据 / Export data" }
    var commands: [String: any AnyAsyncCommand] { ["ledger": ExportLedgerCommand()] }
}
