import BallastCore
import Fluent
import Foundation

/// The zone maps a district has uploaded. The map of a year is that year's latest version, or
/// failing one, the latest of the nearest earlier year: zones rarely change, so a new year
/// draws on last year's until the office uploads another.
public enum MapLayers {
    public struct Current: Sendable {
        public var year: Int
        public var version: Int
        public var layer: MapLayer
        public var geojson: String
    }

    public static func current(districtID: UUID, year: Int, on db: any Database) async throws -> Current? {
        guard let m = try await MapLayerModel.query(on: db).filter(\.$districtID == districtID).filter(\.$year <= year)
            .sort(\.$year, .descending).sort(\.$version, .descending).first() else { return nil }
        // What was stored was read and accepted when uploaded; read again it is the same.
        guard case .success(let layer) = GeoJSONReader.read(Data(m.geojson.utf8)) else { return nil }
        return Current(year: m.year, version: m.version, layer: layer, geojson: m.geojson)
    }

    /// Stores a new version for the year after reading it whole; refused, naming the feature and
    /// field, when any part of it is not understood. Audited.
    @discardableResult
    public static func upload(districtID: UUID, year: Int, geojson: Data, actor: ChangeActor, on db: any Database) async throws -> Current {
        let layer: MapLayer
        switch GeoJSONReader.read(geojson) {
        case .failure(let p): throw ProjectItemContext.Failure.invalid(field: p.field, p.message)
        case .success(let l): layer = l
        }
        guard (2000...2100).contains(year) else {
            throw ProjectItemContext.Failure.invalid(field: "year", Message(zh: "年度 \(year) 无效", en: "\(year) is not a valid year"))
        }
        let text = String(decoding: geojson, as: UTF8.self)
        return try await db.writeTransaction { tx in
            let last = try await MapLayerModel.query(on: tx).filter(\.$districtID == districtID).filter(\.$year == year)
                .sort(\.$version, .descending).first()
            let m = MapLayerModel()
            m.id = UUID(); m.districtID = districtID; m.year = year; m.version = (last?.version ?? 0) + 1
            m.geojson = text; m.features = layer.features.count; m.createdBy = actor.name; m.createdAt = Date()
            try await m.create(on: tx)
            let names = layer.features.map { "\($0.kind.rawValue):\($0.name)" }
            try await Audit.record(on: tx, districtID: districtID, actor: actor, action: "create", entity: "map_layer", entityID: m.id,
                                   summary: "\(year)年地图图层 v\(m.version)（\(layer.features.count) 个要素）",
                                   before: last.map { ["version": $0.version, "features": $0.features] }, after: ["version": m.version, "features": names.count])
            return Current(year: year, version: m.version, layer: layer, geojson: text)
        }
    }
}
