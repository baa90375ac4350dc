@testable import BallastApp
import BallastCore
import BallastDemo
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing

/// The audit page says every field, action and record kind in words (the year-end demo once
/// showed registeredCompany, site, year/month/day as stored): each one the year's trail holds
/// has a name in both languages.
@Suite struct AuditTrailWordsTests {
    /// Both demos: the mid-year one has trails the year-end one has not (its 3 July 动态调整).
    @Test(arguments: [DemoSnapshot.yearEnd, .midYear])
    func everyCodeTheYearsTrailHoldsHasAName(_ snapshot: DemoSnapshot) async throws {
        try await TestDatabase.withApp(demo: true, demoAsOf: snapshot) { app in
            let entries = try await AuditEntryModel.query(on: app.db).all()
            #expect(entries.count > 1000)
            var unnamed: Set<String> = []
            for e in entries {
                if AuditVocabulary.actions[e.action] == nil { unnamed.insert("action \(e.action)") }
                if AuditVocabulary.entities[e.entity] == nil { unnamed.insert("entity \(e.entity)") }
                for rows in [AuditVocabulary.changes(before: e.before, after: e.after, .zh) ?? []] {
                    for r in rows where AuditVocabulary.fields[r.key] == nil { unnamed.insert("field \(r.key) (\(e.entity))") }
                    // A value reads as a value, not as its type's JSON ({"year":…}, {"yuan":…}).
                    for r in rows where r.before.hasPrefix("{") || r.after.hasPrefix("{") { unnamed.insert("value of \(r.key) (\(e.entity)): \(r.after)") }
                }
            }
            #expect(unnamed.isEmpty, "\(unnamed.sorted())")
            // The signing of a lead's project reads as a day and a sum.
            let signed = AuditVocabulary.changes(before: nil, after: #"{"signedOn":{"day":19,"month":7,"year":2023},"contractAmount":{"yuan":358330000}}"#, .zh)
            #expect(signed?.first { $0.key == "signedOn" }?.after == "2023-07-19")
            #expect(signed?.first { $0.key == "contractAmount" }?.after == "35,833 万元")
        }
    }
}
