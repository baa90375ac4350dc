import BallastCore
@testable import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing

@Suite struct SupervisionSettingsTests {
    static func clock(_ days: Int) -> ProblemClock {
        ProblemClock(acknowledgeDays: 1, feedbackDays: 3, resolveDays: days, majorResolveDays: 30)
    }

    /// Two saves made against the same version: one wins, the other is told someone saved first.
    /// (Before, each compared the version it read and then wrote: on PostgreSQL both passed and
    /// the second silently replaced the first.)
    @Test func concurrentSavesOfTheSameVersionLetExactlyOneThrough() async throws {
        try await StoreDatabase.with { app in
            let d = try await Fixtures.district(on: app.db)
            let id = try d.requireID()
            let actor = ChangeActor(name: "zhang")
            let first = try await SupervisionSettings.save(Self.clock(7), holidays: "", workdays: "", version: 0, districtID: id, actor: actor, on: app.db)
            #expect(first.version == 1)
            let racing = NoticeTests.racing
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for i in 0..<racing {
                    group.addTask {
                        do {
                            _ = try await SupervisionSettings.save(Self.clock(8 + i), holidays: "", workdays: "", version: 1, districtID: id,
                                                                   actor: actor, on: app.db)
                            return true
                        } catch ProjectItemContext.Failure.versionConflict {
                            return false
                        } catch {
                            return false
                        }
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            let now = try await SupervisionSettings.load(districtID: id, on: app.db)
            #expect(now.version == 2)
            // A stale version is refused, naming the current one.
            await #expect(throws: ProjectItemContext.Failure.versionConflict(current: 2)) {
                try await SupervisionSettings.save(Self.clock(9), holidays: "", workdays: "", version: 1, districtID: id, actor: actor, on: app.db)
            }
        }
    }
}
