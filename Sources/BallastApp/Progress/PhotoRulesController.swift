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

    /// Said of a figure that is no whole number: the field as the form labels it, and its name.
    static func wholeNumber(_ field: String) -> Message {
        field == "graceDays" ? Message(zh: "前后宽限天数（graceDays）应为整数", en: "The days allowed (graceDays) must be a whole number")
            : Message(zh: "距离（radiusMeters）应为整数", en: "The distance (radiusMeters) must be a whole number")
    }

    /// A whole number within Int, else a problem naming the field.
    static func whole(_ value: Double, _ field: String, _ problems: inout [FieldProblem]) -> Int? {
        guard value.isFinite, value == value.rounded(), abs(value) < 1e9 else {
            problems.append(FieldProblem(field, Self.wholeNumber(field)))
            return nil
        }
        return Int(value)
    }

    func putAPI(req: Request) async throws -> RulesDTO {
        let (rules, version) = try await Self.save(try req.content.decode(RulesBody.self), req)
        return RulesDTO(rules, version: version)
    }

    /// The API's body and the reports page's form (`ReportsController.photoRulesPage`) both end
    /// here: every problem at once, each naming its field, then the store's versioned save.
    static func save(_ b: RulesBody, _ req: Request) async throws -> (PhotoRules, Int) {
        let districtID = try req.district().requireID()
        var rules = try await PhotoRuleStore.load(districtID: districtID, on: req.db).rules
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
        return (rules, version)
    }

    /// The page's form sends text: a figure that is no number is refused naming its field,
    /// as the API refuses one.
    struct RulesForm: Content {
        var radiusMeters: String?, graceDays: String?, datum: String?, version: Int?

        func body() throws -> RulesBody {
            var problems: [FieldProblem] = []
            let number = { (text: String?, field: String) -> Double? in
                guard let t = text?.trimmingCharacters(in: .whitespaces), !t.isEmpty else { return nil }
                guard t.count <= 20, let v = Double(t) else {
                    problems.append(FieldProblem(field, PhotoRulesController.wholeNumber(field)))
                    return nil
                }
                return v
            }
            let body = RulesBody(radiusMeters: number(radiusMeters, "radiusMeters"), graceDays: number(graceDays, "graceDays"),
                                 datum: datum, version: version)
            guard problems.isEmpty else { throw ProjectItemContext.Failure.refused(problems) }
            return body
        }
    }
}
