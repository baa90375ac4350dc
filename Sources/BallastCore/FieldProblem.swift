/// What is wrong with one field of a form or request body, in both languages.
public struct FieldProblem: Sendable, Equatable {
    public var field: String
    public var message: Message

    public init(_ field: String, _ message: Message) { self.field = field; self.message = message }
}

/// A field problem is also what a reader that stops at the first one throws or returns.
extension FieldProblem: Error {}
