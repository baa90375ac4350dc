import BallastCore
import Testing

@Suite struct CohortTests {
    func d(_ m: Int, _ day: Int) -> CalendarDate { CalendarDate(year: 2023, month: m, day: day)! }

    @Test func nearestRankPercentiles() {
        #expect(Cohort.percentile([], 50) == nil)
        #expect(Cohort.percentile([7], 80) == 7)
        #expect(Cohort.percentile([10, 20, 30, 40], 50) == 20)      // rank 2 of 4
        #expect(Cohort.percentile([10, 20, 30, 40], 80) == 40)      // rank ceil(3.2) = 4
        #expect(Cohort.percentile([5, 1, 4, 2, 3], 80) == 4)        // rank 4 of 5, order does not matter
        #expect(Cohort.percentile(Array(1...10), 80) == 8)
    }

    @Test func histogramPercentilesAgreeWithTheValuesWrittenOut() {
        // Deterministic spreads of whole days, including repeats and a single value.
        var seed: UInt64 = 42
        for size in [1, 2, 3, 5, 10, 37, 100, 999] {
            var values: [Int] = []
            for _ in 0..<size {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                values.append(Int(seed >> 58))   // 0…63: many repeats
            }
            let histogram = Dictionary(values.map { ($0, 1) }, uniquingKeysWith: +)
            for p in [1, 20, 50, 80, 99, 100] {
                #expect(Cohort.percentile(histogram: histogram, p) == Cohort.percentile(values, p), "size \(size) p\(p)")
            }
        }
        #expect(Cohort.percentile(histogram: [:], 50) == nil)
    }

    @Test func talliesAddUpAcrossUnitsAndReportOnlyStagesReached() {
        var a = Cohort.Tally()
        a.projects = 2; a.exited = 1; a.inPool = [30: 2]; a.to = [.signed: [30: 1], .landed: [90: 1]]
        var b = Cohort.Tally()
        b.projects = 2; b.stillIn = 1; b.inPool = [60: 1]; b.to = [.signed: [60: 1]]
        let s = (a + b).summary(pool: .attracting)
        #expect(s.projects == 4)
        #expect(s.reached == [.signed: 2, .landed: 1])
        #expect(s.exited == 1 && s.stillIn == 1)
        #expect(s.daysInPool == Cohort.Days(projects: 3, median: 30, p80: 60))   // 30, 30, 60
        #expect(s.daysTo[.signed] == Cohort.Days(projects: 2, median: 30, p80: 60))
        #expect(s.daysTo[.landed] == Cohort.Days(projects: 1, median: 90, p80: 90))
        #expect(s.daysTo[.underConstruction] == Cohort.Days(projects: 0, median: nil, p80: nil))
        #expect(Cohort.followed(after: .signed) == [.landed, .underConstruction])
    }
}
