import BallastCore
import BallastOffice
import BallastStore
import Vapor

/// Upload and download of ledger files, shared by the API and the pages.
enum LedgerUpload {
    /// A 10 000-row ledger is about 2 MB as .xlsx; 20 MB leaves room and refuses the absurd.
    static let maxSize: ByteCount = "20mb"

    /// The file from a multipart form (field `file`) or a raw body with `?filename=`.
    static func file(from req: Request) throws -> (Data, String?) {
        if req.isMultipart {
            guard let file = try req.multipartForm().file("file") else {
                throw BallastError.badParameter("file", zh: "没有上传文件", en: "No file was uploaded")
            }
            return (file.data, file.filename)
        }
        guard let body = req.body.data, body.readableBytes > 0 else {
            throw BallastError.badParameter("file", zh: "没有上传文件", en: "No file was uploaded")
        }
        return (Data(buffer: body), req.param("filename"))
    }

    /// The year's ledger as a download, narrowed to the caller's unit where their scope is one.
    static func exportResponse(_ req: Request, district: DistrictModel, year: Int) async throws -> Response {
        let raw = req.param("format") ?? "xlsx"
        guard let format = LedgerFormat(rawValue: raw.lowercased()) else {
            throw BallastError.badParameter("format", zh: "format 只能是 xlsx 或 csv", en: "format must be xlsx or csv")
        }
        let data = try await LedgerExportService.export(district: district, year: year, format: format,
                                                        scopeUnitID: try req.requirePrincipal().scopeUnitID,
                                                        actor: try req.changeActor(), on: req.db)
        let name = LedgerExportService.fileName(district: district, year: year, format: format)
        return Response(status: .ok, headers: [
            "Content-Type": format.mimeType,
            "Content-Disposition": "attachment; filename=\"\(name)\"",
        ], body: .init(data: data))
    }
}
