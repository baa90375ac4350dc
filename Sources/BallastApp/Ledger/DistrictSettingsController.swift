import BallastCore
import BallastStore
import Vapor

/// The district's division code (410103), which a 项目代码 must fall within: read by whoever
/// reads projects, set by those who keep the district's lists — through the API, or the form on
/// the units' list page (`ListsPage`).
struct DistrictSettingsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.access(.requires(.readProjects)).get(Site.API.districtSettings, use: show)
        let manage = routes.access(.requires(.manageLists))
        manage.put(Site.API.districtSettings, use: change)
        manage.post(Site.listsDivision, use: changePage)
    }

    struct SettingsDTO: Content {
        var code: String, name: String, divisionCode: String?
        init(_ d: DistrictModel) { code = d.code; name = d.name; divisionCode = d.divisionCode }
    }

    struct Body: Content { var divisionCode: String? }

    func show(req: Request) async throws -> SettingsDTO { SettingsDTO(try req.district()) }

    static func save(_ req: Request, _ raw: String?) async throws -> String {
        guard let raw else {
            throw BallastError.badParameter("divisionCode", zh: "请填写6位行政区划代码（如二七区 410103）", en: "Give the six-digit division code (二七区: 410103)")
        }
        return try await DivisionCodeEditor.save(raw, districtID: try req.district().requireID(), actor: try req.changeActor(), on: req.db)
    }

    func change(req: Request) async throws -> SettingsDTO {
        _ = try await Self.save(req, try req.content.decode(Body.self).divisionCode)
        guard let d = try await DistrictModel.find(try req.district().requireID(), on: req.db) else { throw Abort(.notFound) }
        return SettingsDTO(d)
    }

    func changePage(req: Request) async throws -> Response {
        let lists = ListsPagesController()
        do {
            let code = try await Self.save(req, try req.content.decode(Body.self).divisionCode)
            return try await lists.page(req, kind: .unit, message: .done(LedgerText.divisionSaved(code).text(req.language)), division: code)
        } catch let e as ProjectItemContext.Failure {
            let described = APIErrorMiddleware.describe(e)
            return try await lists.page(req, kind: .unit, message: .refused(described.message.text(req.language)), status: described.status)
        }
    }
}
