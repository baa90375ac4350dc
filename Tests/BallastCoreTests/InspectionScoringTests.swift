import BallastCore
import Testing

/// 观摩讲评's sheet and the combination of its scores (issue 28, part 2: the rule; the tour,
/// the phone scoring and the 讲评通报 are to come).
@Suite struct InspectionScoringTests {
    let sheet = InspectionSheet.standard

    func points(_ a: Double, _ b: Double, _ c: Double, _ d: Double, _ e: Double) -> InspectionScoring.Points {
        ["investment": a, "progress": b, "quality": c, "elements": d, "highlights": e]
    }

    @Test func theStandardSheetIsFiveItemsOfAHundredPoints() {
        #expect(sheet.items.map(\.name) == ["投资完成", "形象进度", "建设质量", "要素保障", "亮点特色"])
        #expect(sheet.fullPoints == 100 && sheet.problems().isEmpty)
        var bad = sheet
        bad.items.append(.init(key: "investment", name: "投资完成", points: 0))
        #expect(Set(bad.problems().map(\.field)) == ["items[5].name", "items[5].key", "items[5].points"])
        #expect(InspectionSheet(version: 2, items: []).problems().map(\.field) == ["items"])
        #expect(InspectionSheet(version: 2, items: [.init(key: "a", name: "甲", points: 12.25)]).problems().map(\.field) == ["items[0].points"])
    }

    @Test func aReviewersSheetScoresEveryItemWithinItsPoints() {
        #expect(InspectionScoring.check(points(20, 21.5, 18, 12, 10), sheet: sheet).isEmpty)
        #expect(InspectionScoring.total(points(20, 21.5, 18, 12, 10), sheet: sheet) == 81.5)
        var missing = points(20, 21.5, 18, 12, 10); missing["highlights"] = nil
        #expect(InspectionScoring.check(missing, sheet: sheet).map(\.field) == ["highlights"])
        #expect(InspectionScoring.check(points(26, 21.5, 18, 12, 10), sheet: sheet).map(\.field) == ["investment"])
        #expect(InspectionScoring.check(points(-1, 21.5, 18, 12, 10), sheet: sheet).map(\.field) == ["investment"])
        #expect(InspectionScoring.check(points(20.25, 21.5, 18, 12, 10), sheet: sheet).map(\.field) == ["investment"])
        #expect(InspectionScoring.check(points(.nan, 21.5, 18, 12, 10), sheet: sheet).map(\.field) == ["investment"])
        var extra = points(20, 21.5, 18, 12, 10); extra["bonus"] = 5
        #expect(InspectionScoring.check(extra, sheet: sheet).map(\.field) == ["bonus"])
    }

    /// Three reviewers (the case): the mean of all three. Five: the highest and lowest
    /// dropped. Four: below the setting, nothing dropped. The setting 0 never drops.
    @Test func scoresCombineDroppingTheExtremesFromFiveReviewers() {
        let three = InspectionScoring.combine([80, 85.5, 90])
        #expect(three.score == 85.17 && three.dropped.isEmpty && three.reviewers == 3)
        let five = InspectionScoring.combine([60, 80, 85.5, 90, 99])
        #expect(five.score == 85.17 && five.dropped == [60, 99])
        #expect(InspectionScoring.combine([60, 80, 90, 99]).score == 82.25)
        #expect(InspectionScoring.combine([60, 80, 85.5, 90, 99], settings: .init(dropExtremesFrom: 0)).score == 82.9)
        #expect(InspectionScoring.combine([]).score == nil)
        // Half a hundredth rounds up: (80.1 + 80.2) / 2 = 80.15.
        #expect(InspectionScoring.combine([80.1, 80.2]).score == 80.15)
        #expect(InspectionScoring.Settings(dropExtremesFrom: 2).problems().map(\.field) == ["dropExtremesFrom"])
        #expect(InspectionScoring.Settings(dropExtremesFrom: 0).problems().isEmpty)
    }

    @Test func projectsAndUnitsRankHighestFirstWithTiesSharingARank() {
        let ranked = InspectionScoring.rank([(id: 1, name: "乙项目", score: 88), (id: 2, name: "甲项目", score: 91.5),
                                             (id: 3, name: "丙项目", score: 88), (id: 4, name: "丁项目", score: 70)])
        #expect(ranked.map(\.id) == [2, 3, 1, 4])
        #expect(ranked.map(\.rank) == [1, 2, 2, 4])
        #expect(InspectionScoring.unitScore([88, 91.5, 70]) == 83.17)
        #expect(InspectionScoring.unitScore([]) == nil)
    }
}
