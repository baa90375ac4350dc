import Vapor

/// Every route of the application, by group.
func routes(_ app: Application) throws {
    try app.register(collection: PagesController())
    try app.register(collection: ListsPagesController())
    try app.register(collection: ProjectsAPIController())
    try app.register(collection: ListsAPIController())
    app.get("healthz") { _ in "ok" }
}
