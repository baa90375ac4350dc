import BallastCore
import BallastStore
import Vapor

/// The district's rules for judging site photos (`PhotoRules`): read by whoever reads projects
/// (a clerk can see why a photo was judged so), set by those who review reports. A change
/// judges photos uploaded afterwards; a photo keeps the verdict its reviewer saw.
struct PhotoRulesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.access(.requires(.readProjects)).get(Site.API.photoRules, use: getAPI)
        routes.access(.requires(.reviewReports)).put(Site.API.photoRules, use: putAPI)
    }

    struct RulesDTO: Content {
        var radiusMeters: Int, graceDays: Int, datum: String, version: Int
        init(_ r: PhotoRules, version: Int) {
            radiusMeters = r.radiusMeters; graceDays = r.graceDays; datum = r.datum.rawValue; self.version = version
        }
    }

    /// Fields left out keep their value; `version` is the one read.
    struct RulesBody: Content {
        var radiusMeters: Int?, graceDays: Int?, datum: String?, version: Int?
    }

    func getAPI(req: Request) async throws -> RulesDTO {
        let (rules, version) = try await PhotoRuleStore.load(districtID: try req.district().requireID(), on: req.db)
        return RulesDTO(rules, version: version)
    }

    func putAPI(req: Request) async throws -> RulesDTO {
        let b = try req.content.decode(RulesBody.self)
        let districtID = try req.district().requireID()
        var rules = try await PhotoRuleStore.load(districtID: districtID, on: req.db).rules
        if let r = b.radiusMeters { rules.radiusMeters = r }
        if let g = b.graceDays { rules.graceDays = g }
        if let raw = b.datum {
            guard let d = GeoDatum(rawValue: raw.uppercased()) else {
                throw BallastError.badParameter("datum", zh: "坐标系只能是 WGS-84 或 GCJ-02，实为“\(raw.prefix(20))”", en: "datum must be WGS-84 or GCJ-02, not “\(raw.prefix(20))”")
            }
            rules.datum = d
        }
        let version = try await PhotoRuleStore.save(rules, version: try RequestParameters.version(b.version), context: try req.itemContext(), on: req.db)
        return RulesDTO(rules, version: version)
    }
}
