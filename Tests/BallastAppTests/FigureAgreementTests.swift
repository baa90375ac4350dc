@testable import BallastApp
import BallastCore
import BallastStore
import BallastTestSupport
import Foundation
import Testing
import Vapor
import VaporTesting

/// Two places that show one figure show the same number (issue 21). Pages carry the figures
/// they show in `data-figure` / `data-count` attributes, so a test reads the number the reader
/// sees, not a recount of its own.
@Suite struct FigureAgreementTests {
    /// The first whole number in the text of the first element carrying `attribute="name"`.
    static func number(_ html: String, _ attribute: String, _ name: String) -> Int? {
        guard let at = html.range(of: "\(attribute)=\"\(name)\"") else { return nil }
        let rest = html[at.upperBound...]
        guard let close = rest.firstIndex(of: ">") else { return nil }
        let text = rest[rest.index(after: close)...].prefix { $0 != "<" }
        return Int(text.drop { !$0.isNumber }.prefix { $0.isNumber })
    }

    @Test func theProblemLedgersOpenCardCountsTheProblemsItsOpenListShows() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let office = try await app.as(.office)
            var card: Int?, list: Int?
            try await office.test(.GET, "/problems") { res in
                #expect(res.status == .ok)
                card = Self.number(res.body.string, "data-figure", "problems.open")
            }
            try await office.test(.GET, "/problems?status=open") { res in
                #expect(res.status == .ok)
                list = Self.number(res.body.string, "data-count", "problems")
            }
            let open = try #require(card)
            #expect(open > 0)
            #expect(list == open)
        }
    }
}
