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

    @Test func followsEachProjectFromItsEntry() {
        let paths: [Cohort.Path] = [
            .init(unit: "区商务局", steps: [(.attracting, d(1, 10)), (.signed, d(2, 9)), (.landed, d(4, 10))]),
            .init(unit: "区商务局", steps: [(.attracting, d(2, 1)), (.exited, d(3, 3))]),
            .init(unit: "马寨镇", steps: [(.attracting, d(3, 1))]),
            .init(unit: "马寨镇", steps: [(.attracting, d(3, 20)), (.signed, d(5, 19))]),
        ]
        let s = Cohort.summarize(paths, pool: .attracting)
        #expect(s.projects == 4)
        #expect(s.reached == [.signed: 2, .landed: 1])
        #expect(s.exited == 1 && s.stillIn == 1)
        // Days in 招引 of those that left: 30, 30, 60.
        #expect(s.daysInPool == Cohort.Days(projects: 3, median: 30, p80: 60))
        #expect(s.daysTo[.signed] == Cohort.Days(projects: 2, median: 30, p80: 60))
        #expect(s.daysTo[.landed] == Cohort.Days(projects: 1, median: 90, p80: 90))
        #expect(s.daysTo[.underConstruction] == Cohort.Days(projects: 0, median: nil, p80: nil))
        #expect(Cohort.followed(after: .signed) == [.landed, .underConstruction])
    }
}
