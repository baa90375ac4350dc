/// A district's rules for judging site photos: how far from the project a photo may be taken,
/// how many days either side of the reporting month it may be taken, and the datum the ledger's
/// coordinates are in. Data, so the office changes them without a release.
public struct PhotoRules: Sendable, Equatable, Codable {
    /// Metres from the project's position: 1 km by default (a site, its gate and the road to it).
    public var radiusMeters: Int
    /// Days before the month's first day and after its last that still count: a photo taken on
    /// the 2nd of the next month, when the report is written, is the month's.
    public var graceDays: Int
    public var datum: GeoDatum
    // Whether verified photos count in the ranking is the scoring scheme's to say (the
    // `photos` indicator), not a rule of judging photos.

    public init(radiusMeters: Int = 1000, graceDays: Int = 7, datum: GeoDatum = .gcj02) {
        self.radiusMeters = radiusMeters; self.graceDays = graceDays; self.datum = datum
    }

    public static let standard = PhotoRules()
    public static let radiusRange = 50...20_000
    public static let graceRange = 0...31

    /// Refused naming the field.
    public func check() -> [FieldProblem] {
        var out: [FieldProblem] = []
        if !Self.radiusRange.contains(radiusMeters) {
            out.append(FieldProblem("radiusMeters", Message(zh: "距离范围应为 50～20000 米，实为 \(radiusMeters)", en: "The distance from the site (radiusMeters) must be 50 to 20000 m, not \(radiusMeters)")))
        }
        if !Self.graceRange.contains(graceDays) {
            out.append(FieldProblem("graceDays", Message(zh: "前后宽限应为 0～31 天，实为 \(graceDays)", en: "The days allowed (graceDays) must be 0 to 31, not \(graceDays)")))
        }
        return out
    }
}
