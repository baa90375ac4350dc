import BallastStore
import Vapor

extension Request {
    /// How the caller's district heads and closes its documents (`DocumentStyle`): the one place
    /// pages, downloads and the API take it from.
    /// The style `d` is written with: as issued, or (a draft) the district's now.
    func documentStyle(for d: DocumentModel) async throws -> DocumentStyle {
        try await DocumentStyles.style(for: d, districtName: try district().name, on: db)
    }

    /// A 催办单's: the style it was raised under.
    func documentStyle(forNotice id: UUID) async throws -> DocumentStyle {
        let d = try district()
        return try await DocumentStyles.style(forNotice: id, districtID: try d.requireID(), districtName: d.name, on: db)
    }

    func documentStyle() async throws -> DocumentStyle {
        let d = try district()
        return try await DocumentStyles.load(districtID: try d.requireID(), districtName: d.name, on: db).style
    }
}
