import BallastCore
import BallastStore
import Foundation
import Vapor

enum WarningsCLI {
    static func options(_ context: CommandContext, district code: String?, year: Int?, asOf raw: String?)
        async throws -> (DistrictModel, Int, CalendarDate) {
        let district = try await DistrictContext.require(code: code, on: context.application.db)
        var year = year ?? 0
        if year == 0 { year = try await RequestParameters.defaultYear(district: district, on: context.application.db) }
        guard (2000...2100).contains(year) else { throw CommandFailure("--year 无效 / invalid --year \(year)") }
        var asOf = JudgingDay.of(year: year, asOf: DistrictContext.today(in: district))
        if let raw {
            asOf = try asOfDay(raw)
        }
        return (district, year, asOf)
    }

    /// `--as-of` as typed: a day of 2000–2100, else a failure naming the option (every verb reads it so).
    static func asOfDay(_ raw: String) throws -> CalendarDate {
        guard let d = PlanYear.asOfDay(raw) else {
            throw CommandFailure("--as-of 应为 2000–2100 年间的日期 YYYY-MM-DD / --as-of must be a date in 2000–2100: “\(raw)”")
        }
        return d
    }
}
