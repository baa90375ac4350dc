import BallastCore
import Fluent
import Foundation

extension LeadEditor {
    /// The project a signed lead becomes, in 签约库 on the day signed, with the signing's
    /// evidence on its pool step: the named project moved there, or a new one made from the lead.
    func signProject(_ l: LeadModel, existing: UUID?, signedOn: CalendarDate, amount: Money, category: String?,
                     on tx: any Database) async throws -> UUID {
        guard let enterprise = try await EnterpriseModel.find(l.enterpriseID, on: tx) else { throw Self.notFound }
        let evidence = PoolMove.Evidence(investor: enterprise.name, signedOn: signedOn, contractAmount: amount)
        if let existing {
            let p = try await context.project(existing, on: tx)
            // The lead's move recolours the year once the signing is done (`LeadEditor.move`).
            var quiet = context
            quiet.recolours = false
            let moved = try await PipelineMover(context: quiet, office: office)
                .move(projectID: existing, version: p.version, to: .signed, on: signedOn, evidence: evidence, on: tx)
            moved.enterpriseID = l.enterpriseID
            moved.creditCode = enterprise.creditCode
            try await moved.update(on: tx)
            return existing
        }
        let year = signedOn.year
        let categories = try await ReferenceEntryModel.query(on: tx).filter(\.$district.$id == context.districtID)
            .filter(\.$kind == ReferenceKind.category.rawValue).filter(\.$year == year).sort(\.$sort).all().map(\.name)
        let chosen = category?.trimmed.nilIfEmpty ?? categories.first
        guard let chosen, categories.contains(chosen) else {
            throw ProjectItemContext.Failure.invalid(field: "category", Message(
                zh: category == nil ? "\(year)年尚无项目类别名录，无法建立签约项目" : "项目类别“\(category!)”不在\(year)年名录中",
                en: category == nil ? "The district has no categories for \(year)" : "“\(category!)” is not a \(year) category"))
        }
        let levels = try await ReferenceEntryModel.query(on: tx).filter(\.$district.$id == context.districtID)
            .filter(\.$kind == ReferenceKind.level.rawValue).filter(\.$year == year).sort(\.$sort).all().map(\.name)
        guard let unit = try await ReferenceEntryModel.find(l.unitID, on: tx) else { throw Self.notFound }
        let code = try await nextCode(year: year, on: tx)
        let record = LedgerRecord(row: 0, code: code, name: l.title, category: chosen, level: levels.last ?? "区重点", unit: unit.name,
                                  stage: .signed, totalInvestment: amount, investor: enterprise.name, creditCode: enterprise.creditCode,
                                  content: l.chain.map { "产业链：\($0)" })
        let writer = LedgerWriter(districtID: context.districtID, year: year, actor: context.actor, today: signedOn, milestoneTemplate: nil)
        let id = try await ProjectEditor(writer: writer).create(record, on: tx)
        // The ledger writer records the entry into 签约库; give that step the signing's evidence.
        if let change = try await StageChangeModel.query(on: tx).filter(\.$project.$id == id).first() {
            change.note = "招商签约：\(enterprise.name)，合同金额 \(amount.formatted(in: .wan)) 万元"
            change.evidence = String(decoding: try JSONEncoder.sorted.encode(evidence), as: UTF8.self)
            try await change.update(on: tx)
        }
        if let p = try await ProjectModel.find(id, on: tx) {
            p.enterpriseID = l.enterpriseID
            if let chain = l.chain { p.$chain.id = try await chainID(chain, year: year, on: tx) }
            try await p.update(on: tx)
        }
        return id
    }

    /// The year's industry chain of that name, added to the list (audited) when new.
    func chainID(_ name: String, year: Int, on tx: any Database) async throws -> UUID {
        if let e = try await ReferenceEntryModel.query(on: tx).filter(\.$district.$id == context.districtID)
            .filter(\.$kind == ReferenceKind.chain.rawValue).filter(\.$year == year).filter(\.$name == name).first() {
            return try e.requireID()
        }
        let e = ReferenceEntryModel(districtID: context.districtID, kind: .chain, year: year, name: name, sort: 1000)
        try await e.create(on: tx)
        try await Audit.record(on: tx, districtID: context.districtID, actor: context.actor, action: "create", entity: "reference_entry",
                               entityID: e.id, summary: "产业链 \(name)（招商签约新建）", before: Nothing?.none, after: ["kind": "chain", "name": name])
        return try e.requireID()
    }

    /// ZS2023-001, ZS2023-002…: the next code for projects signed from leads in a year, from
    /// `NumberAllocator` (two signings at once on two instances once took the same code), past
    /// any such code already in the ledger.
    func nextCode(year: Int, on tx: any Database) async throws -> String {
        let prefix = "ZS\(year)-"
        let taken = try await ProjectModel.query(on: tx).filter(\.$district.$id == context.districtID)
            .filter(\.$code =~ prefix).all().compactMap { Int($0.code.dropFirst(prefix.count)) }
        let n = try await NumberAllocator.next(.signedProject, districtID: context.districtID, year: year, after: taken.max() ?? 0, in: tx)
        return prefix + (n < 10 ? "00" : n < 100 ? "0" : "") + String(n)
    }
}
