import BallastCore
import Fluent
import Foundation

/// Reads and changes a district's document style. Until the office changes it, the style is
/// the defaults from the district's name; a change is checked (every field present, bounded,
/// each kind's 代字 its own), versioned against a second editor, and audited.
public enum DocumentStyles {
    /// The style in force and its version (0: the defaults, never saved).
    public static func load(districtID: UUID, districtName: String, on db: any Database) async throws -> (style: DocumentStyle, version: Int) {
        guard let row = try await DocumentStyleModel.read(districtID: districtID, on: db),
              let style = try? JSONDecoder().decode(DocumentStyle.self, from: Data(row.json.utf8)) else {
            return (DocumentStyle.defaults(districtName: districtName), 0)
        }
        // A kind added after the office saved its style (观摩讲评) takes the default 代字 until
        // the office sets its own, rather than a 发文字号 with none.
        var filled = style
        for (kind, code) in DocumentStyle.defaults(districtName: districtName).codes where (filled.codes[kind] ?? "").isEmpty {
            filled.codes[kind] = code
        }
        return (filled, row.version)
    }

    /// The style as stored: JSON with sorted keys.
    public static func encode(_ style: DocumentStyle) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(style)
    }

    /// The style a document is written with: an issued document's own (kept when issued), else the district's now.
    public static func style(for d: DocumentModel, districtName: String, on db: any Database) async throws -> DocumentStyle {
        if d.status == .issued, let style = decoded(d.issuedStyle) { return style }
        return try await load(districtID: d.districtID, districtName: districtName, on: db).style
    }

    /// The style a 催办单 is written with: the one it was raised under, else the district's now.
    public static func style(forNotice id: UUID, districtID: UUID, districtName: String, on db: any Database) async throws -> DocumentStyle {
        let n = try await NoticeModel.query(on: db).filter(\.$id == id).filter(\.$districtID == districtID).first()
        if let style = decoded(n?.issuedStyle) { return style }
        return try await load(districtID: districtID, districtName: districtName, on: db).style
    }

    /// The style in force, as kept with what is issued under it.
    public static func frozen(districtID: UUID, districtName: String, on db: any Database) async throws -> String {
        String(decoding: try encode(try await load(districtID: districtID, districtName: districtName, on: db).style), as: UTF8.self)
    }

    static func decoded(_ kept: String?) -> DocumentStyle? {
        kept.flatMap { try? JSONDecoder().decode(DocumentStyle.self, from: Data($0.utf8)) }
    }

    /// The kinds issued as 文件, whose 代字 the style sets.
    public static let fileKinds: [DocumentKind] = [.unitRanking, .quarterlyAssessment, .annualEvaluation, .inspectionReview]

    /// Refused naming the field: empty, too long, or a 代字 another kind already has.
    public static func check(_ s: DocumentStyle) throws(ProjectItemContext.Failure) {
        func text(_ value: String, _ field: String, _ name: String, max: Int, required: Bool = true) throws(ProjectItemContext.Failure) {
            if required && value.trimmed.isEmpty { throw .invalid(field: field, Message(zh: "请填写\(name)", en: "\(field) is required")) }
            // One line of print: no line breaks or control characters.
            if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
                throw .invalid(field: field, Message(zh: "\(name)只能写一行，不能含换行或控制字符", en: "\(field) is one line, without line breaks or control characters"))
            }
            if value.count > max { throw .invalid(field: field, Message(zh: "\(name)最多 \(max) 个字", en: "\(field) is at most \(max) characters")) }
        }
        try text(s.office, "office", "发文机关", max: 40)
        try text(s.printer, "printer", "印发机关", max: 40)
        try text(s.copyTo, "copyTo", "抄送机关", max: 200, required: false)
        var seen: Set<String> = []
        for kind in fileKinds {
            let code = s.codes[kind.rawValue] ?? ""
            try text(code, "codes.\(kind.rawValue)", "\(kind.chineseName)的机关代字", max: 12)
            if code.contains("〔") || code.contains("〕") || code.contains("号") {
                throw .invalid(field: "codes.\(kind.rawValue)", Message(zh: "机关代字只写代字（如 二七重点办排），年份和序号由系统编排",
                                                                        en: "Write the code alone (e.g. 二七重点办排): the year and number are added"))
            }
            if !seen.insert(code.trimmed).inserted {
                throw .invalid(field: "codes.\(kind.rawValue)", Message(zh: "\(kind.chineseName)的机关代字“\(code)”已用于另一类文件：各类文件分别编号，代字不能相同",
                                                                        en: "“\(code)” is another kind's: each kind numbers its own series, so codes must differ"))
            }
        }
    }

    /// Saves a new style over `version` (the one the editor saw), audited with before and after.
    public static func save(_ style: DocumentStyle, version: Int, districtName: String, context: ProjectItemContext, on db: any Database) async throws -> Int {
        var s = style
        s.office = s.office.trimmed; s.printer = s.printer.trimmed
        // The line ends in 。 when printed: one typed at the end is not doubled.
        s.copyTo = s.copyTo.trimmed
        while s.copyTo.hasSuffix("。") || s.copyTo.hasSuffix("；") || s.copyTo.hasSuffix("，") { s.copyTo = String(s.copyTo.dropLast()).trimmed }
        s.codes = s.codes.mapValues(\.trimmed)
        // A kind the caller did not name (a client older than 观摩讲评) keeps its default 代字.
        for (kind, code) in DocumentStyle.defaults(districtName: districtName).codes where s.codes[kind] == nil { s.codes[kind] = code }
        try check(s)
        let checked = s
        return try await db.writeTransaction { tx in
            let (before, current) = try await load(districtID: context.districtID, districtName: districtName, on: tx)
            guard current == version else { throw ProjectItemContext.Failure.versionConflict(current: current) }
            let json = String(decoding: try encode(checked), as: UTF8.self)
            try await DocumentStyleModel.write(json, after: current, districtID: context.districtID, on: tx)
            try await Audit.record(on: tx, districtID: context.districtID, actor: context.actor, action: "update", entity: "document_style",
                                   entityID: nil, summary: "公文格式设置", before: before, after: checked)
            return current + 1
        }
    }
}
