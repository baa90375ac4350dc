import BallastApp
import BallastCore
import BallastStore
import Fluent
import Foundation
import Vapor

/// `ballast bench dashboard --projects N`: issue 8's budgets — the dashboard's HTML with all
/// its charts and the map for a district of 400 projects (≤ 100 ms server time) and a city of
/// 6 000 (≤ 400 ms). `--write-map FILE` also writes the map page's SVG with the stylesheet as one
/// HTML file, for timing its drawing in headless Chromium (docs/PERFORMANCE.md).
struct BenchDashboardCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "projects", help: "项目数 / projects (default 400)") var projects: Int?
        @Option(name: "runs", help: "测量次数 / runs (default 5)") var runs: Int?
        @Option(name: "write-map", help: "写出地图页 HTML / write the map as an HTML file") var writeMap: String?
    }
    var help: String { "挂图作战看板的生成耗时 / time to build the dashboard" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let n = signature.projects ?? 400, runs = max(1, signature.runs ?? 5)
        let db = context.application.db
        let asOf = CalendarDate(year: 2023, month: 6, day: 30)!
        let id = try await BenchSupport.district(code: "bench-dashboard-\(n)", name: "看板基准", on: db, console: context.console) { id in
            try await BenchWarningsCommand.load(district: id, projects: n, units: 40, on: db)
            try await WarningEngine.recompute(districtID: id, year: 2023, asOf: asOf, on: db)
            try await Self.scatter(district: id, on: db)
            try await MapLayers.upload(districtID: id, year: 2023, geojson: Self.layer(), actor: ChangeActor(name: "bench"), on: db)
            return "\(n) projects with twelve months of reports, scattered over seven zones, colours as of \(asOf.iso)"
        }
        guard let district = try await DistrictModel.find(id, on: db) else { return }
        let scope = DashboardQuery.Scope(districtID: id, year: 2023, asOf: asOf, today: asOf, scopeUnitID: nil)
        let request = DashboardRequest(district: district, scope: scope, lang: .zh)
        var best = Double.infinity, worst = 0.0, size = 0
        var mapBest = Double.infinity
        var mapSVG = ""
        for _ in 0..<runs {
            // Exactly what `/` does: the figures and the map at once, then the page around them.
            let t = ContinuousClock.now
            let (figures, map) = try await request.figuresAndMap(on: db, alongside: context.application.database(beside: db.eventLoop), width: 960, height: 600)
            let html = DashboardPage(request: request, figures: figures, map: map).render()
            let s = BenchSupport.seconds(t)
            best = min(best, s); worst = max(worst, s); size = html.utf8.count
            mapSVG = map
        }
        // The map's drawing on its own (inside the runs above it overlaps the counting).
        let layer = try await MapLayers.current(districtID: id, year: 2023, on: db)
        let points = try await MapPointsQuery.run(scope, filter: .init(), on: db)
        for _ in 0..<runs {
            let t = ContinuousClock.now
            _ = request.map(points, layer: layer?.layer, width: 960, height: 600).svg()
            mapBest = min(mapBest, BenchSupport.seconds(t))
        }
        context.console.print(String(format: "dashboard HTML with charts and map: best %.0f ms, worst %.0f ms over %d runs (%d projects, %.0f KB)",
                                     best * 1000, worst * 1000, runs, n, Double(size) / 1024))
        context.console.print(String(format: "  the map's SVG alone, at best: %.0f ms", mapBest * 1000))
        // 领导分包 (issue 28): the figures per leader (/instructions, its API) and one leader's
        // 我联系的项目, over the same district and day.
        var figuresBest = Double.infinity, deskBest = Double.infinity, leaders = 0, own = 0
        for _ in 0..<runs {
            var t = ContinuousClock.now
            leaders = try await LeaderDesk.figures(districtID: id, year: 2023, asOf: asOf, today: asOf, on: db).count
            figuresBest = min(figuresBest, BenchSupport.seconds(t))
            t = ContinuousClock.now
            own = try await LeaderDesk.view(districtID: id, year: 2023, day: asOf, today: asOf, leader: "领导0", username: "bench",
                                            since: asOf.adding(days: -7), on: db).projects.count
            deskBest = min(deskBest, BenchSupport.seconds(t))
        }
        context.console.print(String(format: "  figures per leader (%d leaders), at best: %.0f ms; one leader's desk (%d projects): %.0f ms",
                                     leaders, figuresBest * 1000, own, deskBest * 1000))
        if let path = signature.writeMap {
            let page = "<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>map \(n)</title><style>\(Stylesheet.css)</style></head>"
                + "<body><div class=\"map-frame\">\(mapSVG)</div></body></html>"
            try page.write(toFile: path, atomically: true, encoding: .utf8)
            context.console.print("map written to \(path) (\(mapSVG.utf8.count / 1024) KB of SVG)")
        }
        context.console.print(String(format: "peak RSS %.0f MB", BenchSupport.peakRSSMegabytes()))
    }

    /// The bench ledger puts every project on one diagonal of a hundred points; spread them over
    /// the district instead, as a real map has them (a fixed sequence, the same every run).
    static func scatter(district id: UUID, on db: any Database) async throws {
        let projects = try await ProjectModel.query(on: db).filter(\.$district.$id == id).all()
        var seed: UInt64 = 0x5EED
        func next() -> Double {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Double(seed >> 11) / Double(1 << 53)
        }
        for p in projects {
            p.longitude = 113.545 + next() * 0.12
            p.latitude = 34.585 + next() * 0.165
        }
        for chunk in stride(from: 0, to: projects.count, by: 5_000) {
            let part = Array(projects[chunk..<min(chunk + 5_000, projects.count)])
            try await db.writeTransaction { tx in
                for p in part { try await p.save(on: tx) }
            }
        }
    }

    /// A boundary and seven zones in strips, named as the bench ledger names its zones.
    static func layer() -> Data {
        let w = 113.54, e = 113.67, s = 34.58, n = 34.755
        func polygon(_ x0: Double, _ x1: Double) -> [[[Double]]] { [[[x0, n], [x1, n], [x1, s], [x0, s], [x0, n]]] }
        var features: [[String: Any]] = [["type": "Feature", "properties": ["name": "基准区", "kind": "boundary"],
                                          "geometry": ["type": "Polygon", "coordinates": polygon(w, e)]]]
        let strip = (e - w) / 7
        for i in 0..<7 {
            features.append(["type": "Feature", "properties": ["name": "片区\(i)", "kind": "zone"],
                             "geometry": ["type": "Polygon", "coordinates": polygon(w + strip * Double(i), w + strip * Double(i + 1))]])
        }
        return try! JSONSerialization.data(withJSONObject: ["type": "FeatureCollection", "features": features], options: [.sortedKeys])
    }
}
