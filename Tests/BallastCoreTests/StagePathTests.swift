import BallastCore
import Testing

@Suite struct StagePathTests {
    func d(_ m: Int, _ day: Int) -> CalendarDate { CalendarDate(year: 2023, month: m, day: day)! }

    @Test func eachStepStandsUntilTheNextAndTheLastStandsOpen() {
        let spans = StagePath.spans([.init(.conceived, on: d(1, 5)), .init(.attracting, on: d(3, 1)), .init(.signed, on: d(5, 10))])
        #expect(spans == [.init(stage: .conceived, from: d(1, 5), until: d(3, 1)),
                          .init(stage: .attracting, from: d(3, 1), until: d(5, 10)),
                          .init(stage: .signed, from: d(5, 10), until: nil)])
        // The end of the day before a step still holds the stage before it; the step's own day holds the new one.
        #expect(spans[0].holds(at: d(2, 28)) && !spans[0].holds(at: d(3, 1)))
        #expect(spans[1].holds(at: d(3, 1)) && !spans[1].holds(at: d(2, 28)))
        #expect(spans[2].holds(at: d(12, 31)) && !spans[2].holds(at: d(5, 9)))
        #expect(StagePath.spans([]).isEmpty)
    }

    @Test func twoStepsTheSameDayLeaveOnlyTheLaterHolding() {
        let spans = StagePath.spans([.init(.conceived, on: d(1, 5)), .init(.attracting, on: d(1, 5))])
        #expect(spans[0].until == d(1, 5))
        #expect(!spans[0].holds(at: d(1, 5)) && spans[1].holds(at: d(1, 5)))
        // On every day exactly one span holds, from the first step on.
        for day in [d(1, 5), d(1, 6), d(6, 30)] { #expect(spans.filter { $0.holds(at: day) }.count == 1) }
        #expect(spans.filter { $0.holds(at: d(1, 4)) }.isEmpty)
    }

    @Test func anEntryFollowsTheFirstStepIntoThePoolOnly() {
        // 谋划 → 招引 (03-01) → 签约 (05-10) → back to 招引 (06-01) → 签约 again (07-01) → 落地 (08-01).
        let steps: [StagePath.Step] = [.init(.conceived, on: d(1, 5)), .init(.attracting, on: d(3, 1)), .init(.signed, on: d(5, 10)),
                                       .init(.attracting, on: d(6, 1)), .init(.signed, on: d(7, 1)), .init(.landed, on: d(8, 1))]
        let entries = StagePath.entries(steps)
        #expect(entries.map(\.pool) == [.conceived, .attracting, .signed, .landed])
        #expect(entries[0] == .init(pool: .conceived, entered: d(1, 5), left: d(3, 1),
                                    reached: [.attracting: d(3, 1), .signed: d(5, 10), .landed: d(8, 1)]))
        // The second entry into 招引 makes no second entry; 签约 is first reached on 05-10.
        #expect(entries[1] == .init(pool: .attracting, entered: d(3, 1), left: d(5, 10), reached: [.signed: d(5, 10), .landed: d(8, 1)]))
        // From 签约 (05-10) the first step out is the move back; 招引 is not a later stage of 签约.
        #expect(entries[2] == .init(pool: .signed, entered: d(5, 10), left: d(6, 1), reached: [.landed: d(8, 1)]))
        #expect(entries[3] == .init(pool: .landed, entered: d(8, 1), left: nil, reached: [:]))
    }

    @Test func aSameDayStepRecordedBeforeTheEntryIsNotAfterIt() {
        // Imported into 谋划 and moved to 招引 on the same day, then signed the same day too.
        let steps: [StagePath.Step] = [.init(.conceived, on: d(1, 5)), .init(.attracting, on: d(1, 5)), .init(.signed, on: d(1, 5))]
        let attracting = StagePath.entries(steps).first { $0.pool == .attracting }
        #expect(attracting == .init(pool: .attracting, entered: d(1, 5), left: d(1, 5), reached: [.signed: d(1, 5)]))
        #expect(StagePath.entries([.init(.conceived, on: d(1, 5))]) == [.init(pool: .conceived, entered: d(1, 5), left: nil, reached: [:])])
    }

    @Test func exitsAndConstructionAreFollowedButAreNotPools() {
        let steps: [StagePath.Step] = [.init(.landed, on: d(1, 5)), .init(.underConstruction, on: d(4, 1)), .init(.exited, on: d(9, 1))]
        let entries = StagePath.entries(steps)
        #expect(entries == [.init(pool: .landed, entered: d(1, 5), left: d(4, 1), reached: [.underConstruction: d(4, 1)])])
        let exited = StagePath.entries([.init(.attracting, on: d(1, 5)), .init(.exited, on: d(2, 1))])
        #expect(exited == [.init(pool: .attracting, entered: d(1, 5), left: d(2, 1), reached: [:])])
    }
}
