import BallastCore
import BallastStore
import Fluent
import Vapor

/// Query parameters shared by the API and the pages, checked with errors that name them.
enum RequestParameters {
    /// `?page=` (1…`Paging.maxPage`) and `?perPage=` (1…maxPerPage), each refused by name when
    /// out of range; the one parse of paging for every list.
    static func paging(_ req: Request, perPage defaultPerPage: Int, maxPerPage: Int) throws -> Paging {
        func text(_ key: String) -> String? { req.param(key).flatMap { $0.isEmpty ? nil : $0 } }
        var page = 1, perPage = defaultPerPage
        if let p = text("page") {
            guard let n = Int(p), (1...Paging.maxPage).contains(n) else {
                throw BallastError.badParameter("page", zh: "参数 page 应为 1～\(Paging.maxPage) 的整数，实为“\(p.prefix(40))”",
                                                en: "Parameter page must be a whole number from 1 to \(Paging.maxPage), not “\(p.prefix(40))”")
            }
            page = n
        }
        if let p = text("perPage") {
            guard let n = Int(p), (1...maxPerPage).contains(n) else {
                throw BallastError.badParameter("perPage", zh: "参数 perPage 应为 1～\(maxPerPage)", en: "Parameter perPage must be 1 to \(maxPerPage)")
            }
            perPage = n
        }
        return Paging(page: page, perPage: perPage)
    }

    /// A value a `required: true` parse has already insisted on, without a force unwrap.
    static func present<T>(_ value: T?, _ field: String) throws -> T {
        guard let value else { throw BallastError.badParameter(field, zh: "缺少 \(field)", en: "\(field) is required") }
        return value
    }

    /// A year from a body or form, checked like `?year=`; nil stays nil.
    static func checkedYear(_ year: Int?, field: String = "year") throws -> Int? {
        guard let year else { return nil }
        guard PlanYear.isValid(year) else {
            throw BallastError.badParameter(field, zh: "\(field) 应为 \(PlanYear.range.lowerBound)～\(PlanYear.range.upperBound) 年之间的年份，实为 \(year)",
                                            en: "\(field) must be a year from \(PlanYear.range.lowerBound) to \(PlanYear.range.upperBound), not \(year)")
        }
        return year
    }

    static func year(_ req: Request, required: Bool = false) throws -> Int? {
        try year(text: req.param("year"), required: required)
    }

    /// A year as text (a query parameter or a form field): absent is nil (or refused when
    /// required); anything but a year of `PlanYear.range` is refused by name.
    static func year(text raw: String?, field: String = "year", required: Bool = false) throws -> Int? {
        guard let raw = raw?.trimmed, !raw.isEmpty else {
            if required { throw BallastError.badParameter(field, zh: "缺少参数 \(field)（年度）", en: "Parameter \(field) is required") }
            return nil
        }
        guard let y = Int(raw), PlanYear.isValid(y) else {
            throw BallastError.badParameter(field, zh: "\(field) 应为 \(PlanYear.range.lowerBound)～\(PlanYear.range.upperBound) 的年份（如 2023），实为“\(raw.prefix(20))”",
                                            en: "\(field) must be a year from \(PlanYear.range.lowerBound) to \(PlanYear.range.upperBound) such as 2023, not “\(raw.prefix(20))”")
        }
        return y
    }

    /// The `asOf` parameter, else today, or the year's last day when the year is over.
    static func asOf(_ req: Request, district: DistrictModel, year: Int) throws -> CalendarDate {
        try asOfParameter(req) ?? JudgingDay.of(year: year, asOf: DistrictContext.today(in: district))
    }

    /// The day figures are read on (`asOf`), refused when after today: the dashboard and the
    /// lists behind it answer a day alike (the list once read a later day as today).
    static func pastDay(_ req: Request, district: DistrictModel, year: Int) throws -> CalendarDate {
        let asOf = try asOf(req, district: district, year: year), today = DistrictContext.today(in: district)
        if asOf > today {
            throw BallastError.badParameter("asOf", zh: "统计日期 \(asOf.iso) 晚于今天（\(today.iso)）", en: "The as-of day \(asOf.iso) is after today (\(today.iso))")
        }
        return asOf
    }

    /// `?asOf=` as asked, or nil when absent; refused, naming the parameter, when not a day of 2000–2100.
    static func asOfParameter(_ req: Request) throws -> CalendarDate? {
        guard let raw = req.param("asOf"), !raw.isEmpty else { return nil }
        guard let d = PlanYear.asOfDay(raw) else {
            throw BallastError.badParameter("asOf", zh: "参数 asOf 应为 2000–2100 年间的日期 YYYY-MM-DD，实为“\(raw)”",
                                            en: "Parameter asOf must be a date YYYY-MM-DD in 2000–2100, not “\(raw)”")
        }
        return d
    }

    /// The year a page shows when none is asked for: the latest year with a ledger.
    static func defaultYear(district: DistrictModel, on db: any Database) async throws -> Int {
        try await PlanYears.current(districtID: district.requireID(), today: DistrictContext.today(in: district), on: db)
    }

    /// An explicit year (from a body), else the `year` parameter, else the district's latest.
    static func yearOrDefault(_ explicit: Int?, _ req: Request, district: DistrictModel) async throws -> Int {
        if let explicit = try checkedYear(explicit) { return explicit }
        if let y = try year(req) { return y }
        return try await defaultYear(district: district, on: req.db)
    }

    /// `?colour=`: a warning light, or nil when absent; refused, naming the parameter, when unknown.
    static func colour(_ req: Request) throws -> WarningColour? {
        guard let c = req.param("colour")?.trimmed, !c.isEmpty else { return nil }
        guard let colour = WarningColour(rawValue: c) else {
            throw BallastError.badParameter("colour", zh: "colour 只能是 red、yellow、blue、green，实为“\(c)”", en: "colour must be red, yellow, blue or green, not “\(c)”")
        }
        return colour
    }

    /// `?stage=`: a lifecycle stage by its Chinese or English name, or nil when absent.
    static func stage(_ req: Request) throws -> LifecycleStage? {
        guard let s = req.param("stage")?.trimmed, !s.isEmpty else { return nil }
        guard let stage = LifecycleStage.parse(s) else {
            throw BallastError.badParameter("stage", zh: "未知的项目阶段“\(s)”", en: "Unknown stage “\(s)”")
        }
        return stage
    }

    static func filter(_ req: Request, year: Int?) throws -> ProjectFilter {
        var f = ProjectFilter()
        f.year = year
        func text(_ key: String) -> String? {
            guard let v = req.param(key)?.trimmed, !v.isEmpty else { return nil }
            return v
        }
        f.category = text("category")
        f.level = text("level")
        f.zone = text("zone")
        f.unit = text("unit")
        f.leader = text("leader")
        f.text = text("q")
        f.portfolioOnly = text("portfolio") == "1"
        if let year {
            // The dashboard's day (`asOf`, else today or the year's last day): the year's list and
            // plans as they stood then, so the list behind a figure counts what the figure did.
            f.day = try pastDay(req, district: try req.district(), year: year)
        }
        if let colour = try colour(req) {
            guard let day = f.day else {
                throw BallastError.badParameter("colour", zh: "按预警颜色筛选需要指定年度", en: "Filtering by colour needs a year")
            }
            f.colour = ColourFilter(colour: colour, day: day, today: DistrictContext.today(in: try req.district()))
        }
        f.stage = try stage(req)
        if let s = text("sort") {
            let key = s.hasPrefix("-") ? String(s.dropFirst()) : s
            guard let sort = ProjectFilter.Sort(rawValue: key) else {
                let known = ProjectFilter.Sort.allCases.map(\.rawValue).joined(separator: ", ")
                throw BallastError.badParameter("sort", zh: "未知的排序字段“\(s)”（可选：\(known)）", en: "Unknown sort “\(s)” (known: \(known))")
            }
            f.sort = sort
            f.descending = s.hasPrefix("-")
        }
        let paging = try paging(req, perPage: f.perPage, maxPerPage: ProjectFilter.maxPerPage)
        f.page = paging.page
        f.perPage = paging.perPage
        if year == nil && (f.level != nil || f.zone != nil || f.sort == .annualPlan) {
            throw BallastError.badParameter("year", zh: "按级别、空间布局或年度计划筛选排序时需要 year",
                                            en: "Filtering by level or zone, or sorting by annual plan, needs a year")
        }
        return f
    }

    /// The version an edit was read at: every change names it, so a stale one loses (409).
    /// A yes/no query parameter: absent or empty is no; anything but true/false/1/0 is refused.
    static func flag(_ req: Request, _ name: String) throws -> Bool {
        guard let raw = req.param(name)?.lowercased(), !raw.isEmpty else { return false }
        switch raw {
        case "true", "1": return true
        case "false", "0": return false
        default: throw BallastError.badParameter(name, zh: "\(name) 只能是 true 或 false", en: "\(name) must be true or false")
        }
    }

    static func version(_ v: Int?) throws -> Int {
        guard let v else {
            throw BallastError.badParameter("version", zh: "须提供 version（读取时的版本号）", en: "The version read must be given")
        }
        return v
    }

    /// A YYYY-MM-DD date in a body or query field, named in the error when it is not one.
    static func date(_ raw: String?, field: String, required: Bool = false) throws -> CalendarDate? {
        guard let raw = raw?.trimmed, !raw.isEmpty else {
            if required { throw BallastError.badParameter(field, zh: "缺少日期 \(field)", en: "The date \(field) is required") }
            return nil
        }
        guard raw.count >= 8, let d = CalendarDate.parse(raw) else {
            throw BallastError.badParameter(field, zh: "日期 \(field) 应为 YYYY-MM-DD，实为“\(raw)”", en: "The date \(field) must be YYYY-MM-DD, not “\(raw)”")
        }
        return d
    }

    /// An amount in 万元 from a form or body field: nil when empty; refused, naming the field,
    /// when it is not a number (or, with `nonNegative`, below zero).
    static func money(_ raw: String?, field: String, label: String, required: Bool = false, nonNegative: Bool = false) throws -> Money? {
        guard let raw = raw?.trimmed, !raw.isEmpty else {
            if required { throw BallastError.badParameter(field, zh: "请填写\(label)（万元）", en: "\(field) is required (10k yuan)") }
            return nil
        }
        guard case .success(let m) = Money.parse(raw, unit: .wan), !nonNegative || m.yuan >= 0 else {
            throw BallastError.badParameter(field, zh: "\(label)应为\(nonNegative ? "不小于零的" : "")数字（万元），实为“\(raw)”",
                                            en: "\(field) must be a number\(nonNegative ? " ≥ 0" : "") in 万元, not “\(raw)”")
        }
        return m
    }

    /// `from` and `to` (inclusive), by default the current year up to today; `to` before `from` is refused.
    static func period(_ req: Request) throws -> (from: CalendarDate, to: CalendarDate) {
        let today = DistrictContext.today(in: try req.district())
        let from = try date(req.param("from"), field: "from") ?? CalendarDate.clamped(year: today.year, month: 1, day: 1)
        let to = try date(req.param("to"), field: "to") ?? today
        guard from <= to else { throw BallastError.badParameter("to", zh: "to 早于 from", en: "to is before from") }
        return (from, to)
    }

    static func uuid(_ req: Request, _ name: String) throws -> UUID {
        guard let raw = req.parameters.get(name), let id = UUID(uuidString: raw) else {
            throw BallastError.notFound(Message(zh: "项目不存在", en: "No such project"))
        }
        return id
    }
}
