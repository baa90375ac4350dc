@testable import BallastCore
import Foundation
import Testing

/// 观摩's route and suggestions (issue 28, part 2).
@Suite struct InspectionRouteTests {
    @Test func theRouteGoesEachTimeToTheNearestFromTheFirst() {
        // Along a line of longitude at Zhengzhou's latitude: 0, 3, 1, 2 km east; no coordinates last.
        let kmPerDegree = 111.32 * cos(34.75 * .pi / 180)
        func at(_ km: Double) -> GeoPoint { GeoPoint(lng: 113.6 + km / kmPerDegree, lat: 34.75) }
        let stops = [InspectionRoute.Stop(id: "start", point: at(0)), .init(id: "far", point: at(3)), .init(id: "unknown", point: nil),
                     .init(id: "near", point: at(1)), .init(id: "mid", point: at(2))]
        let order = InspectionRoute.order(stops)
        #expect(order.map(\.id) == ["start", "near", "mid", "far", "unknown"])
        #expect(order.map(\.legKm) == [nil, 1.0, 1.0, 1.0, nil])
    }

    @Test func aCrossedRouteIsUntangled() {
        // A → B → C → D crosses itself (A–B and C–D are the square's diagonals): 2√2 + 1 km-ish;
        // A → C → B → D walks round the square's sides instead.
        let a = GeoPoint(lng: 113.60, lat: 34.70), b = GeoPoint(lng: 113.61, lat: 34.71)
        let c = GeoPoint(lng: 113.61, lat: 34.70), d = GeoPoint(lng: 113.60, lat: 34.71)
        #expect(InspectionRoute.untangle(["A", "B", "C", "D"], at: ["A": a, "B": b, "C": c, "D": d]) == ["A", "C", "B", "D"])
        // The start stays where the office put it, however far it is.
        #expect(InspectionRoute.untangle(["D", "A", "B", "C"], at: ["A": a, "B": b, "C": c, "D": d]).first == "D")
    }

    @Test func suggestionsCoverEveryUnitAndSayWhy() {
        typealias C = InspectionSuggestion.Candidate<Int>
        var candidates: [C] = []
        // Unit 甲 has twelve large projects; 乙's only project is small and quiet.
        for i in 1...12 { candidates.append(C(id: i, unit: "甲", totalInvestment: Int64(100 - i), newStart: i == 12, lit: i == 11)) }
        candidates.append(C(id: 99, unit: "乙", totalInvestment: 1, newStart: false, lit: false))
        let picks = InspectionSuggestion.suggest(candidates, keyCount: 3, limit: 6)
        let ids = picks.map(\.id)
        #expect(ids.contains(99))
        #expect(picks.first { $0.id == 99 }?.reasons == [.unit])
        #expect(picks.first { $0.id == 11 }?.reasons == [.lit])
        #expect(picks.first { $0.id == 1 }?.reasons == [.key])
        #expect(ids.contains(12))
        // Unit representatives first (1, 99), then lit (11), key (2, 3), new start (12): six.
        #expect(Set(ids) == [1, 99, 11, 2, 3, 12])
        #expect(ids == [1, 2, 3, 11, 12, 99])
    }

    @Test func aPlanNamesEachMissingOrWrongField() {
        let today = CalendarDate(year: 2023, month: 6, day: 30)!
        let problems = InspectionPlan.check(title: " ", heldOn: CalendarDate(year: 2023, month: 6, day: 1), today: today, stops: 0, reviewers: 31)
        #expect(problems.map(\.field) == ["title", "heldOn", "projects", "reviewers"])
        #expect(InspectionPlan.check(title: "观摩", heldOn: today, today: today, stops: 3, reviewers: 3).isEmpty)
        #expect(InspectionPlan.mayReview([.viewer]) == false && InspectionPlan.mayReview([.admin]) == false && InspectionPlan.mayReview([.regional]) == false)
        #expect(InspectionPlan.mayReview([.leader]) && InspectionPlan.mayReview([.unit]) && InspectionPlan.mayReview([.viewer, .supervision]))
        #expect(InspectionPlan.check(title: "观摩", heldOn: CalendarDate(year: 2025, month: 1, day: 1), today: today, stops: 3, reviewers: 3).map(\.field) == ["heldOn"])
    }
}
