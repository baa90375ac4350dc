import BallastCore
import Testing

@Suite struct CreditCodeTests {
    /// The example code printed in GB 32100-2015.
    @Test func acceptsTheStandardsExample() {
        #expect(CreditCode.validate("91350100M000100Y43") == .success("91350100M000100Y43"))
        #expect(CreditCode.validate("91350100m000100y43") == .success("91350100M000100Y43"))
    }

    @Test func refusesAWrongCheckCharacter() {
        #expect(CreditCode.validate("91350100M000100Y44") == .failure(.wrongCheckCharacter(expected: "3", found: "4")))
    }

    @Test func refusesWrongLengthAndLetters() {
        #expect(CreditCode.validate("91350100M000100Y4") == .failure(.wrongLength(17)))
        // I, O, S, V and Z are not in the alphabet: they look like digits.
        #expect(CreditCode.validate("91350100M000100I43") == .failure(.invalidCharacter("I", position: 16)))
    }

    @Test func checkCharacterCanBeZero() throws {
        // Find a body whose check is 0 by varying one digit: the (31 - 0) mod 31 case.
        let body = try #require((0..<31).lazy.map { "9141010300000000" + String(CreditCode.alphabet[$0]) }
            .first { CreditCode.checkCharacter(for: $0) == "0" })
        #expect(CreditCode.validate(body + "0") == .success(body + "0"))
    }
}
