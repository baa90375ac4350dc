import BallastCore
import BallastStore
import Vapor

/// 现场照片 on monthly reports: uploaded by the unit with its draft (API or the reporting
/// page), shown to whoever may read the project, locked once the report is submitted.
struct PhotosController: RouteCollection {
    /// The photo limit plus room for a multipart envelope: a 30 MB upload is cut off here.
    static let bodyLimit: ByteCount = .init(value: SitePhoto.maxBytes + 64 * 1024)
    /// The clerk's card (figure, text and a photo in one form) reads up to twice the photo
    /// limit, so a photo a little over it comes back refused at its field with what was typed
    /// still there, rather than as a page of its own (the phone checks first: `OfflineScript`).
    static let cardBodyLimit: ByteCount = .init(value: 2 * SitePhoto.maxBytes + 64 * 1024)

    func boot(routes: any RoutesBuilder) throws {
        routes.access(.requires(.readProjects)).get(Site.API.photo, use: image)
        let edit = routes.access(.requires(.editProjects))
        edit.on(.POST, Site.API.reportPhotos, body: .collect(maxSize: Self.bodyLimit), use: uploadAPI)
            .uploads(Self.bodyLimit)
        edit.delete(Site.API.photo, use: deleteAPI)
        edit.on(.POST, Site.reportPhotos, body: .collect(maxSize: Self.bodyLimit), use: uploadPage)
            .uploads(Self.bodyLimit)
        edit.post(Site.photoDelete, use: deletePage)
    }

    func photos(_ req: Request) throws -> ReportPhotos {
        ReportPhotos(context: try req.itemContext())
    }

    static func photoID(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("photo").flatMap(UUID.init(uuidString:)) else {
            throw BallastError.notFound(Message(zh: "照片不存在", en: "No such photo"))
        }
        return id
    }

    /// The photo from a multipart form (field `photo`) or a raw image body.
    static func bytes(_ req: Request) throws -> [UInt8] {
        if req.isMultipart {
            guard let photo = try req.multipartForm().file("photo") else {
                throw BallastError.badParameter("photo", zh: "请选择要上传的照片", en: "Choose a photo to upload")
            }
            return [UInt8](photo.data)
        }
        return req.body.data.map { Array(buffer: $0) } ?? []
    }

    struct PhotoDTO: Content {
        var id: UUID
        var reportId: UUID
        var contentType: String
        var width: Int
        var height: Int
        var size: Int
        var url: String
        /// The verdict judged at upload (`on-site`, `wrong-place`, `wrong-time`, `no-location`,
        /// `no-time`, `unreadable`, `no-site`), its distance in metres and the time taken.
        var verdict: String?
        var distanceMeters: Int?
        var takenAt: String?

        init(_ i: ReportPhotos.Info) {
            id = i.id; reportId = i.reportID; contentType = i.contentType; width = i.width; height = i.height; size = i.size
            url = Site.API.photo.link(i.id)
            verdict = i.verdict?.rawValue; distanceMeters = i.distanceMeters; takenAt = i.takenAt
        }
    }

    func uploadAPI(req: Request) async throws -> Response {
        let info = try await photos(req).add(reportID: try ReportsController.reportID(req), bytes: try Self.bytes(req), on: req.db)
        return try await PhotoDTO(info).encodeResponse(status: .created, for: req)
    }

    func deleteAPI(req: Request) async throws -> HTTPStatus {
        try await photos(req).delete(photoID: try Self.photoID(req), on: req.db)
        return .noContent
    }

    /// The image itself. The bytes were checked on upload, and `nosniff` (set for every
    /// response) keeps browsers from reading them as anything but the stored type.
    ///
    /// Who reviews reports gets the original, the camera's position in it, to check a verdict;
    /// everyone else a copy without it (`ExifStripper`): a unit's photos say where its people
    /// stood, which is not every reader's to know.
    func image(req: Request) async throws -> Response {
        let photo = try await photos(req).fetch(photoID: try Self.photoID(req), on: req.db)
        let original = try req.requirePrincipal().may(.reviewReports)
        let bytes = original ? photo.bytes : Data(ExifStripper.stripped([UInt8](photo.bytes)))
        // The copy differs by role: a shared cache must not hand one role's copy to another.
        return Response(status: .ok, headers: ["Content-Type": photo.contentType, "Cache-Control": "private, max-age=86400", "Vary": "Cookie, Authorization"],
                        body: .init(data: bytes))
    }

    func uploadPage(req: Request) async throws -> Response {
        try await ReportsController().pageAction(req) {
            _ = try await photos(req).add(reportID: try ReportsController.reportID(req), bytes: try Self.bytes(req), on: req.db)
            return Message(zh: "照片已上传", en: "Photo uploaded")
        }
    }

    func deletePage(req: Request) async throws -> Response {
        try await ReportsController().pageAction(req) {
            try await photos(req).delete(photoID: try Self.photoID(req), on: req.db)
            return Message(zh: "照片已删除", en: "Photo deleted")
        }
    }
}
