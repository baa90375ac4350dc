import BallastCore
import BallastOffice
import Foundation
import Vapor

/// Refuses a multipart body on every route that takes no files (415), before any decoder or
/// the CSRF check looks at it.
struct MultipartGate: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if req.isMultipart, req.route?.uploadLimit == nil {
            throw BallastError(status: .unsupportedMediaType, code: "unsupported_media_type",
                               message: Message(zh: "此地址不接受文件上传（multipart/form-data）", en: "This address does not take file uploads (multipart/form-data)"))
        }
        return try await next.respond(to: req)
    }
}
