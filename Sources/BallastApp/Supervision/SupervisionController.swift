import BallastCore
import BallastStore
import Vapor

/// 亮灯督办 items: opened by red and yellow lights, closed when the project turns blue or green.
/// Read by everyone who reads projects; a unit sees its own items only.
struct SupervisionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.access(.requires(.readProjects)).get(Site.API.supervisionWarnings, use: list)
    }

    struct ItemDTO: Content {
        var id: UUID
        var code: String
        var name: String
        var unit: String
        var openedOn: String
        var openedColour: String
        /// The project's colour now.
        var colour: String?
        var reasons: [String]
        var closedOn: String?
        var closedColour: String?
    }

    /// `status=open` (default), `closed` or `all`.
    static func status(_ req: Request) throws -> Bool? {
        switch req.param("status") ?? "open" {
        case "", "open": return true
        case "closed": return false
        case "all": return nil
        case let other:
            throw BallastError.badParameter("status", zh: "status 只能是 open、closed 或 all，实为“\(other)”",
                                            en: "status must be open, closed or all, not “\(other)”")
        }
    }

    func list(req: Request) async throws -> [ItemDTO] {
        let d = try req.district()
        let year = try await RequestParameters.yearOrDefault(nil, req, district: d)
        let rows = try await SupervisionQuery.run(districtID: try d.requireID(), year: year, open: try Self.status(req),
                                                  scopeUnitID: try req.requirePrincipal().scopeUnitID, on: req.db)
        return rows.map { r in
            ItemDTO(id: r.id, code: r.code, name: r.name, unit: r.unit, openedOn: r.openedOn.iso, openedColour: r.openedColour.rawValue,
                    colour: r.colour?.rawValue, reasons: r.reasons.map { $0.text(req.language) }, closedOn: r.closedOn?.iso,
                    closedColour: r.closedColour)
        }
    }
}
