/// A site photo judged against its project's place and its report's month: one verdict with the
/// figure behind it. A pure rule over the camera's record (`PhotoMetadata`), the project's
/// position and the district's rules (`PhotoRules`); the upload, the CLI and the demo call it.
public struct PhotoVerdict: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// 现场: near the project and within the month (and its grace days).
        case onSite = "on-site"
        /// 位置不符: farther than the radius.
        case wrongPlace = "wrong-place"
        /// 时间不符: outside the month and its grace days.
        case wrongTime = "wrong-time"
        /// 无定位信息: no GPS position in the file.
        case noLocation = "no-location"
        /// 无拍摄时间: no time taken in the file.
        case noTime = "no-time"
        /// 无法读取拍摄信息: an EXIF block that cannot be read.
        case unreadable
        /// 项目无坐标: the ledger has no position for the project, so the place cannot be checked.
        case noSite = "no-site"

        public var chineseName: String {
            switch self {
            case .onSite: "现场"
            case .wrongPlace: "位置不符"
            case .wrongTime: "时间不符"
            case .noLocation: "无定位信息"
            case .noTime: "无拍摄时间"
            case .unreadable: "无法读取拍摄信息"
            case .noSite: "项目无坐标"
            }
        }

        public var englishName: String {
            switch self {
            case .onSite: "On site"
            case .wrongPlace: "Wrong place"
            case .wrongTime: "Wrong time"
            case .noLocation: "No location"
            case .noTime: "No time taken"
            case .unreadable: "Camera record unreadable"
            case .noSite: "Project has no position"
            }
        }

        /// Verified: the photo supports the report.
        public var verified: Bool { self == .onSite }
    }

    public var kind: Kind
    /// Metres from the project's position (WGS-84), where both are known.
    public var distanceMeters: Int?
    /// The day taken, in the district's zone, where known.
    public var takenOn: CalendarDate?

    public init(kind: Kind, distanceMeters: Int? = nil, takenOn: CalendarDate? = nil) {
        self.kind = kind; self.distanceMeters = distanceMeters; self.takenOn = takenOn
    }

    /// Judges one photo. `site` is the project's ledger position in `rules.datum`; `zoneMinutes`
    /// the district's offset from UTC (480 for China), used for a time without an offset.
    /// The place is judged before the time: a photo from elsewhere is that first.
    public static func judge(_ meta: PhotoMetadata, site: (latitude: Double, longitude: Double)?, year: Int, month: Int,
                             rules: PhotoRules, zoneMinutes: Int = 480) -> PhotoVerdict {
        let takenOn = meta.takenAt?.day(inZone: zoneMinutes)
        var distance: Int?
        if let site, let lat = meta.latitude, let lon = meta.longitude {
            let wgs = rules.datum.toWGS84(latitude: site.latitude, longitude: site.longitude)
            let d = GeoDistance.meters(wgs.latitude, wgs.longitude, lat, lon)
            // Bounded: half the Earth's circumference at most.
            distance = d.isFinite ? Int(d.rounded()) : nil
        }
        func verdict(_ kind: Kind) -> PhotoVerdict { PhotoVerdict(kind: kind, distanceMeters: distance, takenOn: takenOn) }
        if meta.unreadable { return verdict(.unreadable) }
        if meta.latitude == nil || meta.longitude == nil { return verdict(.noLocation) }
        guard site != nil else { return verdict(.noSite) }
        if let d = distance, d > rules.radiusMeters { return verdict(.wrongPlace) }
        guard let takenOn else { return verdict(.noTime) }
        guard let first = CalendarDate(year: year, month: month, day: 1) else { return verdict(.wrongTime) }
        let last = first.adding(days: CalendarDate.daysIn(month: month, year: year) - 1)
        if takenOn < first.adding(days: -rules.graceDays) || takenOn > last.adding(days: rules.graceDays) { return verdict(.wrongTime) }
        return verdict(.onSite)
    }

    /// The verdict in words with its figure: "位置不符（距项目 3.2 公里）", "时间不符（2022-06-15 拍摄）".
    public func message() -> Message {
        switch kind {
        case .wrongPlace:
            let d = distanceMeters ?? 0
            return Message(zh: "位置不符（距项目 \(Self.distanceText(d, english: false))）", en: "Wrong place (\(Self.distanceText(d, english: true)) from the project)")
        case .wrongTime:
            let day = takenOn?.iso ?? ""
            return Message(zh: "时间不符（\(day) 拍摄）", en: "Wrong time (taken \(day))")
        case .onSite:
            guard let d = distanceMeters else { return Message(zh: kind.chineseName, en: kind.englishName) }
            return Message(zh: "现场（距项目 \(Self.distanceText(d, english: false))）", en: "On site (\(Self.distanceText(d, english: true)) from the project)")
        default:
            return Message(zh: kind.chineseName, en: kind.englishName)
        }
    }

    /// "850 米" / "3.2 公里"; "850 m" / "3.2 km".
    public static func distanceText(_ meters: Int, english: Bool) -> String {
        if meters < 1000 { return english ? "\(meters) m" : "\(meters) 米" }
        let km = Double(meters) / 1000
        let text = km >= 100 ? String(Int(km.rounded())) : WrittenForms.decimal(km, places: 1, minPlaces: 1, grouped: false)
        return english ? "\(text) km" : "\(text) 公里"
    }

    /// A report the reviewer should look at twice (照片待核): no photo, or every photo judged
    /// and none taken at the site in the month. A photo stored before photos were judged
    /// (no verdict) counts for the report, as it did then.
    public static func needsAttention(_ verdicts: [Kind?]) -> Bool {
        verdicts.isEmpty || verdicts.allSatisfy { $0.map { !$0.verified } ?? false }
    }
}
