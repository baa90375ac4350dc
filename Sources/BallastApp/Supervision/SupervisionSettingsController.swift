import BallastCore
import BallastStore
import Fluent
import Vapor

/// The district's answer clock (13710 by default) and its working-day calendar: read by anyone
/// who reads projects, set by the office and 督查室.
struct SupervisionSettingsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.access(.requires(.readProjects)).get(Site.API.supervisionSettings, use: getAPI)
        let run = routes.access(.requires(.superviseProblems))
        run.put(Site.API.supervisionSettings, use: putAPI)
        run.post(Site.problemsSettings, use: postPage)
    }

    struct SettingsDTO: Content {
        var acknowledgeDays: Int, feedbackDays: Int, resolveDays: Int, majorResolveDays: Int
        var holidays: [String], workdays: [String], version: Int
        init(_ s: SupervisionSettings) {
            acknowledgeDays = s.clock.acknowledgeDays; feedbackDays = s.clock.feedbackDays; resolveDays = s.clock.resolveDays
            majorResolveDays = s.clock.majorResolveDays; holidays = s.calendar.holidays.sorted().map(\.iso); workdays = s.calendar.workdays.sorted().map(\.iso)
            version = s.version
        }
    }

    /// Days as a list in JSON, or one text separated by commas or new lines (a form).
    struct SettingsBody: Content {
        var acknowledgeDays: Int?, feedbackDays: Int?, resolveDays: Int?, majorResolveDays: Int?
        var holidays: ProblemsController.NameList?, workdays: ProblemsController.NameList?
        var version: Int?
    }

    func getAPI(req: Request) async throws -> SettingsDTO {
        SettingsDTO(try await SupervisionSettings.load(districtID: try req.district().requireID(), on: req.db))
    }

    func save(_ req: Request, _ b: SettingsBody) async throws -> SupervisionSettings {
        let districtID = try req.district().requireID()
        let current = try await SupervisionSettings.load(districtID: districtID, on: req.db)
        let clock = ProblemClock(acknowledgeDays: b.acknowledgeDays ?? current.clock.acknowledgeDays, feedbackDays: b.feedbackDays ?? current.clock.feedbackDays,
                                 resolveDays: b.resolveDays ?? current.clock.resolveDays, majorResolveDays: b.majorResolveDays ?? current.clock.majorResolveDays)
        let text = { (l: ProblemsController.NameList?, now: Set<CalendarDate>) in l.map { $0.names.joined(separator: ",") } ?? now.sorted().map(\.iso).joined(separator: ",") }
        return try await SupervisionSettings.save(clock, holidays: text(b.holidays, current.calendar.holidays), workdays: text(b.workdays, current.calendar.workdays),
                                                  version: try RequestParameters.version(b.version), districtID: districtID, actor: try req.changeActor(), on: req.db)
    }

    func putAPI(req: Request) async throws -> SettingsDTO { SettingsDTO(try await save(req, try req.content.decode(SettingsBody.self))) }

    func postPage(req: Request) async throws -> Response {
        let body = try req.content.decode(SettingsBody.self)
        return try await PageOutcome.run(req, work: {
            _ = try await save(req, body)
            return UIText.saved
        }) { notice, status in try await ProblemsController().renderList(req, notice: notice, status: status) }
    }
}
