import BallastCore
import BallastStore
import Fluent
import Foundation
import SQLKit

/// The demo's 动态调整 (its own, not Erqi's record; each reason says so): on the mid-year day,
/// 30 June 2023, the office records two batches decided at the half-year meeting, taking effect
/// on Monday 3 July. One signed project moves into the year's list and a yellow one out; two
/// green projects have their plans raised and lowered. Until 3 July every figure stands as it
/// was; from then the projects are judged on the new plans. Through `PlanChangeEditor`, as the
/// office's page writes them. The year-end demo has none: its second half was judged without them.
enum DemoPlanChanges {
    static let decidedOn = CalendarDate(year: 2023, month: 6, day: 30)!
    static let effectiveOn = CalendarDate(year: 2023, month: 7, day: 3)!
    static let listReason = "（演示数据）区重点项目建设领导小组2023年第3次会议纪要：签约项目具备开工条件调入，建设条件变化项目调出"
    static let planReason = "（演示数据）区重点项目建设领导小组2023年第3次会议纪要：按上半年完成情况调整年度计划投资"

    static func load(districtID: UUID, on db: any Database) async throws {
        let year = decidedOn.year
        let sql = try db.sql()
        func codes(_ query: SQLQueryString) async throws -> [(String, Int64)] {
            try await sql.raw(query).all().map { (try $0.decode(column: "code", as: String.self), try $0.decode(column: "amount", as: Int64.self)) }
        }
        // A signed project not in the list, moved in with a fifth of its total investment.
        let signed = try await codes("""
            SELECT p.code, p.total_investment AS amount FROM year_plans yp JOIN projects p ON p.id = yp.project_id
            WHERE yp.district_id = \(bind: districtID) AND yp.year = \(bind: year) AND yp.annual_plan IS NULL AND p.stage = '签约'
            ORDER BY p.code LIMIT 1
            """)
        func lit(_ colour: WarningColour, _ n: Int) async throws -> [(String, Int64)] {
            try await codes("""
                SELECT p.code, yp.annual_plan AS amount FROM year_plans yp JOIN projects p ON p.id = yp.project_id
                JOIN warning_states ws ON ws.project_id = p.id AND ws.year = yp.year
                WHERE yp.district_id = \(bind: districtID) AND yp.year = \(bind: year) AND yp.annual_plan IS NOT NULL
                  AND ws.colour = \(bind: colour.rawValue) AND p.stage = '在建'
                ORDER BY p.code LIMIT \(unsafeRaw: String(n))
                """)
        }
        let yellow = try await lit(.yellow, 1), green = try await lit(.green, 2)
        guard let moveIn = signed.first, let moveOut = yellow.first, green.count == 2 else { throw DemoLoader.DemoError.invalid("动态调整：演示项目不足") }
        // Whole 万元, as the office writes them: a fifth of the total (at least 500), and ±25%.
        func wan(_ yuan: Int64) -> Money { .wan(max(500, yuan / 10_000)) }
        let editor = PlanChangeEditor(context: ProjectItemContext(districtID: districtID, actor: ChangeActor(name: "office", role: "office"),
                                                                  today: decidedOn, scopeUnitID: nil, recolours: false))
        _ = try await editor.apply(.init(year: year, effectiveOn: effectiveOn, reason: listReason, lines: [
            .init(row: 1, code: moveIn.0, kind: .enter, amount: wan(moveIn.1 / 5)),
            .init(row: 2, code: moveOut.0, kind: .leave, amount: nil),
        ]), on: db)
        _ = try await editor.apply(.init(year: year, effectiveOn: effectiveOn, reason: planReason, lines: [
            .init(row: 1, code: green[0].0, kind: .adjust, amount: wan(green[0].1 * 5 / 4)),
            .init(row: 2, code: green[1].0, kind: .adjust, amount: wan(green[1].1 * 3 / 4)),
        ]), on: db)
    }
}
