import BallastCore
import BallastStore
import Fluent
import Vapor

/// `/api/v1/lists/:kind`: a district's named lists (units, leaders, task forces, and per year
/// categories, levels, zones, industry chains).
struct ListsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.access(.requires(.readProjects)).get(Site.API.list, use: list)
        let manage = routes.access(.requires(.manageLists))
        manage.post(Site.API.list, use: create)
        manage.put(Site.API.listEntry, use: update)
        manage.delete(Site.API.listEntry, use: delete)
    }

    struct EntryDTO: Content {
        var id: UUID?
        var kind: String?
        var year: Int?
        var name: String
        var variant: String?
        var sort: Int?
        var version: Int?

        init(name: String) { self.name = name }

        init(_ e: ReferenceEntry) {
            id = e.id; kind = e.kind; year = e.year; name = e.name; variant = e.variant; sort = e.sort; version = e.version
        }
    }

    static func kind(_ req: Request) throws -> ReferenceKind {
        guard let raw = req.parameters.get("kind"), let kind = ReferenceKind(rawValue: raw) else {
            let known = ReferenceKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw BallastError(status: .notFound, code: "unknown_list", message: Message(
                zh: "没有这个名录（可选：\(known)）", en: "No such list (known: \(known))"), field: "kind")
        }
        return kind
    }

    static func editor(_ req: Request) async throws -> (ReferenceListEditor, DistrictModel) {
        let d = try req.district()
        return (ReferenceListEditor(districtID: try d.requireID(), actor: try req.changeActor()), d)
    }

    func list(req: Request) async throws -> [EntryDTO] {
        let kind = try Self.kind(req)
        let (editor, d) = try await Self.editor(req)
        let year = try await RequestParameters.yearOrDefault(nil, req, district: d)
        return try await editor.list(kind: kind, year: year, on: req.db).map(EntryDTO.init)
    }

    func create(req: Request) async throws -> Response {
        let kind = try Self.kind(req)
        let (editor, d) = try await Self.editor(req)
        let body = try req.content.decode(EntryDTO.self)
        let year = try await RequestParameters.yearOrDefault(body.year, req, district: d)
        let entry = try await editor.create(kind: kind, year: year, name: body.name, variant: body.variant, sort: body.sort, on: req.db)
        let response = Response(status: .created)
        try response.content.encode(EntryDTO(ReferenceEntry(entry)))
        return response
    }

    func update(req: Request) async throws -> HTTPStatus {
        _ = try Self.kind(req)
        let (editor, _) = try await Self.editor(req)
        let body = try req.content.decode(EntryDTO.self)
        guard let version = body.version else {
            throw BallastError.badParameter("version", zh: "修改时必须提供 version", en: "An update must carry its version")
        }
        try await editor.update(id: try RequestParameters.uuid(req, "id"), version: version, name: body.name,
                                variant: body.variant, sort: body.sort, on: req.db)
        return .noContent
    }

    func delete(req: Request) async throws -> HTTPStatus {
        _ = try Self.kind(req)
        let (editor, _) = try await Self.editor(req)
        guard let version = req.param("version").flatMap({ Int($0) }) else {
            throw BallastError.badParameter("version", zh: "删除时必须提供 version 参数", en: "A delete must carry ?version=")
        }
        try await editor.delete(id: try RequestParameters.uuid(req, "id"), version: version, on: req.db)
        return .noContent
    }
}
