@testable import BallastCore
import Foundation
import Testing

/// Site photos read and judged (issue 26): the camera's record from committed fixtures made
/// with piexif (`Tests/Fixtures/photos/make_fixtures.py`), hostile EXIF blocks read safely, the
/// GCJ-02 datum against published pairs, and each verdict.
@Suite struct PhotoEvidenceTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/photos/\(name)")
        return [UInt8](try Data(contentsOf: url))
    }

    @Test func readsWhatTheCameraRecorded() throws {
        let site = ExifReader.read(try Self.fixture("site.jpg"))
        #expect(site.takenAt?.iso == "2023-06-15T10:30:00+08:00")
        #expect(abs((site.latitude ?? 0) - 34.7245) < 0.0001 && abs((site.longitude ?? 0) - 113.6401) < 0.0001)
        #expect(site.make == "HUAWEI" && site.model == "ELS-AN00" && site.device == "HUAWEI ELS-AN00" && !site.unreadable)

        let sw = ExifReader.read(try Self.fixture("south-west.jpg"))
        #expect(abs((sw.latitude ?? 0) + 22.9068) < 0.0001 && abs((sw.longitude ?? 0) + 43.1729) < 0.0001)
        #expect(sw.takenAt?.iso == "2023-06-02T08:00:00" && sw.takenAt?.offsetMinutes == nil)

        let gpsOnly = ExifReader.read(try Self.fixture("gps-no-time.jpg"))
        #expect(gpsOnly.latitude != nil && gpsOnly.takenAt == nil)

        #expect(ExifReader.read(try Self.fixture("no-exif.jpg")) == .nothing)
        #expect(ExifReader.read(try Self.fixture("plain.png")) == .nothing)

        // Cut short: refused as unreadable, and the image itself is still a photo to keep.
        let cut = try Self.fixture("truncated.jpg")
        #expect(ExifReader.read(cut).unreadable)
        #expect((try? SitePhoto.check(cut).get())?.kind == .jpeg)
    }

    /// A minimal JPEG around a TIFF block, for the hostile cases.
    static func jpeg(tiff: [UInt8]) -> [UInt8] {
        let payload = Array("Exif".utf8) + [0, 0] + tiff
        let length = payload.count + 2
        return [0xFF, 0xD8, 0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + payload + [0xFF, 0xD9]
    }

    /// Little-endian TIFF: header, then IFD0 at 8.
    static func tiff(_ entries: [(tag: Int, type: Int, count: Int, value: Int)], next: Int = 0, extra: [UInt8] = [], claimed: Int? = nil) -> [UInt8] {
        func u16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        func u32(_ v: Int) -> [UInt8] { u16(v & 0xFFFF) + u16((v >> 16) & 0xFFFF) }
        var out: [UInt8] = [0x49, 0x49] + u16(42) + u32(8)
        out += u16(claimed ?? entries.count)
        for e in entries { out += u16(e.tag) + u16(e.type) + u32(e.count) + u32(e.value) }
        out += u32(next)
        return out + extra
    }

    @Test func hostileBlocksAreReadSafely() {
        // An IFD that claims 60 000 entries.
        #expect(ExifReader.read(Self.jpeg(tiff: Self.tiff([(0x010F, 2, 4, 0)], claimed: 60_000))).unreadable)
        // An Exif pointer outside the block.
        #expect(ExifReader.read(Self.jpeg(tiff: Self.tiff([(0x8769, 4, 1, 0x7FFF_FFF0)]))).unreadable)
        // A loop: the GPS pointer points back at IFD0.
        #expect(ExifReader.read(Self.jpeg(tiff: Self.tiff([(0x8825, 4, 1, 8)]))).unreadable)
        // A make whose text lies outside the block is left out, not read past the end.
        #expect(ExifReader.read(Self.jpeg(tiff: Self.tiff([(0x010F, 2, 4000, 30)]))).make == nil)
        // GPS rationals with zero denominators: no position, no crash.
        // IFD0 (1 entry: GPS at 26) = 8 + 2 + 12 + 4 = 26; the GPS IFD's two entries (latitude at
        // 56 with zero denominators, longitude at 80 whole) = 2 + 24 + 4 = 30.
        let gpsIFD: [UInt8] = [2, 0] + [2, 0, 5, 0, 3, 0, 0, 0, 56, 0, 0, 0] + [4, 0, 5, 0, 3, 0, 0, 0, 80, 0, 0, 0] + [0, 0, 0, 0]
        var zeros: [UInt8] = [], north: [UInt8] = [], whole: [UInt8] = []
        for _ in 0..<3 { zeros += [34, 0, 0, 0, 0, 0, 0, 0]; north += [34, 0, 0, 0, 1, 0, 0, 0]; whole += [113, 0, 0, 0, 1, 0, 0, 0] }
        let zero = ExifReader.read(Self.jpeg(tiff: Self.tiff([(0x8825, 4, 1, 26)], extra: gpsIFD + zeros + whole)))
        let sane = ExifReader.read(Self.jpeg(tiff: Self.tiff([(0x8825, 4, 1, 26)], extra: gpsIFD + north + whole)))
        #expect(sane.latitude != nil, "the same block with whole rationals has a position")
        #expect(zero.latitude == nil && !zero.unreadable)
        // Not TIFF at all, or nothing after the header.
        #expect(ExifReader.read(Self.jpeg(tiff: [1, 2, 3, 4, 5, 6, 7, 8, 9])).unreadable)
        #expect(ExifReader.read([0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF]) == .nothing)
        // A PNG renamed .jpg is read as the PNG it is; HEIC is refused with what to do.
        #expect(ExifReader.read(SitePhoto.pngSignature + [0, 0, 0, 0]) == .nothing)
        let heic: [UInt8] = [0, 0, 0, 24] + Array("ftypheic".utf8) + [0, 0, 0, 0] + Array("mif1heic".utf8)
        #expect(SitePhoto.check(heic) == .failure(.heic))
        #expect(SitePhoto.Problem.heic.message.zh.contains("JPEG"))
    }

    /// Published WGS-84 → GCJ-02 pairs (Shanghai, Shenzhen, Beijing), and back within 0.5 m.
    @Test func gcj02MatchesPublishedPairs() {
        let pairs: [(Double, Double, Double, Double)] = [
            (31.1774276, 121.5272106, 31.17530398364597, 121.531541859215),
            (22.543847, 113.912316, 22.540796131694766, 113.9171764808363),
            (39.911954, 116.377817, 39.91334545536069, 116.38404722455657),
            (39.915, 116.404, 39.91640428150164, 116.41024449916938),
        ]
        for (wLat, wLon, gLat, gLon) in pairs {
            let g = GCJ02.fromWGS84(latitude: wLat, longitude: wLon)
            #expect(abs(g.latitude - gLat) < 1e-6 && abs(g.longitude - gLon) < 1e-6, "\(wLat),\(wLon) → \(g)")
            let back = GCJ02.toWGS84(latitude: gLat, longitude: gLon)
            #expect(GeoDistance.meters(back.latitude, back.longitude, wLat, wLon) < 0.5)
        }
        // Outside China the datum is not shifted.
        let paris = GCJ02.fromWGS84(latitude: 48.8566, longitude: 2.3522)
        #expect(paris.latitude == 48.8566 && paris.longitude == 2.3522)
        // One degree of latitude is about 111 km.
        #expect(abs(GeoDistance.meters(34, 113, 35, 113) - 111_195) < 50)
    }

    @Test func eachPhotoGetsItsVerdict() throws {
        let rules = PhotoRules(radiusMeters: 1000, graceDays: 7, datum: .wgs84)
        let site = (latitude: 34.7245, longitude: 113.6401)
        func judge(_ m: PhotoMetadata, month: Int = 6, at: (latitude: Double, longitude: Double)? = site, rules: PhotoRules = rules) -> PhotoVerdict {
            PhotoVerdict.judge(m, site: at, year: 2023, month: month, rules: rules)
        }
        let taken = ExifReader.read(try Self.fixture("site.jpg"))
        let onSite = judge(taken)
        #expect(onSite.kind == .onSite && onSite.distanceMeters == 0 && onSite.takenOn?.iso == "2023-06-15")
        // Another month, beyond the grace days: 时间不符 with the day.
        let late = judge(taken, month: 4)
        #expect(late.kind == .wrongTime && late.message().zh == "时间不符（2023-06-15 拍摄）")
        // Within the grace days of the month before it still counts: June 5 for May with 7 days.
        var early = taken
        early.takenAt = TakenAt(year: 2023, month: 6, day: 5, hour: 9, minute: 0, second: 0, offsetMinutes: 480)
        #expect(judge(early, month: 5).kind == .onSite)
        #expect(judge(early, month: 5, rules: PhotoRules(radiusMeters: 1000, graceDays: 3, datum: .wgs84)).kind == .wrongTime)
        // 2.2 km north: 位置不符 with the distance.
        let far = judge(taken, at: (34.7045, 113.6401))
        #expect(far.kind == .wrongPlace && far.distanceMeters == 2224 && far.message().zh == "位置不符（距项目 2.2 公里）")
        #expect(judge(ExifReader.read(try Self.fixture("gps-no-time.jpg"))).kind == .noTime)
        #expect(judge(ExifReader.read(try Self.fixture("no-exif.jpg"))).kind == .noLocation)
        #expect(judge(ExifReader.read(try Self.fixture("truncated.jpg"))).kind == .unreadable)
        #expect(judge(taken, at: nil).kind == .noSite)
        // Rio is about 17 000 km away.
        let rio = judge(ExifReader.read(try Self.fixture("south-west.jpg")))
        #expect(rio.kind == .wrongPlace && (rio.distanceMeters ?? 0) > 16_000_000)
        // The ledger in GCJ-02: a photo taken at the WGS-84 point of a GCJ-02 ledger position is on site;
        // read as WGS-84 the same position is hundreds of metres off.
        let gcj = GCJ02.fromWGS84(latitude: 34.7245, longitude: 113.6401)
        let asGCJ = judge(taken, at: gcj, rules: PhotoRules(radiusMeters: 100, graceDays: 7, datum: .gcj02))
        #expect(asGCJ.kind == .onSite && (asGCJ.distanceMeters ?? 99) < 1)
        #expect(judge(taken, at: gcj, rules: PhotoRules(radiusMeters: 100, graceDays: 7, datum: .wgs84)).kind == .wrongPlace)
        // A time with an offset is read in the district's zone: 23:30 at UTC+0 is the next day in Beijing.
        let utc = try #require(TakenAt(exif: "2023:06:30 23:30:00", offset: "+00:00"))
        #expect(utc.day(inZone: 480)?.iso == "2023-07-01")
        #expect(TakenAt(exif: "2023:02:30 10:00:00", offset: nil) == nil)
        #expect(TakenAt(exif: "0000:00:00 00:00:00", offset: nil) == nil)
        #expect(PhotoRules(radiusMeters: 0, graceDays: 40).check().map(\.field) == ["radiusMeters", "graceDays"])
    }
}

/// The demo's photos are stamped by `ExifWriter`: what it writes, the reader reads back.
@Suite struct ExifWriterTests {
    @Test func whatIsWrittenIsReadBack() throws {
        let base = try PhotoEvidenceTests.fixture("no-exif.jpg")
        let taken = try #require(TakenAt(year: 2023, month: 6, day: 28, hour: 9, minute: 41, second: 7, offsetMinutes: 480))
        let stamped = try #require(ExifWriter.stamped(base, takenAt: taken, latitude: 34.7311, longitude: 113.6189, make: "Xiaomi", model: "Redmi K60"))
        let meta = ExifReader.read(stamped)
        #expect(meta.takenAt == taken && meta.make == "Xiaomi" && meta.model == "Redmi K60")
        #expect(abs((meta.latitude ?? 0) - 34.7311) < 0.00001 && abs((meta.longitude ?? 0) - 113.6189) < 0.00001)
        #expect(SitePhoto.check(stamped) == SitePhoto.check(base))
        let south = try #require(ExifWriter.stamped(base, takenAt: nil, latitude: -33.5, longitude: -70.25, make: nil, model: nil))
        let s = ExifReader.read(south)
        #expect(s.latitude == -33.5 && s.longitude == -70.25 && s.takenAt == nil && s.make == nil)
        // Stripped again, nothing of it is left.
        #expect(ExifReader.read(ExifStripper.stripped(stamped)) == .nothing)
        #expect(ExifWriter.stamped(SitePhoto.pngSignature, takenAt: nil, latitude: nil, longitude: nil, make: nil, model: nil) == nil)
    }
}

/// The `photos` indicator: off in the standard scheme, a share when the office adds it, and
/// rankings frozen before it existed still read.
@Suite struct PhotoIndicatorTests {
    @Test func theIndicatorIsAnOptionAndOldRankingsStillRead() throws {
        #expect(!ScoringScheme.standard.items.contains { $0.indicator == "photos" })
        var f = UnitFacts()
        f.reportsExpected = 4; f.reportsVerified = 3
        #expect(UnitScore.ratio(.photos, f, month: 6, pipelineTarget: 2) == 0.75)
        let scheme = ScoringScheme(items: [.init(indicator: "investment", weight: 90), .init(indicator: "photos", weight: 10)])
        #expect(scheme.problem() == nil)
        let score = UnitScore.score(f, month: 6, scheme: scheme)
        #expect(score.parts.first { $0.indicator == "photos" }?.points == 7.5)
        // A ranking issued before: its facts without reportsVerified.
        let old = #"{"projects":3,"plan":1,"completed":1,"plannedStarts":0,"achievedStarts":0,"problemsDue":0,"problemsOnTime":0,"reportsExpected":3,"reportsOnTime":3,"litProjects":0,"signedLeads":0}"#
        let decoded = try JSONDecoder().decode(UnitFacts.self, from: Data(old.utf8))
        #expect(decoded.reportsVerified == 0 && decoded.reportsExpected == 3)
        #expect(try JSONDecoder().decode(UnitFacts.self, from: JSONEncoder().encode(f)) == f)
    }
}

/// What an attack on the photo upload found (issue 26 review): each failed before its mend.
@Suite struct PhotoAttackTests {
    @Test func aPictureAppendedAfterTheImageDoesNotCarryItsPositionThrough() throws {
        // A phone's multi-picture file, or a hostile one: an image without EXIF, then a second with GPS.
        let first = try PhotoEvidenceTests.fixture("no-exif.jpg"), second = try PhotoEvidenceTests.fixture("site.jpg")
        let joined = first + second
        let copy = ExifStripper.stripped(joined)
        #expect(!copy.contains(subsequence: Array("Exif".utf8)), "nothing after the end of the image")
        #expect(copy == ExifStripper.stripped(first))
    }

    @Test func theFirstFrameHeaderGivesTheSize() throws {
        // Two frame headers: decoders use the first (20 000 × 20 000), so the pixel bound must too.
        var b = try PhotoEvidenceTests.fixture("no-exif.jpg")
        let sof: [UInt8] = [0xFF, 0xC0, 0x00, 0x11, 0x08, 0x4E, 0x20, 0x4E, 0x20, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]
        b.insert(contentsOf: sof, at: 2)
        #expect(SitePhoto.check(b) == .failure(.tooManyPixels(width: 20_000, height: 20_000)))
    }

    @Test func aTimeWithSignsIsNoTime() {
        #expect(TakenAt(exif: "-2023:-7:-15 -1:-1:-1", offset: nil) == nil)
        #expect(TakenAt(exif: "2023:07:15 01:01:01", offset: nil)?.iso == "2023-07-15T01:01:01")
        #expect(TakenAt(exif: "2023-07-15 01:01:01", offset: nil) != nil)
        #expect(TakenAt(exif: "2023:7:15 1:1:1", offset: nil) == nil)
    }

    @Test func theSizeMessageDoesNotContradictItself() {
        let m = SitePhoto.Problem.tooLarge(bytes: 5 * 1024 * 1024 + 1).message
        #expect(!m.zh.hasPrefix("照片 5 MB") && m.zh.contains("5242881 字节"))
    }
    /// 照片待核: no photo, or all judged and none on site; an unjudged (older) photo counts.
    @Test func aReportNeedsAttentionWhenNoPhotoSupportsIt() {
        #expect(PhotoVerdict.needsAttention([]))
        #expect(PhotoVerdict.needsAttention([.wrongPlace, .noTime]))
        #expect(!PhotoVerdict.needsAttention([.wrongPlace, .onSite]))
        #expect(!PhotoVerdict.needsAttention([nil]))
        #expect(!PhotoVerdict.needsAttention([.noLocation, nil]))
    }

}

extension Array where Element == UInt8 {
    func contains(subsequence s: [UInt8]) -> Bool {
        guard !s.isEmpty, s.count <= count else { return false }
        for i in 0...(count - s.count) where self[i] == s[0] && Array(self[i..<(i + s.count)]) == s { return true }
        return false
    }
}
