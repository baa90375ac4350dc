import BallastCore
import Foundation
import Testing

@Suite struct AccessRuleTests {
    @Test func adminAdministersButNeverEditsFigures() {
        let admin = Role.admin.permissions
        #expect(admin.contains(.manageUsers))
        #expect(!admin.contains(.editProjects))
        #expect(!admin.contains(.manageProjects))
        #expect(!admin.contains(.importLedger))
    }

    @Test func onlyTheOfficeImportsAndOnlyTheAdminManagesUsers() {
        #expect(Role.allCases.filter { $0.permissions.contains(.importLedger) } == [.office])
        #expect(Role.allCases.filter { $0.permissions.contains(.reviewReports) } == [.office])
        #expect(Role.allCases.filter { $0.permissions.contains(.manageUsers) } == [.admin])
        #expect(Role.allCases.filter { $0.permissions.contains(.readAudit) } == [.admin, .office])
        #expect(Role.allCases.filter { $0.permissions.contains(.editProjects) } == [.office, .unit])
        #expect(Role.allCases.filter { !$0.permissions.contains(.readSummary) } == [.regional])
        // City and province users read roll-ups and nothing of a district's detail.
        #expect(Role.regional.permissions == [.readRollups])
        #expect(Role.allCases.filter { $0.permissions.contains(.readRollups) } == [.regional])
    }

    @Test func severalRolesGrantTheUnion() {
        let both = Role.permissions(of: [.leader, .admin])
        #expect(both == Role.leader.permissions.union(Role.admin.permissions))
        #expect(Role.permissions(of: []).isEmpty)
    }

    @Test func scopeNarrowsOnlyForUnitsAndUnitViewers() {
        #expect(AccessScope.of(roles: [.unit], hasUnit: true) == .unit)
        #expect(AccessScope.of(roles: [.viewer], hasUnit: true) == .unit)
        #expect(AccessScope.of(roles: [.viewer], hasUnit: false) == .district)
        #expect(AccessScope.of(roles: [.unit, .leader], hasUnit: true) == .district)
        #expect(AccessScope.of(roles: [.office], hasUnit: true) == .district)
    }

    @Test func unitsMayNotMoveTheirProjectOrRaiseItsPlan() {
        let before = LedgerRecord(row: 2, code: "A-1", name: "甲", category: "产业转型发展", level: "区重点", unit: "区商务局",
                                  stage: .underConstruction, totalInvestment: .wan(100), annualPlan: .wan(10))
        var after = before
        after.name = "甲（改名）"
        after.content = "新增内容"
        #expect(UnitEditRule.forbiddenChanges(before: before, after: after).isEmpty)
        after.unit = "区住房城乡建设局"
        after.annualPlan = .wan(11)
        #expect(UnitEditRule.forbiddenChanges(before: before, after: after) == [.unit, .annualPlan])
    }

    @Test func aPairIsRefusedFromItsFifthFailureAnAccountFromItsFiftiethAnAddressFromItsHundredth() {
        func refused(_ pair: Int, _ account: Int, _ address: Int) -> Bool {
            SignInThrottle.refused(.init(pair: pair, account: account, address: address))
        }
        #expect(!refused(4, 4, 4))
        #expect(refused(5, 5, 5))
        // A colleague behind the same address with four failures of her own is not refused.
        #expect(!refused(0, 0, 99))
        #expect(refused(0, 0, 100))
        // Guessing one account from many addresses.
        #expect(!refused(1, 49, 1))
        #expect(refused(1, 50, 1))
        #expect(SignInThrottle.windowSeconds == 900)
    }

    @Test func anAdministratorsLockLastsUntilItsTime() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(SignInThrottle.isLocked(until: now.addingTimeInterval(1), now: now))
        #expect(!SignInThrottle.isLocked(until: now, now: now))
        #expect(!SignInThrottle.isLocked(until: nil, now: now))
    }

    @Test func sessionsEndAfterTwoIdleHoursOrTwelveInAll() {
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(!SessionLifetime.isExpired(createdAt: start, lastSeenAt: start, now: start.addingTimeInterval(7199)))
        #expect(SessionLifetime.isExpired(createdAt: start, lastSeenAt: start, now: start.addingTimeInterval(7200)))
        let busy = start.addingTimeInterval(43_000)
        #expect(!SessionLifetime.isExpired(createdAt: start, lastSeenAt: busy, now: start.addingTimeInterval(43_199)))
        #expect(SessionLifetime.isExpired(createdAt: start, lastSeenAt: busy, now: start.addingTimeInterval(43_200)))
        #expect(!SessionLifetime.needsTouch(lastSeenAt: start, now: start.addingTimeInterval(299)))
        #expect(SessionLifetime.needsTouch(lastSeenAt: start, now: start.addingTimeInterval(300)))
    }
}
