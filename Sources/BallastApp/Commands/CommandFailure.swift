import BallastCore

/// An error that ends a command with a message and a non-zero exit.
public struct CommandFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
    /// A domain failure in both languages, for the terminal.
    public init(_ f: any DomainFailure) { self.init(f.message.zh + " / " + f.message.en) }
}

/// An error as the terminal says it: a refusal in its words (both languages), anything else as
/// it describes itself — not a dump of its fields.
public enum CommandLineError {
    public static func text(_ error: any Error) -> String {
        if let f = error as? CommandFailure { return f.description }
        let e = APIErrorMiddleware.describe(error)
        if e.status.code < 500 || error is BallastError || error is any DomainFailure { return e.message.zh + " / " + e.message.en }
        return "\(error)"
    }
}
