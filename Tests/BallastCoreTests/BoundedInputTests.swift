@testable import BallastCore
import Foundation
import Testing

/// The bounded types every request goes through (issue 19): pages, years, dates built from
/// years, and the parsers of uploaded GeoJSON and photo headers under mutation.
@Suite struct BoundedInputTests {
    @Test func pagingNeverOverflows() {
        // The page of issue 19 that overflowed the offset.
        let hostile = Paging(page: 92_233_720_368_547_758, perPage: Int.max)
        #expect(hostile.page == Paging.maxPage && hostile.perPage == Paging.maxPerPage)
        #expect(hostile.offset == (Paging.maxPage - 1) * Paging.maxPerPage)
        #expect(Paging(page: -5, perPage: 0).offset == 0)
        #expect(Paging(page: 3, perPage: 50).offset == 100)
    }

    @Test func yearsAreBoundedAndDatesFromThemAlwaysExist() {
        #expect(!PlanYear.isValid(-1) && !PlanYear.isValid(0) && !PlanYear.isValid(1) && !PlanYear.isValid(1999) && !PlanYear.isValid(2101))
        #expect(PlanYear.isValid(2000) && PlanYear.isValid(2023) && PlanYear.isValid(2100))
        // An as-of day is a real date of such a year.
        #expect(PlanYear.asOfDay("2023-06-30") == CalendarDate(year: 2023, month: 6, day: 30))
        #expect(PlanYear.asOfDay("2023-6-3") == CalendarDate(year: 2023, month: 6, day: 3))
        for bad in ["1900-01-01", "9999-12-31", "2023-02-30", "2023-13-01", "2023-06", "", "0000-00-00"] {
            #expect(PlanYear.asOfDay(bad) == nil, "\(bad)")
        }
        #expect(CalendarDate.clamped(year: 1, month: 12, day: 31) == CalendarDate(year: 1900, month: 12, day: 31))
        #expect(CalendarDate.clamped(year: 2023, month: 2, day: 31) == CalendarDate(year: 2023, month: 2, day: 28))
        #expect(CalendarDate.clamped(year: Int.max, month: Int.min, day: Int.max) == CalendarDate(year: 2999, month: 1, day: 31))
    }

    @Test func geoJSONReaderNeverTraps() {
        var rng = SeededBytes(state: 7)
        let seed = Array(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"甲片区","kind":"zone"},"geometry":{"type":"Polygon","coordinates":[[[113.6,34.7],[113.7,34.7],[113.7,34.8],[113.6,34.7]]]}}]}"#.utf8)
        var accepted = 0
        for _ in 0..<2_000 {
            if case .success = GeoJSONReader.read(Data(rng.mutate(seed))) { accepted += 1 }
        }
        #expect(accepted < 2_000)
    }

    @Test func photoHeadersNeverTrap() {
        var rng = SeededBytes(state: 12)
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 2, 0x80, 0, 0, 1, 0xE0,
                            8, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0, 0, 0, 0,
                            0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x04, 0x38, 0x07, 0x80, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01,
                             0x03, 0x11, 0x01, 0xFF, 0xDA, 0x00, 0x0C, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3F, 0x00, 0x12, 0xFF, 0xD9]
        #expect((try? SitePhoto.check(png).get())?.width == 640)
        #expect((try? SitePhoto.check(jpeg).get())?.width == 1920)
        for seed in [png, jpeg] {
            for _ in 0..<3_000 {
                if case .success(let c) = SitePhoto.check(rng.mutate(seed)) {
                    #expect(c.width > 0 && c.height > 0 && c.width * c.height <= SitePhoto.maxPixels)
                }
            }
        }
    }
}

/// Deterministic mutations of a seed input (the same cases every run).
struct SeededBytes {
    var generator: SplitMix64
    init(state: UInt64) { generator = SplitMix64(seed: state) }
    mutating func next() -> UInt64 { generator.next() }
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }

    mutating func mutate(_ seed: [UInt8]) -> [UInt8] {
        var b = seed
        let interesting: [[UInt8]] = [[0xFF], [0x00], [0x7F, 0xFF, 0xFF, 0xFF], Array("1e308".utf8), Array("-".utf8), Array("[[".utf8),
                                      Array("]]".utf8), Array("\"".utf8), Array("null".utf8)]
        for _ in 0...int(3) {
            switch int(5) {
            case 0 where !b.isEmpty: b[int(b.count)] = UInt8(truncatingIfNeeded: next())
            case 1: b.insert(UInt8(truncatingIfNeeded: next()), at: int(b.count + 1))
            case 2 where !b.isEmpty: b.remove(at: int(b.count))
            case 3: b = Array(b.prefix(int(b.count + 1)))
            default: b.insert(contentsOf: interesting[int(interesting.count)], at: int(b.count + 1))
            }
        }
        return b
    }
}

@Suite struct DeepNestingTests {
    @Test func deeplyNestedGeoJSONIsRefusedNotOverflowingTheStack() {
        let deep = String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)
        let doc = #"{"type":"FeatureCollection","features":"# + deep + "}"
        if case .success = GeoJSONReader.read(Data(doc.utf8)) { Issue.record("accepted") }
        let deepObjects = String(repeating: #"{"a":"#, count: 100_000) + "1" + String(repeating: "}", count: 100_000)
        if case .success = GeoJSONReader.read(Data(deepObjects.utf8)) { Issue.record("accepted") }
    }
}

/// The overflows the API fuzzer found (issue 19): a threshold of 10⁹ lag points, or a plan of
/// 10¹⁶ yuan, made the warning rule's products trap and stopped the server on every read.
@Suite struct WarningArithmeticTests {
    static let day = CalendarDate(year: 2023, month: 6, day: 30)!

    @Test func thresholdsAreBoundedAndHugeOnesDoNotTrap() {
        let huge = WarningThresholds(version: 2, blueLagPoints: 1_000_000_000, yellowLagPoints: 14_228_166_428, blueLateDays: 13_616, yellowLateDays: 14_228_166_428)
        #expect(huge.problem != nil)
        #expect(WarningThresholds(version: 2, blueLagPoints: 10, yellowLagPoints: 100, blueLateDays: 15, yellowLateDays: 3_650).problem == nil)
        #expect(WarningThresholds(version: 2, blueLagPoints: 10, yellowLagPoints: 101, blueLateDays: 15, yellowLateDays: 30).problem != nil)
        // Even a stored rule past the bounds (from before them) is evaluated without trapping.
        let input = WarningInput(asOf: Self.day, annualPlan: Money(yuan: 797_790_000), completedYTD: Money(yuan: 1_000_000),
                                 plannedStart: nil, stage: .underConstruction, milestones: [])
        #expect(WarningRule.evaluate(input, thresholds: huge).colour == .blue)
    }

    @Test func hugeAmountsAreRefusedAtTheDoorAndDoNotTrapTheRule() {
        #expect(Money.parse("99999999999999", unit: .wan) == .failure(.tooLarge))
        #expect(Money.parse("1000000000", unit: .wan) == .success(Money(yuan: Money.maxYuan)))
        #expect(Money.parse("1000000001", unit: .wan) == .failure(.tooLarge))
        #expect(Money.parse("1E+999999999", unit: .wan) == .failure(.tooLarge))
        #expect(Money.parse("1E-9223372036854775808", unit: .wan) == .failure(.tooLarge))
        let input = WarningInput(asOf: Self.day, annualPlan: Money(yuan: 999_999_999_999_999_999), completedYTD: Money(yuan: 5),
                                 plannedStart: nil, stage: .underConstruction, milestones: [])
        let outcome = WarningRule.evaluate(input)
        #expect(outcome.colour == .red)
        #expect(abs((outcome.lagPoints ?? 0) - 50) < 0.001)
    }
}
