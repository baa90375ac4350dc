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

    /// Fields left out keep their value; `version` is the one read. Numbers are read as any JSON
    /// number, so 2⁶³ or 1000.5 is refused naming its field rather than failing to parse.
    struct RulesBody: Content {
        var radiusMeters: Double?, graceDays: Double?, datum: String?, version: Int?
    }

    func getAPI(req: Request) async throws -> RulesDTO {
        let (rules, version) = try await PhotoRuleStore.load(districtID: try req.district().requireID(), on: req.db)
        return RulesDTO(rules, version: version)
    }

    /// A whole number within Int, else a problem naming the field.
    static func whole(_ value: Double, _ field: String, _ problems: inout [FieldProblem]) -> Int? {
        guard value.isFinite, value == value.rounded(), abs(value) < 1e9 else {
            problems.append(FieldProblem(field, Message(zh: "\(field) 应为整数", en: "\(field) must be a whole number")))
            return nil
        }
        return Int(value)
    }

    func putAPI(req: Request) async throws -> RulesDTO {
        let b = try req.content.decode(RulesBody.self)
        let districtID = try req.district().requireID()
        var rules = try await PhotoRuleStore.load(districtID: districtID, on: req.db).rules
        // Every problem at once, each naming its field.
        var problems: [FieldProblem] = []
        if let r = b.radiusMeters, let n = Self.whole(r, "radiusMeters", &problems) { rules.radiusMeters = n }
        if let g = b.graceDays, let n = Self.whole(g, "graceDays", &problems) { rules.graceDays = n }
        if let raw = b.datum {
            if let d = GeoDatum(rawValue: raw.uppercased()) { rules.datum = d } else {
                problems.append(FieldProblem("datum", Message(zh: "坐标系只能是 WGS-84 或 GCJ-02，实为“\(raw.prefix(20))”",
                                                              en: "datum must be WGS-84 or GCJ-02, not “\(raw.prefix(20))”")))
            }
        }
        problems += rules.check()
        guard problems.isEmpty else { throw ProjectItemContext.Failure.refused(problems) }
        let version = try await PhotoRuleStore.save(rules, version: try RequestParameters.version(b.version), context: try req.itemContext(), on: req.db)
        return RulesDTO(rules, version: version)
    }
}
