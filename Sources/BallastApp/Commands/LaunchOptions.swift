import Foundation

/// Options every verb takes, read before Vapor sees the command line (its serve command
/// would refuse flags it does not know).
public struct LaunchOptions: Sendable, Equatable {
    public var database: String?
    /// `serve --demo`: load the demo district into an empty database first.
    public var demo = false
    /// The command line with our options taken out, for Vapor.
    public var remaining: [String]

    public static func parse(_ arguments: [String]) -> LaunchOptions {
        var out = LaunchOptions(database: nil, remaining: [])
        var i = 0
        while i < arguments.count {
            let arg = arguments[i]
            if arg == "--database", i + 1 < arguments.count {
                out.database = arguments[i + 1]
                i += 2
                continue
            }
            if arg.hasPrefix("--database=") {
                out.database = String(arg.dropFirst("--database=".count))
            } else if arg == "--demo" && arguments.dropFirst().first == "serve" {
                out.demo = true
            } else {
                out.remaining.append(arg)
            }
            i += 1
        }
        return out
    }
}
