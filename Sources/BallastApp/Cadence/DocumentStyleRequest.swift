import BallastStore
import Vapor

extension Request {
    /// How the caller's district heads and closes its documents (`DocumentStyle`): the one place
    /// pages, downloads and the API take it from.
    func documentStyle() async throws -> DocumentStyle {
        DocumentStyle.defaults(districtName: try district().name)
    }
}
