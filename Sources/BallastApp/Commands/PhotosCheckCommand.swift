import BallastCore
import BallastStore
import Fluent
import Foundation
import Vapor

struct PhotosCommandGroup: AsyncCommandGroup {
    var help: String { "现场照片 / Site photos" }
    var commands: [String: any AnyAsyncCommand] { ["check": PhotosCheckCommand()] }
}

/// `ballast photos check FILE --project CODE --month YYYY-MM [--format json|table]`: one photo
/// judged as the upload judges it (`PhotoRuleStore.check`, with the district's rules): JSON
/// `{takenAt, latitude, longitude, distanceMeters, verdict}` (and the device and the verdict in
/// words), or a line for people. Nothing is stored.
struct PhotosCheckCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "照片文件（JPEG 或 PNG）/ the photo file") var file: String
        @Option(name: "project", help: "项目编号 / project code") var project: String?
        @Option(name: "month", help: "报告月份 YYYY-MM / reporting month") var month: String?
        @Option(name: "format", help: "json 或 table") var format: String?
        @Option(name: "district", help: "地区代码 / district code") var district: String?
    }
    var help: String { "核验一张现场照片 / Judge one site photo" }

    struct Output: Encodable {
        var takenAt: String?
        var latitude: Double?
        var longitude: Double?
        var distanceMeters: Int?
        var verdict: String
        var verdictText: String
        var device: String?
    }

    /// The file's bytes, at most the upload's limit read: the path followed through links to a
    /// regular file (a directory, a device or a pipe is refused by what it is).
    static func read(_ path: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        guard FileManager.default.fileExists(atPath: url.path) else { throw CommandFailure("找不到文件 \(path) / no such file") }
        let values = try? url.resourceValues(forKeys: [.isRegularFileKey])
        guard values?.isRegularFile == true else { throw CommandFailure("\(path) 不是普通文件（目录、设备或管道）/ not a regular file") }
        guard let handle = try? FileHandle(forReadingFrom: url) else { throw CommandFailure("无法读取 \(path) / cannot read the file") }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: SitePhoto.maxBytes + 1)) ?? nil
        let bytes = [UInt8](data ?? Data())
        if bytes.count > SitePhoto.maxBytes { throw CommandFailure("\(path) 超过 5 MB（\(SitePhoto.maxBytes) 字节）上限 / over the 5 MB limit") }
        return bytes
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let format = (signature.format ?? "table").lowercased()
        guard ["json", "table"].contains(format) else { throw CommandFailure("--format 只能是 json 或 table / --format must be json or table") }
        guard let code = signature.project?.trimmed, !code.isEmpty else { throw CommandFailure("请用 --project 指定项目编号 / --project CODE is required") }
        guard let raw = signature.month, let ym = ProgressValidator.parseMonth(raw) else {
            throw CommandFailure("--month 应为 YYYY-MM（2000～2100 年）/ --month must be YYYY-MM (2000 to 2100)")
        }
        let bytes = try Self.read(signature.file)
        if case .failure(let problem) = SitePhoto.check(bytes) { throw CommandFailure(problem.message.zh + " / " + problem.message.en) }
        let db = context.application.db
        let district = try await DistrictContext.require(code: signature.district, on: db)
        let districtID = try district.requireID()
        guard let project = try await ProjectModel.query(on: db).filter(\.$district.$id == districtID).filter(\.$code == code).first() else {
            throw CommandFailure("本区没有项目 \(code) / no project \(code) in \(district.name)")
        }
        let rules = try await PhotoRuleStore.load(districtID: districtID, on: db).rules
        let (meta, verdict) = PhotoRuleStore.check(bytes, project: project, year: ym.year, month: ym.month, rules: rules, timeZone: district.timeZone)
        let out = Output(takenAt: meta.takenAt?.iso, latitude: meta.latitude, longitude: meta.longitude, distanceMeters: verdict.distanceMeters,
                         verdict: verdict.kind.rawValue, verdictText: verdict.message().zh, device: meta.device)
        if format == "json" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            context.console.print(String(decoding: try encoder.encode(out), as: UTF8.self))
        } else {
            let place = meta.latitude.map { lat in String(format: "%.5f, %.5f", lat, meta.longitude ?? 0) } ?? "无定位"
            context.console.print([verdict.message().zh, meta.takenAt?.shown ?? "无拍摄时间", place, meta.device ?? ""].filter { !$0.isEmpty }.joined(separator: "\t"))
        }
    }
}
