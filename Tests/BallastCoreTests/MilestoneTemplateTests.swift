import BallastCore
import Testing

@Suite struct MilestoneTemplateTests {
    let d = { (y: Int, m: Int, day: Int) in CalendarDate(year: y, month: m, day: day)! }

    @Test func aNewStartGetsEveryNodeOfTheYearDatedFromItsLedgerDates() {
        let nodes = MilestoneTemplate.standard.plan(year: 2023, plannedStart: d(2023, 4, 1), plannedEnd: d(2023, 12, 31), stage: .landed)
        #expect(nodes.map(\.name) == ["取得用地", "规划许可", "施工许可", "开工", "主体封顶", "竣工"])
        #expect(nodes.map(\.seq) == [1, 2, 3, 4, 5, 6])
        // 90, 60 and 15 days before 2023-04-01; 180 days before 2023-12-31.
        #expect(nodes.map(\.planned.iso) == ["2023-01-01", "2023-01-31", "2023-03-17", "2023-04-01", "2023-07-04", "2023-12-31"])
        // 投产 (30 days after completion) falls in 2024: not a node of 2023.
        let next = MilestoneTemplate.standard.plan(year: 2024, plannedStart: d(2023, 4, 1), plannedEnd: d(2023, 12, 31), stage: .landed)
        #expect(next.map(\.name) == ["投产"])
        #expect(next.first?.planned.iso == "2024-01-30")
    }

    @Test func nodesAlreadyPassedByTheStageAreLeftOut() {
        let building = MilestoneTemplate.standard.plan(year: 2023, plannedStart: d(2023, 1, 10), plannedEnd: d(2023, 11, 30), stage: .underConstruction)
        // 投产, 30 days after 2023-11-30, is still in 2023.
        #expect(building.map(\.name) == ["主体封顶", "竣工", "投产"])
        #expect(building.map(\.seq) == [1, 2, 3])
        let done = MilestoneTemplate.standard.plan(year: 2023, plannedStart: d(2022, 1, 10), plannedEnd: d(2023, 11, 30), stage: .completed)
        #expect(done.map(\.name) == ["投产"])
        #expect(MilestoneTemplate.standard.plan(year: 2023, plannedStart: d(2023, 5, 1), plannedEnd: nil, stage: .exited).isEmpty)
    }

    @Test func withoutLedgerDatesThereIsNothingToDate() {
        #expect(MilestoneTemplate.standard.plan(year: 2023, plannedStart: nil, plannedEnd: nil, stage: .signed).isEmpty)
        let startOnly = MilestoneTemplate.standard.plan(year: 2023, plannedStart: d(2023, 6, 1), plannedEnd: nil, stage: .signed)
        #expect(startOnly.map(\.name) == ["取得用地", "规划许可", "施工许可", "开工"])
    }

    @Test func toppingOutIsNeverBeforeTheStart() {
        // A short project: 180 days before completion would be before the start.
        let nodes = MilestoneTemplate.standard.plan(year: 2023, plannedStart: d(2023, 8, 1), plannedEnd: d(2023, 10, 31), stage: .landed)
        let topping = nodes.first { $0.name == "主体封顶" }
        #expect(topping?.planned.iso == "2023-08-01")
    }

    @Test func reachingANodeMovesTheStageForwardOnly() {
        #expect(MilestoneStage.advance(from: .landed, reaching: "开工") == .underConstruction)
        #expect(MilestoneStage.advance(from: .signed, reaching: " 开工 ") == .underConstruction)
        #expect(MilestoneStage.advance(from: .underConstruction, reaching: "竣工") == .completed)
        #expect(MilestoneStage.advance(from: .completed, reaching: "投产") == .inProduction)
        // Already there or beyond: no move back.
        #expect(MilestoneStage.advance(from: .underConstruction, reaching: "开工") == nil)
        #expect(MilestoneStage.advance(from: .inProduction, reaching: "竣工") == nil)
        #expect(MilestoneStage.advance(from: .exited, reaching: "开工") == nil)
        #expect(MilestoneStage.advance(from: .landed, reaching: "施工许可") == nil)
        #expect(MilestoneStage.passed("主体封顶", at: .completed))
        #expect(!MilestoneStage.passed("主体封顶", at: .underConstruction))
        #expect(MilestoneStage.passed("施工许可", at: .underConstruction))
        #expect(!MilestoneStage.passed("施工许可", at: .landed))
        #expect(!MilestoneStage.passed("自定节点", at: .inProduction))
    }
}

@Suite struct ApprovalRateTests {
    let d = { (m: Int, day: Int) in CalendarDate(year: 2023, month: m, day: day)! }

    @Test func countsApprovedOnTimeAndOverdueAtTheBoundaries() {
        let asOf = d(6, 30)
        let r = ApprovalRate.count([
            (d(3, 1), d(3, 1)),     // approved on the target day: on time
            (d(3, 1), d(3, 2)),     // a day late
            (nil, d(4, 1)),         // no target: on time
            (d(6, 30), nil),        // due today: not yet overdue
            (d(6, 29), nil),        // due yesterday: overdue
            (nil, nil),
        ], asOf: asOf)
        #expect(r == ApprovalRate(total: 6, approved: 3, onTime: 2, overdue: 1))
        #expect(r.percent == 50.0)
        #expect(r.onTimePercent == 33.3)
    }

    @Test func anEmptyYearHasNoRate() {
        let r = ApprovalRate.count([], asOf: d(6, 30))
        #expect(r.total == 0)
        #expect(r.percent == nil)
        #expect(ApprovalRate(total: 114, approved: 114, onTime: 114, overdue: 0).percent == 100.0)
        #expect(ApprovalRate(total: 3, approved: 2, onTime: 2, overdue: 0).percent == 66.7)
    }
}

@Suite struct SitePhotoTests {
    /// A PNG's signature, IHDR chunk (width 640, height 480), one IDAT chunk and IEND.
    static let png: [UInt8] = pngHeader(width: [0, 0, 0x02, 0x80], height: [0, 0, 0x01, 0xE0]) + pngBody
    static func pngHeader(width: [UInt8], height: [UInt8]) -> [UInt8] {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52] + width + height + [8, 2, 0, 0, 0]
            + [0, 0, 0, 0]
    }
    static let pngBody: [UInt8] = [0, 0, 0, 2, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0, 0, 0, 0] + [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]
    /// SOI, an APP0 segment of 16 bytes, SOF0 with height 1080 and width 1920 and three
    /// components, a start of scan, two bytes of data and EOI.
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array(repeating: 0, count: 14)
        + [0xFF, 0xC0, 0x00, 0x11, 0x08, 0x04, 0x38, 0x07, 0x80, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]
        + [0xFF, 0xDA, 0x00, 0x0C, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3F, 0x00, 0x12, 0x34, 0xFF, 0xD9]

    @Test func readsKindAndSizeFromTheBytes() throws {
        #expect(try SitePhoto.check(Self.png).get() == SitePhoto.Checked(kind: .png, width: 640, height: 480))
        #expect(try SitePhoto.check(Self.jpeg).get() == SitePhoto.Checked(kind: .jpeg, width: 1920, height: 1080))
    }

    @Test func refusesWhatIsNotAPhoto() {
        #expect(SitePhoto.check([]) == .failure(.empty))
        #expect(SitePhoto.check(Array("项目编号,月份\n".utf8)) == .failure(.notAnImage))
        #expect(SitePhoto.check(Array("%PDF-1.7".utf8)) == .failure(.notAnImage))
        // A JPEG cut off before its frame header.
        #expect(SitePhoto.check(Array(Self.jpeg.prefix(12))) == .failure(.notAnImage))
        // A PNG claiming zero width.
        var zero = Self.png
        zero[16...19] = [0, 0, 0, 0]
        #expect(SitePhoto.check(zero) == .failure(.notAnImage))
        // The 33-byte PNG of issue 19: a header without image data.
        #expect(SitePhoto.check(Array(Self.png.prefix(33))) == .failure(.notAnImage))
        // A chunk claiming more bytes than the file has.
        var overlong = Self.png
        overlong[33...36] = [0x7F, 0xFF, 0xFF, 0xFF]
        #expect(SitePhoto.check(overlong) == .failure(.notAnImage))
        // A JPEG frame header with no scan after it.
        #expect(SitePhoto.check(Array(Self.jpeg.prefix(39))) == .failure(.notAnImage))
    }

    @Test func refusesMoreThanFiftyMegapixels() {
        // 30 000 × 30 000: a few bytes that would decode to 2.7 GB.
        let huge = Self.pngHeader(width: [0, 0, 0x75, 0x30], height: [0, 0, 0x75, 0x30]) + Self.pngBody
        #expect(SitePhoto.check(huge) == .failure(.tooManyPixels(width: 30_000, height: 30_000)))
        // 10 000 × 5 000 is exactly the limit; one row more is over it.
        let atLimit = Self.pngHeader(width: [0, 0, 0x27, 0x10], height: [0, 0, 0x13, 0x88]) + Self.pngBody
        #expect((try? SitePhoto.check(atLimit).get())?.width == 10_000)
        let over = Self.pngHeader(width: [0, 0, 0x27, 0x10], height: [0, 0, 0x13, 0x89]) + Self.pngBody
        #expect(SitePhoto.check(over) == .failure(.tooManyPixels(width: 10_000, height: 5_001)))
        // The largest sides a PNG header can state do not overflow the check.
        let widest = Self.pngHeader(width: [0x7F, 0xFF, 0xFF, 0xFF], height: [0x7F, 0xFF, 0xFF, 0xFF]) + Self.pngBody
        #expect(SitePhoto.check(widest) == .failure(.tooManyPixels(width: 2_147_483_647, height: 2_147_483_647)))
    }

    @Test func sizeLimitIsFiveMegabytesInclusive() {
        var atLimit = Self.png
        atLimit += Array(repeating: 0, count: SitePhoto.maxBytes - atLimit.count)
        #expect((try? SitePhoto.check(atLimit).get())?.kind == .png)
        atLimit.append(0)
        #expect(SitePhoto.check(atLimit) == .failure(.tooLarge(bytes: SitePhoto.maxBytes + 1)))
        #expect(SitePhoto.Problem.tooLarge(bytes: 30 * 1024 * 1024).message.zh.contains("30 MB"))
    }
}
