import BallastCore

/// An error that ends a command with a message and a non-zero exit.
public struct CommandFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
    /// A domain failure in both languages, for the terminal.
    public init(_ f: any DomainFailure) { self.init(f.message.zh + " / " + f.message.en) }
}
