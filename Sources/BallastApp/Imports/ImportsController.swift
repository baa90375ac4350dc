import BallastCore
import BallastStore
import Fluent
import Vapor

/// `/imports`: the district's import records; each one's preview, 确认导入, 取消 and 撤销本次导入.
/// The office's (`importLedger`): the same people who may upload.
struct ImportsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let imports = routes.access(.requires(.importLedger))
        imports.get(Site.imports, use: list)
        imports.get(Site.importBatch, use: show)
        imports.post(Site.importApply, use: apply)
        imports.post(Site.importCancel, use: cancel)
        imports.post(Site.importUndo, use: undo)
    }

    func service(_ req: Request) throws -> ImportBatchService {
        ImportBatchService(district: try req.district(), actor: try req.changeActor())
    }

    func batchID(_ req: Request) throws -> UUID { try RequestParameters.uuid(req, "batch") }

    func list(req: Request) async throws -> Response {
        let d = try req.district()
        let batches = try await ImportBatches.recent(districtID: try d.requireID(), on: req.db)
        return .html(ImportRecordsPage(batches: batches, lang: req.language, timeZone: d.timeZone,
                                       people: try await People.load(districtID: try d.requireID(), on: req.db)).render())
    }

    func show(req: Request) async throws -> Response {
        try await render(req, notice: nil)
    }

    func render(_ req: Request, notice: PageNotice?, status: HTTPStatus = .ok) async throws -> Response {
        let d = try req.district()
        let batch = try await ImportBatches.find(try batchID(req), districtID: try d.requireID(), on: req.db)
        return .html(ImportBatchPage(batch: batch, notice: notice, lang: req.language, timeZone: d.timeZone,
                                     people: try await People.load(districtID: try d.requireID(), on: req.db)).render(), status: status)
    }

    func apply(req: Request) async throws -> Response {
        let id = try batchID(req)
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
        let id = try batchID(req)
        return try await PageOutcome.run(req, work: {
            try await service(req).cancel(id, on: req.db)
            return ImportText.cancelled.message
        }, render: { notice, status in try await render(req, notice: notice, status: status) })
    }

    func undo(req: Request) async throws -> Response {
        let id = try batchID(req)
        return try await PageOutcome.run(req, work: {
            _ = try await service(req).undo(id, on: req.db)
            return ImportText.undone.message
        }, render: { notice, status in try await render(req, notice: notice, status: status) })
    }
}
