import BallastCore
import BallastStore
import Fluent
import Vapor

/// Which district a request or a command works on. One deployment may host many districts;
/// `?district=CODE` (or `--district`) picks one, otherwise the first by code.
package enum DistrictContext {
    static func find(code: String?, on db: any Database) async throws -> DistrictModel? {
        try await Districts.find(code: code, on: db)
    }

    static func require(code: String?, on db: any Database) async throws -> DistrictModel {
        if let d = try await find(code: code, on: db) { return d }
        if let code, !code.isEmpty {
            throw BallastError(status: .notFound, code: "no_district", message: Message(
                zh: "地区“\(code)”不存在", en: "District “\(code)” does not exist"), field: "district")
        }
        throw BallastError(status: .notFound, code: "no_district", message: Message(
            zh: "还没有地区数据：请运行 ballast demo 或 ballast import ledger",
            en: "No district yet: run ballast demo or ballast import ledger"))
    }

    /// For imports into an empty database: the district is created on first use.
    package static func findOrCreate(code: String?, name: String?, on db: any Database) async throws -> DistrictModel {
        try await Districts.findOrCreate(code: code, name: name, on: db)
    }

    /// Today in the district's own calendar: a deadline falls on the same day in Zhengzhou
    /// whatever zone the server runs in.
    static func today(in district: DistrictModel, now: Date = Date()) -> CalendarDate {
        if let frozen = district.frozenOn { return frozen }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: district.timeZone) ?? TimeZone.chinaStandard
        let c = cal.dateComponents([.year, .month, .day], from: now)
        return CalendarDate.clamped(year: c.year ?? 2000, month: c.month ?? 1, day: c.day ?? 1)
    }
}

extension Request {
    /// Who is editing, in which district, on which day, and (for a unit) within which unit:
    /// what every editor of project items, pools, campaign entries and leads is given.
    func itemContext() throws -> ProjectItemContext {
        let p = try requirePrincipal()
        return ProjectItemContext(districtID: try p.district.requireID(), actor: try changeActor(),
                                  today: DistrictContext.today(in: p.district), scopeUnitID: p.scopeUnitID)
    }

    /// A UUID path parameter, or the given not-found error.
    func id(_ name: String, orElse missing: Message) throws -> UUID {
        guard let id = parameters.get(name).flatMap(UUID.init(uuidString:)) else { throw BallastError.notFound(missing) }
        return id
    }
}
