import BallastCore
import Vapor

/// Every route of the application, by group.
func routes(_ app: Application) throws {
    try app.register(collection: AccountController())
    try app.register(collection: PagesController())
    try app.register(collection: ImportsController())
    try app.register(collection: ListsPagesController())
    try app.register(collection: ProjectsAPIController())
    try app.register(collection: ListsAPIController())
    try app.register(collection: AdminController())
    try app.register(collection: AuditController())
    try app.register(collection: RollupController())
    try app.register(collection: ProgressAPIController())
    try app.register(collection: ReportsController())
    try app.register(collection: WarningRuleController())
    try app.register(collection: ProjectItemsController())
    try app.register(collection: PhotosController())
    try app.register(collection: SupervisionController())
    try app.register(collection: EnterprisesController())
    try app.register(collection: PipelineController())
    try app.register(collection: CampaignController())
    try app.register(collection: LeadsController())
    try app.register(collection: ProblemsController())
    try app.register(collection: MeetingsController())
    try app.register(collection: NoticesController())
    try app.register(collection: InboxController())
    try app.register(collection: WorkController())
    try app.register(collection: WebhooksController())
    try app.register(collection: ServiceController())
    try app.register(collection: SupervisionSettingsController())
    try app.register(collection: BulletinsController())
    try app.register(collection: DocumentsController())
    try app.register(collection: DocumentStyleController())
    try app.register(collection: ScoringController())
    try app.register(collection: DashboardController())
    app.access(.open).get(Site.healthz) { _ in "ok" }
}
