import BallastCore
import BallastStore
import Foundation
import Vapor

/// `ballast tokens create|list|revoke`: API tokens from the command line, for setting up a
/// machine client (the city's platform) without a browser. Same store as /admin/tokens.
struct TokensCommandGroup: AsyncCommandGroup {
    var help: String { "API 令牌 / API tokens" }
    var commands: [String: any AnyAsyncCommand] {
        ["create": TokensCreateCommand(), "list": TokensListCommand(), "revoke": TokensRevokeCommand()]
    }
}
