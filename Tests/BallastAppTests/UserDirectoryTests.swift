@testable import BallastApp
import BallastCore
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor

@Suite struct UserDirectoryTests {
    func directory(_ app: Application) async throws -> UserDirectory {
        let d = try #require(try await DistrictModel.query(on: app.db).filter(\.$code == "erqi").first())
        return UserDirectory(district: d, actor: ChangeActor(name: "tester"), passwordHashing: app.passwordHashing)
    }

    @Test func storesOnlyAHashAndAuditsTheCreation() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let users = try await directory(app)
            let user = try await users.create(username: "office1", displayName: "张科长", roles: [.office, .leader], unitName: nil,
                                              password: "Xiangmuban2023", mustChange: false, on: app.db)
            #expect(user.passwordHash != "Xiangmuban2023")
            #expect(user.passwordHash.hasPrefix("$2"))
            #expect(try Bcrypt.verify("Xiangmuban2023", created: user.passwordHash))
            #expect(try !Bcrypt.verify("xiangmuban2023", created: user.passwordHash))
            #expect(user.roleList == [.office, .leader])
            let audit = try #require(try await AuditEntryModel.query(on: app.db).filter(\.$entity == "user").filter(\.$entityID == user.id).first())
            #expect(audit.after?.contains("office1") == true)
            #expect(audit.after?.contains("Xiangmuban2023") == false)
        }
    }

    @Test func refusesWhatAGovernmentSystemMustRefuse() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let users = try await directory(app)
            await #expect(throws: UserDirectory.Failure.self) {
                _ = try await users.create(username: "u1", displayName: nil, roles: [.office], unitName: nil,
                                           password: "short1", mustChange: false, on: app.db)
            }
            await #expect(throws: UserDirectory.Failure.unitRequired) {
                _ = try await users.create(username: "u2", displayName: nil, roles: [.unit], unitName: nil,
                                           password: "Danwei2023abc", mustChange: false, on: app.db)
            }
            await #expect(throws: UserDirectory.Failure.unknownUnit("不存在的局")) {
                _ = try await users.create(username: "u3", displayName: nil, roles: [.unit], unitName: "不存在的局",
                                           password: "Danwei2023abc", mustChange: false, on: app.db)
            }
            await #expect(throws: UserDirectory.Failure.invalidUsername) {
                _ = try await users.create(username: "with space", displayName: nil, roles: [.viewer], unitName: nil,
                                           password: "Danwei2023abc", mustChange: false, on: app.db)
            }
            _ = try await users.create(username: "unit1", displayName: nil, roles: [.unit], unitName: "区商务局",
                                       password: "Danwei2023abc", mustChange: false, on: app.db)
            await #expect(throws: UserDirectory.Failure.usernameTaken("unit1")) {
                _ = try await users.create(username: "unit1", displayName: nil, roles: [.viewer], unitName: nil,
                                           password: "Danwei2023abc", mustChange: false, on: app.db)
            }
        }
    }

    @Test func resetForcesAChangeAndDisableSticks() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            let users = try await directory(app)
            _ = try await users.create(username: "v1", displayName: nil, roles: [.viewer], unitName: nil,
                                       password: "Chakan2023abc", mustChange: false, on: app.db)
            let temporary = UserDirectory.temporaryPassword()
            #expect(PasswordPolicy.problem(with: temporary, username: "v1") == nil)
            try await users.reset(username: "v1", to: temporary, on: app.db)
            try await users.disable(username: "v1", on: app.db)
            let stored = try await users.find("v1", on: app.db)
            #expect(stored.mustChangePassword && stored.disabled && stored.version == 3)
            #expect(try Bcrypt.verify(temporary, created: stored.passwordHash))
            await #expect(throws: UserDirectory.Failure.notFound("nobody")) { try await users.disable(username: "nobody", on: app.db) }
        }
    }
}
