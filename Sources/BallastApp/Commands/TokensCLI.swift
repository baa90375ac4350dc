import BallastCore
import BallastStore
import Foundation
import Vapor

enum TokensCLI {
    static func store(_ context: CommandContext, district code: String?) async throws -> APITokenStore {
        let district = try await DistrictContext.require(code: code, on: context.application.db)
        return APITokenStore(district: district, actor: ChangeActor(name: "cli:\(NSUserName())", role: "cli"))
    }

    static func run(_ work: () async throws -> Void) async throws {
        do { try await work() } catch let f as any DomainFailure {
            throw CommandFailure(f)
        }
    }
}
