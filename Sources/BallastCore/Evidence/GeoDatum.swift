import Foundation

/// The datum the district's ledger gives coordinates in. GPS and photos are WGS-84; maps made
/// in China (高德, 腾讯, and the coordinates officials copy from them) are GCJ-02, a published,
/// deliberately distorted datum that is 100–700 m off WGS-84 within China. Distances are taken
/// in WGS-84, so a GCJ-02 ledger position is converted first.
public enum GeoDatum: String, Sendable, Codable, CaseIterable {
    case wgs84 = "WGS-84"
    case gcj02 = "GCJ-02"

    /// A ledger position as WGS-84.
    public func toWGS84(latitude: Double, longitude: Double) -> (latitude: Double, longitude: Double) {
        switch self {
        case .wgs84: (latitude, longitude)
        case .gcj02: GCJ02.toWGS84(latitude: latitude, longitude: longitude)
        }
    }
}

/// GCJ-02 (国测局坐标) by its published formula (the form widely reproduced as "eviltransform"):
/// WGS-84 → GCJ-02 is closed-form; the inverse is found by iterating it, to well under a metre.
public enum GCJ02 {
    static let a = 6_378_245.0
    static let ee = 0.006_693_421_622_965_943_23

    /// Outside China's rough box the datum is not shifted.
    static func outsideChina(_ lat: Double, _ lon: Double) -> Bool {
        lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271
    }

    static func shift(_ lat: Double, _ lon: Double) -> (dLat: Double, dLon: Double) {
        let x = lon - 105, y = lat - 35
        let waves = (20 * sin(6 * x * .pi) + 20 * sin(2 * x * .pi)) * 2 / 3
        var dLat = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrt(abs(x)) + waves
        dLat += (20 * sin(y * .pi) + 40 * sin(y / 3 * .pi)) * 2 / 3
        dLat += (160 * sin(y / 12 * .pi) + 320 * sin(y * .pi / 30)) * 2 / 3
        var dLon = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrt(abs(x)) + waves
        dLon += (20 * sin(x * .pi) + 40 * sin(x / 3 * .pi)) * 2 / 3
        dLon += (150 * sin(x / 12 * .pi) + 300 * sin(x / 30 * .pi)) * 2 / 3
        let radLat = lat / 180 * .pi
        let magic = 1 - ee * sin(radLat) * sin(radLat)
        let sqrtMagic = sqrt(magic)
        dLat = dLat * 180 / ((a * (1 - ee)) / (magic * sqrtMagic) * .pi)
        dLon = dLon * 180 / (a / sqrtMagic * cos(radLat) * .pi)
        return (dLat, dLon)
    }

    public static func fromWGS84(latitude: Double, longitude: Double) -> (latitude: Double, longitude: Double) {
        guard !outsideChina(latitude, longitude) else { return (latitude, longitude) }
        let d = shift(latitude, longitude)
        return (latitude + d.dLat, longitude + d.dLon)
    }

    public static func toWGS84(latitude: Double, longitude: Double) -> (latitude: Double, longitude: Double) {
        guard !outsideChina(latitude, longitude) else { return (latitude, longitude) }
        var lat = latitude, lon = longitude
        // Each step moves the guess by the error of its forward image: a few steps reach 1e-9°.
        for _ in 0..<10 {
            let g = fromWGS84(latitude: lat, longitude: lon)
            let eLat = g.latitude - latitude, eLon = g.longitude - longitude
            lat -= eLat; lon -= eLon
            if abs(eLat) < 1e-9 && abs(eLon) < 1e-9 { break }
        }
        return (lat, lon)
    }
}

/// Great-circle distance in metres (haversine on a sphere of the mean Earth radius): within a
/// district the error is a fraction of a metre per kilometre, far inside any radius a district sets.
public enum GeoDistance {
    static let earthRadius = 6_371_008.8

    public static func meters(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let p1 = lat1 * .pi / 180, p2 = lat2 * .pi / 180
        let dp = (lat2 - lat1) * .pi / 180, dl = (lon2 - lon1) * .pi / 180
        let h = sin(dp / 2) * sin(dp / 2) + cos(p1) * cos(p2) * sin(dl / 2) * sin(dl / 2)
        return 2 * earthRadius * asin(min(1, sqrt(h)))
    }
}
