@testable import BallastApp
import BallastCore
@testable import BallastStore
import Testing

/// 完成率 has one definition: no plan, no rate, on the dashboard and in the weekly bulletin alike
/// (issue 21: the bulletin once printed 0% where the dashboard showed "—").
@Suite struct CompletionRateTests {
    @Test func aGroupWithoutAPlanHasNoRateAnywhere() {
        #expect(CompletionRate.of(completed: 5, plan: 0) == nil)
        #expect(CompletionRate.of(completed: 0, plan: 0) == nil)
        #expect(CompletionRate.of(completed: 1, plan: 4) == 0.25)
        let unplanned = WeeklyBulletin.Figures(name: "其他", projects: 2, total: 100, plan: 0, completed: 30)
        let planned = WeeklyBulletin.Figures(name: "产业类", projects: 3, total: 900, plan: 400, completed: 100)
        let rows = WeeklyBulletinDoc.figuresRows([unplanned, planned], year: 2023, by: "category")
        #expect(rows.map { $0.last?.text } == ["—", "25.0%"])
    }
}
