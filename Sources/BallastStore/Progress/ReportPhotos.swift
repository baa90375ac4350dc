import BallastCore
import Fluent
import Foundation
import SQLKit

/// Site photos on a monthly report. A photo is added or removed while the report is a draft
/// or returned; once submitted it is part of what the office reviews, and once approved it is
/// locked with the figure. Reading is scoped like the report itself.
public struct ReportPhotos: Sendable {
    public var context: ProjectItemContext

    public init(context: ProjectItemContext) { self.context = context }

    public enum Failure: Error, Equatable, Sendable {
        case photo(SitePhoto.Problem)
        case locked(MonthlyReportModel.Status)
    }

    /// A photo's facts without its bytes, for lists and thumbnails.
    public struct Info: Sendable, Equatable {
        public var id: UUID
        public var reportID: UUID
        public var month: Int
        public var contentType: String
        public var width: Int
        public var height: Int
        public var size: Int
        public var uploadedBy: String
        /// The verdict judged at upload (nil for photos stored before photos were judged), its
        /// distance, and the camera's time taken.
        public var verdict: PhotoVerdict.Kind? = nil
        public var distanceMeters: Int? = nil
        public var takenAt: String? = nil
        public var device: String? = nil

        /// The verdict with its figure, as the reviewer reads it.
        public var judged: PhotoVerdict? {
            verdict.map { PhotoVerdict(kind: $0, distanceMeters: distanceMeters, takenOn: takenAt.flatMap { CalendarDate.parse(String($0.prefix(10))) }) }
        }
    }

    func report(_ id: UUID, on db: any Database) async throws -> (MonthlyReportModel, ProjectModel) {
        guard let r = try await MonthlyReportModel.query(on: db).filter(\.$id == id).filter(\.$districtID == context.districtID).first()
        else { throw ProjectItemContext.Failure.itemNotFound }
        return (r, try await inScope(r.$project.id, on: db))
    }

    /// The project, when the reader may see it; another unit's is "not found" as a report that
    /// does not exist is, so the answer does not tell a clerk which ids exist.
    func inScope(_ projectID: UUID, on db: any Database) async throws -> ProjectModel {
        do { return try await context.project(projectID, on: db) } catch ProjectItemContext.Failure.projectNotFound {
            throw ProjectItemContext.Failure.itemNotFound
        }
    }

    static func editable(_ r: MonthlyReportModel) throws {
        guard [.draft, .returned].contains(r.reportStatus) else { throw Failure.locked(r.reportStatus) }
    }

    public func add(reportID: UUID, bytes: [UInt8], on db: any Database) async throws -> Info {
        let checked: SitePhoto.Checked
        switch SitePhoto.check(bytes) {
        case .success(let c): checked = c
        case .failure(let p): throw Failure.photo(p)
        }
        return try await db.writeTransaction { tx in
            let (r, p) = try await report(reportID, on: tx)
            try Self.editable(r)
            let count = try await ReportPhotoModel.query(on: tx).filter(\.$reportID == reportID).count()
            guard count < SitePhoto.maxPerReport else { throw Failure.photo(.tooMany) }
            // Judged once, now, against the project's place and the report's month: the reviewer
            // sees the verdict the photo had when it was sent.
            let rules = try await PhotoRuleStore.load(districtID: context.districtID, on: tx).rules
            let zone = try await DistrictModel.find(context.districtID, on: tx)?.timeZone ?? "Asia/Shanghai"
            let (meta, verdict) = PhotoRuleStore.check(bytes, project: p, year: r.year, month: r.month, rules: rules, timeZone: zone)
            let photo = ReportPhotoModel()
            photo.id = UUID(); photo.districtID = context.districtID; photo.reportID = reportID; photo.projectID = try p.requireID()
            photo.contentType = checked.kind.contentType; photo.width = checked.width; photo.height = checked.height
            photo.size = bytes.count; photo.bytes = Data(bytes); photo.uploadedBy = context.actor.name; photo.uploadedAt = Date()
            photo.takenAt = meta.takenAt?.iso; photo.latitude = meta.latitude; photo.longitude = meta.longitude; photo.device = meta.device
            photo.distanceMeters = verdict.distanceMeters; photo.verdict = verdict.kind.rawValue
            try await photo.create(on: tx)
            try await Audit.record(on: tx, districtID: context.districtID, actor: context.actor, action: "create", entity: "report-photo",
                                   entityID: photo.id, summary: "\(p.code) \(r.year)-\(r.month) 现场照片 \(checked.width)×\(checked.height) \(verdict.message().zh)",
                                   before: Nothing?.none, after: ["size": String(bytes.count), "type": checked.kind.rawValue, "verdict": verdict.kind.rawValue,
                                                                  "takenAt": meta.takenAt?.iso ?? "", "distanceMeters": verdict.distanceMeters.map(String.init) ?? ""])
            return Info(id: try photo.requireID(), reportID: reportID, month: r.month, contentType: photo.contentType, width: checked.width,
                        height: checked.height, size: bytes.count, uploadedBy: photo.uploadedBy, verdict: verdict.kind,
                        distanceMeters: verdict.distanceMeters, takenAt: meta.takenAt?.iso, device: meta.device)
        }
    }

    public func delete(photoID: UUID, on db: any Database) async throws {
        try await db.writeTransaction { tx in
            guard let photo = try await ReportPhotoModel.query(on: tx).filter(\.$id == photoID).filter(\.$districtID == context.districtID).first()
            else { throw ProjectItemContext.Failure.itemNotFound }
            let (r, p) = try await report(photo.reportID, on: tx)
            try Self.editable(r)
            try await photo.delete(on: tx)
            try await Audit.record(on: tx, districtID: context.districtID, actor: context.actor, action: "delete", entity: "report-photo",
                                   entityID: photoID, summary: "\(p.code) \(r.year)-\(r.month) 现场照片", before: ["size": String(photo.size)],
                                   after: Nothing?.none)
        }
    }

    /// The photo's bytes, if the reader may see its project.
    public func fetch(photoID: UUID, on db: any Database) async throws -> ReportPhotoModel {
        guard let photo = try await ReportPhotoModel.query(on: db).filter(\.$id == photoID).filter(\.$districtID == context.districtID).first()
        else { throw ProjectItemContext.Failure.itemNotFound }
        _ = try await inScope(photo.projectID, on: db)
        return photo
    }

    /// Photos of a project's year, by month, without their bytes.
    public static func list(projectID: UUID, year: Int, on db: any Database) async throws -> [Info] {
        try await list(where: "ph.project_id = \(bind: projectID) AND r.year = \(bind: year)", on: db)
    }

    /// Photos of a district's month (the reporting page), without their bytes.
    public static func list(districtID: UUID, year: Int, month: Int, on db: any Database) async throws -> [Info] {
        try await list(where: "ph.district_id = \(bind: districtID) AND r.year = \(bind: year) AND r.month = \(bind: month)", on: db)
    }

    static func list(where condition: SQLQueryString, on db: any Database) async throws -> [Info] {
        let sql = try db.sql()
        let select: SQLQueryString = """
            SELECT ph.id, ph.report_id, r.month, ph.content_type, ph.width, ph.height, ph.size, ph.uploaded_by,
                   ph.verdict, ph.distance_meters, ph.taken_at, ph.device
            FROM report_photos ph JOIN monthly_reports r ON r.id = ph.report_id
            WHERE
            """
        return try await sql.raw(select + " " + condition + " ORDER BY r.month, ph.uploaded_at").all().map { row in
            Info(id: try row.decode(column: "id", as: UUID.self), reportID: try row.decode(column: "report_id", as: UUID.self),
                 month: try row.decode(column: "month", as: Int.self), contentType: try row.decode(column: "content_type", as: String.self),
                 width: try row.decode(column: "width", as: Int.self), height: try row.decode(column: "height", as: Int.self),
                 size: try row.decode(column: "size", as: Int.self), uploadedBy: try row.decode(column: "uploaded_by", as: String.self),
                 verdict: try row.decode(column: "verdict", as: String?.self).flatMap(PhotoVerdict.Kind.init(rawValue:)),
                 distanceMeters: try row.decode(column: "distance_meters", as: Int?.self), takenAt: try row.decode(column: "taken_at", as: String?.self),
                 device: try row.decode(column: "device", as: String?.self))
        }
    }
}

extension ReportPhotos.Failure: DomainFailure {
    public var status: Int {
        switch self {
        case .photo(.tooLarge): 413
        case .photo: 422
        case .locked: 409
        }
    }
    public var code: String {
        switch self {
        case .photo: "invalid_photo"
        case .locked: "wrong_status"
        }
    }
    public var message: Message {
        switch self {
        case .photo(let p): p.message
        case .locked(let s): Message(zh: "月报当前为“\(s.chineseName)”，照片不能再增删", en: "The report is \(s.rawValue); its photos are locked")
        }
    }
    public var field: String? {
        switch self {
        case .photo: "photo"
        case .locked: "status"
        }
    }
}
