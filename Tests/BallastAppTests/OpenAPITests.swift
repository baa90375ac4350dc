@testable import BallastApp
import BallastCore
import BallastTestSupport
import Foundation
import Testing
import Vapor
import VaporTesting

/// The OpenAPI document against the running application: every API route is described and
/// every description is a route, and what the API sends matches the schemas it publishes.
@Suite struct OpenAPITests {
    typealias JSON = [String: Any]

    func document(_ app: Application) async throws -> JSON {
        var doc: JSON = [:]
        try await app.testing().test(.GET, Site.API.openAPI.link) { res in
            #expect(res.status == .ok)
            doc = try #require(try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? JSON)
        }
        return doc
    }

    static let methods = ["get", "put", "post", "delete", "patch"]

    @Test func everyAPIRouteIsAnOperationAndEveryOperationARoute() async throws {
        try await TestDatabase.withApp { app in
            let doc = try await document(app)
            let paths = try #require(doc["paths"] as? [String: JSON])
            #expect((doc["servers"] as? [JSON])?.first?["url"] as? String == Site.API.root)
            let routes = Set(app.routes.all.compactMap { route -> String? in
                let path = SitePath("/" + route.path.map(\.description).joined(separator: "/"))
                return path.openAPIPath.map { "\(route.method.rawValue.lowercased()) \($0)" }
            })
            let operations = Set(paths.flatMap { path, item in
                item.keys.filter(Self.methods.contains).map { "\($0) \(path)" }
            })
            #expect(routes.count > 100)
            #expect(routes.subtracting(operations).sorted() == [], "routes without an operation")
            #expect(operations.subtracting(routes).sorted() == [], "operations without a route")
            // Every path parameter is described, at the path or in each operation.
            for (path, item) in paths {
                let names = path.matches(of: /\{(\w+)\}/).map { String($0.output.1) }
                for name in names {
                    let atPath = (item["parameters"] as? [JSON] ?? []).contains { $0["name"] as? String == name && $0["in"] as? String == "path" }
                    #expect(atPath, "\(path): path parameter \(name) is not described")
                }
            }
        }
    }

    /// Each GET without path parameters whose 200 names a schema, called on the demo district,
    /// answers with JSON the schema describes: no property the schema leaves out, none it
    /// requires missing, each of the type it says.
    @Test func responsesMatchTheirSchemas() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let doc = try await document(app)
            let paths = try #require(doc["paths"] as? [String: JSON])
            let client = try await app.signedIn(as: Role.allCases)
            var checked: [String] = []
            for (path, item) in paths.sorted(by: { $0.key < $1.key }) where !path.contains("{") {
                guard let get = item["get"] as? JSON, let schema = Self.responseSchema(get) else { continue }
                try await client.test(.GET, Site.API.root + path + "?year=2023") { res in
                    #expect(res.status == .ok, "\(path)")
                    let body = try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView), options: [.fragmentsAllowed])
                    let problems = SchemaCheck(document: doc).problems(body, schema, at: path)
                    #expect(problems == [], "\(path)")
                }
                checked.append(path)
            }
            #expect(checked.contains("/summary"))
            #expect(checked.contains("/projects"))
        }
    }

    /// The error body every failure sends matches the published Error schema.
    @Test func errorsMatchTheErrorSchema() async throws {
        try await TestDatabase.withApp { app in
            let doc = try await document(app)
            let schema: JSON = ["$ref": "#/components/schemas/Error"]
            try await app.as(.office).test(.GET, Site.API.summary.link(query: ["year": "abc"])) { res in
                #expect(res.status == .badRequest)
                let body = try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView))
                #expect(SchemaCheck(document: doc).problems(body, schema, at: "error") == [])
            }
        }
    }

    /// A project sent with every property of the Project schema comes back with each of them:
    /// the schema names nothing the DTO ignores, and the detail matches the schema.
    @Test func aProjectRoundTripsEveryPropertyOfItsSchema() async throws {
        try await TestDatabase.withApp { app in
            let doc = try await document(app)
            let schema = try #require(((doc["components"] as? JSON)?["schemas"] as? JSON)?["Project"] as? JSON)
            let office = try await app.as(.office)
            let sent: JSON = ["year": 2023, "code": "T-1", "name": "测试项目", "category": "产业项目", "level": "市重点",
                              "nature": "续建", "zone": "樱桃沟", "unit": "区发改委", "leader": "张三", "taskForce": "第一专班",
                              "stage": "在建", "totalInvestment": 12345.5, "annualPlan": 2000, "plannedStart": "2023-01-01",
                              "plannedEnd": "2024-12-31", "investor": "某公司", "creditCode": "", "longitude": 113.6, "latitude": 34.7,
                              "content": "建设内容", "projectCode": "2023-410103-47-03-012345"]
            let properties = try #require(schema["properties"] as? JSON)
            // The sample covers the schema, so a property added to the schema fails here until sent.
            #expect(Set(properties.keys).subtracting(sent.keys).subtracting(["id", "version"]).sorted() == [])
            var id = ""
            try await office.test(.POST, Site.API.projects.link, beforeRequest: { req in
                req.headers.contentType = .json
                req.body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: sent))
            }, afterResponse: { res in
                #expect(res.status == .created)
                let body = try #require(try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? JSON)
                id = try #require((body["project"] as? JSON)?["id"] as? String)
            })
            try await office.test(.GET, Site.API.project.link(id)) { res in
                #expect(res.status == .ok)
                let detail = try #require(try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? JSON)
                #expect(SchemaCheck(document: doc).problems(detail, ["$ref": "#/components/schemas/ProjectDetail"], at: "detail") == [])
                let body = try #require(detail["project"] as? JSON)
                for (key, value) in sent where key != "creditCode" {
                    #expect("\(body[key] ?? "missing")" == "\(value)", "\(key)")
                }
            }
        }
    }

    static func responseSchema(_ operation: JSON) -> JSON? {
        (((((operation["responses"] as? JSON)?["200"] as? JSON)?["content"] as? JSON)?["application/json"] as? JSON)?["schema"] as? JSON)
    }
}

/// A small JSON Schema check, enough for the document's schemas: `$ref`, `type`, `properties`
/// (closed: a property the schema does not name is a problem), `required`, `items`, `enum`.
struct SchemaCheck {
    let document: [String: Any]

    func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String else { return schema }
        var node: Any? = document
        for part in ref.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(part)] }
        return node as? [String: Any] ?? [:]
    }

    func problems(_ value: Any, _ raw: [String: Any], at path: String) -> [String] {
        let schema = resolve(raw)
        var found: [String] = []
        if let type = schema["type"] as? String, !matches(value, type) {
            return ["\(path): \(type) expected, found \(Swift.type(of: value))"]
        }
        if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { "\($0)" == "\(value)" }) {
            found.append("\(path): \(value) is not one of \(allowed)")
        }
        if let object = value as? [String: Any], let properties = schema["properties"] as? [String: Any] {
            for key in object.keys.sorted() {
                guard let sub = properties[key] as? [String: Any] else { found.append("\(path).\(key): not in the schema"); continue }
                guard let element = object[key], !(element is NSNull) else { continue }
                found += problems(element, sub, at: "\(path).\(key)")
            }
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                found.append("\(path).\(key): required, missing")
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (i, element) in array.prefix(50).enumerated() { found += problems(element, items, at: "\(path)[\(i)]") }
        }
        return found
    }

    func matches(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "object": value is [String: Any]
        case "array": value is [Any]
        case "string": value is String
        case "boolean": (value as? NSNumber).map(isBool) ?? false
        case "integer": (value as? NSNumber).map { !isBool($0) && $0.doubleValue.rounded() == $0.doubleValue } ?? false
        case "number": (value as? NSNumber).map { !isBool($0) } ?? false
        default: true
        }
    }

    /// JSONSerialization's booleans are NSNumbers whose type is `c`; `is Bool` also holds for 1.
    func isBool(_ n: NSNumber) -> Bool { String(cString: n.objCType) == "c" }
}
