import BallastCore
import BallastStore
import Foundation
import Vapor

struct UsersCommandGroup: AsyncCommandGroup {
    var help: String { "用户管理 / Users" }
    var commands: [String: any AnyAsyncCommand] {
        ["create": UsersCreateCommand(), "list": UsersListCommand(), "disable": UsersDisableCommand(), "reset": UsersResetCommand()]
    }
}
