import BallastCore
@testable import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing

/// Every editor's one shape: claim the version read, change, save, audit, inside the caller's
/// transaction. A refused change takes its claim back; a stale version changes nothing.
@Suite struct EditContextTests {
    struct Refused: Error {}
    struct Stale: Error { var current: Int? }

    static func project(_ db: any Database) async throws -> (DistrictModel, ProjectModel) {
        let d = try await Fixtures.district(on: db)
        _ = try await Fixtures.writer(d).apply(Fixtures.ledger, on: db)
        return (d, try #require(try await ProjectModel.query(on: db).filter(\.$code == "A1").first()))
    }

    /// The audit entries the edit under test wrote: the fixture's ledger is written by another actor.
    static func audits(_ id: UUID, on db: any Database) async throws -> [AuditEntryModel] {
        try await AuditEntryModel.query(on: db).filter(\.$entityID == id).filter(\.$entity == "project").filter(\.$actor == "editor-under-test").all()
    }

    @Test func aChangeIsClaimedSavedAndAuditedUnderItsAction() async throws {
        try await StoreDatabase.with { t in
            let (d, p) = try await Self.project(t.db)
            let version = p.version
            let edit = EditContext(districtID: d.id!, actor: ChangeActor(name: "editor-under-test"))
            try await t.db.writeTransaction { tx in
                try await edit.update(p, version: version, action: "rename", entity: "project", in: tx, conflict: Stale.init(current:),
                                      before: ["name": p.name], change: { $0.name = "新名称" }, after: { ["name": $0.name] }, summary: { $0.name })
            }
            let stored = try #require(try await ProjectModel.find(p.id, on: t.db))
            #expect(stored.name == "新名称" && stored.version == version + 1)
            let audits = try await Self.audits(p.id!, on: t.db)
            #expect(audits.map(\.action) == ["rename"] && audits.first?.summary == "新名称" && audits.first?.actor == "editor-under-test")
        }
    }

    @Test func aRefusedChangeTakesItsClaimBackAndAuditsNothing() async throws {
        try await StoreDatabase.with { t in
            let (d, p) = try await Self.project(t.db)
            let version = p.version, name = p.name
            let edit = EditContext(districtID: d.id!, actor: ChangeActor(name: "editor-under-test"))
            await #expect(throws: Refused.self) {
                try await t.db.writeTransaction { tx in
                    try await edit.update(p, version: version, entity: "project", in: tx, conflict: Stale.init(current:),
                                          before: ["name": name], change: { $0.name = "不该保存"; throw Refused() },
                                          after: { ["name": $0.name] }, summary: { $0.name })
                }
            }
            let stored = try #require(try await ProjectModel.find(p.id, on: t.db))
            #expect(stored.name == name && stored.version == version)
            #expect(try await Self.audits(p.id!, on: t.db).isEmpty)
        }
    }

    @Test func aStaleVersionIsRefusedBeforeTheChangeRuns() async throws {
        try await StoreDatabase.with { t in
            let (d, p) = try await Self.project(t.db)
            let version = p.version
            let edit = EditContext(districtID: d.id!, actor: ChangeActor(name: "editor-under-test"))
            let ran = ManagedAtomicFlag()
            do {
                try await t.db.writeTransaction { tx in
                    try await edit.update(p, version: version - 1, entity: "project", in: tx, conflict: Stale.init(current:),
                                          before: ["name": p.name], change: { _ in ran.set() }, after: { ["name": $0.name] }, summary: { $0.name })
                }
                Issue.record("a stale version was accepted")
            } catch let stale as Stale {
                #expect(stale.current == version)
            }
            #expect(!ran.isSet)
            #expect(try await ProjectModel.find(p.id, on: t.db)?.version == version)
            #expect(try await Self.audits(p.id!, on: t.db).isEmpty)
        }
    }
}

/// Whether a closure ran, readable after it: the change closure is not `@Sendable`, but the
/// test keeps it honest across the transaction's task.
final class ManagedAtomicFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}
