import BallastCore
import BallastStore
import Fluent
import Vapor

/// `/imports`: the district's import records; each one's preview, 确认导入, 取消 and 撤销本次导入.
/// Whoever may upload a list (`editProjects`) reaches the routes; each record is then the
/// office's (`importLedger`) for a ledger or progress file, and its uploader's alone for a leads
/// or campaign list (`authorize`). A record one may not see is not found.
struct ImportsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let imports = routes.access(.requires(.editProjects))
        imports.get(Site.imports, use: list)
        imports.get(Site.importBatch, use: show)
        imports.post(Site.importApply, use: apply)
        imports.post(Site.importCancel, use: cancel)
        imports.post(Site.importUndo, use: undo)
    }

    func service(_ req: Request) throws -> ImportBatchService {
        let p = try req.requirePrincipal()
        return ImportBatchService(district: try req.district(), actor: try req.changeActor(), context: try req.itemContext(),
                                  office: p.may(.manageProjects))
    }

    /// Whether this caller may see and decide this record.
    static func may(_ p: Principal, _ batch: ImportBatchModel) -> Bool {
        guard let kind = ImportBatches.Kind(rawValue: batch.kind) else { return false }
        switch kind {
        case .ledger, .progress: return p.may(.importLedger)
        case .leads: return p.may(.editProjects) && batch.createdBy == p.name
        case .campaign: return p.may(.manageProjects) && batch.createdBy == p.name
        case .statistics: return p.may(.reviewReports)
        case .funds, .approvals: return p.may(.editProjects) && batch.createdBy == p.name
        }
    }

    func batchID(_ req: Request) throws -> UUID {
        let id = try RequestParameters.uuid(req, "batch")
        return id
    }

    /// The record, if this caller may have it: else not found, as if it did not exist.
    func authorized(_ req: Request) async throws -> UUID {
        let id = try batchID(req)
        let batch = try await ImportBatches.find(id, districtID: try req.district().requireID(), on: req.db)
        guard Self.may(try req.requirePrincipal(), batch) else { throw ImportBatches.Failure.notFound }
        return id
    }

    func list(req: Request) async throws -> Response {
        let d = try req.district()
        let p = try req.requirePrincipal()
        let batches = try await ImportBatches.recent(districtID: try d.requireID(), on: req.db).filter { Self.may(p, $0) }
        return .html(ImportRecordsPage(batches: batches, lang: req.language, timeZone: d.timeZone,
                                       people: try await People.load(districtID: try d.requireID(), on: req.db)).render())
    }

    func show(req: Request) async throws -> Response {
        try await render(req, notice: nil)
    }

    func render(_ req: Request, notice: PageNotice?, status: HTTPStatus = .ok) async throws -> Response {
        let d = try req.district()
        let batch = try await ImportBatches.find(try authorized(req), districtID: try d.requireID(), on: req.db)
        return .html(ImportBatchPage(batch: batch, notice: notice, lang: req.language, timeZone: d.timeZone,
                                     people: try await People.load(districtID: try d.requireID(), on: req.db)).render(), status: status)
    }

    func apply(req: Request) async throws -> Response {
        let id = try await authorized(req)
        var changed = false
        let response = try await PageOutcome.run(req, work: {
            switch try await service(req).confirm(id, on: req.db) {
            case .applied: return ImportText.applied.message
            case .changed: changed = true; return ImportText.changedSincePreview.message
            }
        }, render: { notice, status in
            try await render(req, notice: changed ? .refused(notice.text) : notice, status: changed ? .conflict : status)
        })
        return response
    }

    func cancel(req: Request) async throws -> Response {
        let id = try await authorized(req)
        return try await PageOutcome.run(req, work: {
            try await service(req).cancel(id, on: req.db)
            return ImportText.cancelled.message
        }, render: { notice, status in try await render(req, notice: notice, status: status) })
    }

    func undo(req: Request) async throws -> Response {
        let id = try await authorized(req)
        return try await PageOutcome.run(req, work: {
            _ = try await service(req).undo(id, on: req.db)
            return ImportText.undone.message
        }, render: { notice, status in try await render(req, notice: notice, status: status) })
    }
}
