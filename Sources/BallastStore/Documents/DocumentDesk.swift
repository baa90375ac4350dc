import BallastCore
import Fluent
import Foundation

/// Drafting and issuing official documents. A draft is generated (again and again) from the
/// data as of a day; issuing numbers it (第N期 in the year, per kind) and freezes it: from then
/// on its content is never regenerated, so what was issued is what it says for years.
public struct DocumentDesk: Sendable {
    public var context: ProjectItemContext
    /// A second connection the costliest drafts read from at the same time as the first.
    public var alongside: (any Database)?

    public init(context: ProjectItemContext, alongside: (any Database)? = nil) {
        self.context = context
        self.alongside = alongside
    }

    static let notFound = ProjectItemContext.Failure.notFound(Message(zh: "文件不存在", en: "No such document"))

    /// The month's supervision bulletin, drafted (or redrafted) as of `asOf` (at most today).
    public func draftSupervisionBulletin(year: Int, month: Int, asOf: CalendarDate?, on db: any Database) async throws -> DocumentModel {
        let day = try monthAsOf(year: year, month: month, asOf)
        return try await draft(kind: .supervisionBulletin, period: UnitRanking.period(year: year, month: month), title: "重点项目督查通报（\(year)年\(month)月）", on: db) { tx in
            let bulletin = try await SupervisionBulletin.build(districtID: context.districtID, year: year, month: month, asOf: day, on: tx)
            return (bulletin, day)
        }
    }

    /// Drafts (or redrafts) the document of `kind` for `period` from what `build` makes of the
    /// data, in one transaction; refused once that period's document has been issued.
    /// Under the district's drafts lock: two drafts of one period at once (the nightly job on two
    /// instances, a click beside it) make one document, drafted twice, not a key violation.
    public func draft(kind: DocumentKind, period: String, title: String, on db: any Database,
                      build: @escaping @Sendable (any Database) async throws -> (any Encodable & Sendable, CalendarDate)) async throws -> DocumentModel {
        try await db.writeTransaction { tx in
            try await DistrictLock.take(.drafts, districtID: context.districtID, in: tx)
            let existing = try await DocumentModel.query(on: tx).filter(\.$districtID == context.districtID)
                .filter(\.$kind == kind).filter(\.$period == period).first()
            if let existing, existing.status == .issued {
                throw ProjectItemContext.Failure.invalid(field: "period", Message(
                    zh: "\(title)已于 \(existing.issuedOn?.iso ?? "") 印发（\(existing.number ?? "")），不能重新生成",
                    en: "The \(kind.englishName.lowercased()) for \(period) was issued on \(existing.issuedOn?.iso ?? ""); it cannot be regenerated"))
            }
            let (content, asOf) = try await build(tx)
            let d = existing ?? DocumentModel()
            if existing == nil {
                d.id = UUID(); d.districtID = context.districtID; d.kind = kind; d.period = period; d.status = .draft; d.version = 1
            } else {
                d.version += 1
            }
            d.title = title; d.asOf = asOf; d.payload = String(decoding: try JSONEncoder.sorted.encode(content), as: UTF8.self)
            try await d.save(on: tx)
            try await Audit.record(on: tx, districtID: context.districtID, actor: context.actor, action: existing == nil ? "create" : "update",
                                   entity: "document", entityID: d.id, summary: "\(kind.chineseName) \(period) 草稿（截至 \(asOf)）",
                                   before: Nothing?.none, after: ["asOf": asOf.iso])
            return d
        }
    }

    /// The period's document of a kind, if it has been issued.
    public static func issued(districtID: UUID, kind: DocumentKind, period: String, on db: any Database) async throws -> DocumentModel? {
        try await DocumentModel.query(on: db).filter(\.$districtID == districtID).filter(\.$kind == kind)
            .filter(\.$period == period).filter(\.$status == .issued).first()
    }

    /// 印发: numbered and frozen. Issuing an issued one is refused with the day it was issued.
    /// `kinds` are those the caller's route serves: another kind's id is not found, and nothing
    /// is written (the 督查室 could once issue the office's ranking through the bulletins route).
    public func issue(id: UUID, kinds: [DocumentKind], version: Int, on db: any Database) async throws -> DocumentModel {
        try await db.writeTransaction { [context] tx in
            // The style in force now is the one the document is issued under, kept with it.
            let districtName = try await DistrictModel.find(context.districtID, on: tx)?.name ?? ""
            let styleJSON = try await DocumentStyles.frozen(districtID: context.districtID, districtName: districtName, on: tx)
            let d = try await document(id, on: tx)
            guard kinds.contains(d.kind) else { throw Self.notFound }
            if d.status == .issued {
                throw ProjectItemContext.Failure.invalid(field: "status", Message(zh: "已于 \(d.issuedOn?.iso ?? "") 印发（\(d.number ?? "")），不能重复印发",
                                                                                 en: "Issued on \(d.issuedOn?.iso ?? "") already (\(d.number ?? ""))"))
            }
            try await context.update(d, version: version, action: "issue", entity: "document", in: tx, before: ["status": "draft"], change: { d in
                // Numbered within the year the period belongs to, from the kind's counter in this
                // transaction (`NumberAllocator`): never twice, whoever issues at the same moment.
                guard let year = Int(d.period.prefix(4)), PlanYear.isValid(year) else {
                    throw ProjectItemContext.Failure.invalid(field: "period", Message(zh: "期别 \(d.period) 无年份", en: "The period \(d.period) has no year"))
                }
                let seq = try await NumberAllocator.next(.document(d.kind), districtID: context.districtID, year: year, in: tx)
                d.status = .issued; d.number = NumberSeries.documentNumber(year: year, seq: seq); d.numberYear = year; d.numberSeq = seq
                d.issuedOn = context.today; d.issuedBy = context.actor.name; d.issuedStyle = styleJSON
            }, after: { ["status": "issued", "number": $0.number ?? ""] }, summary: { "\($0.title) 印发 \($0.number ?? "")" })
            return d
        }
    }

    public func document(_ id: UUID, on db: any Database) async throws -> DocumentModel {
        guard let d = try await DocumentModel.query(on: db).filter(\.$id == id).filter(\.$districtID == context.districtID).first() else { throw Self.notFound }
        return d
    }

    /// The documents page's search: a kind, a year of the period, words in the title, number or
    /// content; drafts only for those who issue documents. Newest period first, at most `limit`.
    public static func search(districtID: UUID, kind: DocumentKind?, year: Int?, text: String?, draftsToo: Bool,
                              limit: Int = 500, on db: any Database) async throws -> [DocumentModel] {
        var query = DocumentModel.query(on: db).filter(\.$districtID == districtID)
        if let kind { query = query.filter(\.$kind == kind) }
        if !draftsToo { query = query.filter(\.$status == .issued) }
        if let year { query = query.filter(\.$period >= String(year)).filter(\.$period < String(year + 1)) }
        if let text, !text.isEmpty {
            query = query.group(.or) { g in g.filter(\.$title ~~ text).filter(\.$number ~~ text).filter(\.$payload ~~ text) }
        }
        return try await query.sort(\.$period, .descending).sort(\.$kind).limit(limit).all()
    }

    public static func list(districtID: UUID, kind: DocumentKind, on db: any Database) async throws -> [DocumentModel] {
        try await DocumentModel.query(on: db).filter(\.$districtID == districtID).filter(\.$kind == kind).sort(\.$period, .descending).all()
    }

    public static func bulletin(_ d: DocumentModel) throws -> SupervisionBulletin {
        try JSONDecoder().decode(SupervisionBulletin.self, from: Data(d.payload.utf8))
    }
}
