@testable import BallastApp
import BallastCore
import BallastStore
import Foundation
import Testing
import Vapor

/// One error vocabulary: any domain failure, from any module, renders as the same API body
/// and the same page, in the request's language, without the middleware knowing its type.
@Suite struct ErrorVocabularyTests {
    /// A failure no app code has heard of.
    struct Unheard: DomainFailure {
        var status: Int { 409 }
        var code: String { "unheard_of" }
        var message: Message { Message(zh: "闻所未闻", en: "Never heard of") }
        var field: String? { "thing" }
        var details: [LedgerIssue] { [LedgerIssue(row: 3, column: "B", message: Message(zh: "第三行", en: "row three"))] }
    }

    struct Throwing: AsyncResponder {
        let error: any Error
        func respond(to request: Request) async throws -> Response { throw error }
    }

    func render(_ error: any Error, path: String, accept: String? = nil) async throws -> (HTTPStatus, String) {
        let app = try await Application.make(.testing)
        let req = Request(application: app, method: .GET, url: URI(path: path), on: app.eventLoopGroup.next())
        if let accept { req.headers.replaceOrAdd(name: .accept, value: accept) }
        let res = try? await APIErrorMiddleware(environment: .testing).respond(to: req, chainingTo: Throwing(error: error))
        try await app.asyncShutdown()
        let response = try #require(res)
        return (response.status, response.body.string ?? "")
    }

    @Test func anUnheardOfFailureRendersAsTheAPIBodyWithItsCodeFieldAndRows() async throws {
        let (status, body) = try await render(Unheard(), path: "/api/v1/anything?lang=en")
        #expect(status == .conflict)
        let json = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        let error = try #require(json?["error"] as? [String: Any])
        #expect(error["code"] as? String == "unheard_of")
        #expect(error["message"] as? String == "Never heard of")
        #expect(error["field"] as? String == "thing")
        let issues = try #require(error["issues"] as? [[String: Any]])
        #expect(issues.first?["row"] as? Int == 3)
        #expect(issues.first?["message"] as? String == "row three")
    }

    @Test func anUnheardOfFailureRendersAsAPageInChinese() async throws {
        let (status, body) = try await render(Unheard(), path: "/somewhere", accept: "text/html")
        #expect(status == .conflict)
        #expect(body.contains("闻所未闻"))
        #expect(!body.contains("Never heard of"))
    }

    /// Vapor's own refusals (an empty body is "Unprocessable Entity", a wrong content type
    /// "Unsupported Media Type") once reached a Chinese user in English: each status it raises
    /// without a reason of its own is said in the user's language; a reason it gives is kept.
    @Test func vaporsBareRefusalsAreSaidInChinese() async throws {
        for status in [HTTPStatus.unprocessableEntity, .unsupportedMediaType, .badRequest, .methodNotAllowed, .requestTimeout] {
            let (code, body) = try await render(Abort(status), path: "/api/v1/plan-changes")
            #expect(code == status)
            let json = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
            let message = try #require((json?["error"] as? [String: Any])?["message"] as? String)
            #expect(message.range(of: "\\p{Han}", options: .regularExpression) != nil && !message.contains(status.reasonPhrase), "\(status): \(message)")
        }
        let empty = APIErrorMiddleware.describe(Abort(.unprocessableEntity))
        #expect(empty.code == "invalid_body" && empty.message.en.contains("empty"))
        #expect(APIErrorMiddleware.describe(Abort(.badRequest, reason: "Missing boundary")).message.en == "Missing boundary")
    }

    /// The store's failures keep the statuses, codes and fields the API has always answered.
    @Test func storeFailuresKeepTheirStatusesAndCodes() {
        let cases: [(any DomainFailure, Int, String, String?)] = [
            (ProjectEditor.Failure.codeTaken("EQ1"), 409, "code_taken", "code"),
            (ProjectEditor.Failure.hasRecords([("月报", "reports")]), 409, "has_records", nil),
            (ReferenceListEditor.Failure.inUse(projects: 2), 409, "in_use", nil),
            (MonthlyReportWorkflow.Failure.futureMonth, 400, "invalid_parameter", "month"),
            (MonthlyReportWorkflow.Failure.wrongStatus(.approved), 409, "wrong_status", "status"),
            (MonthlyReportWorkflow.Failure.versionConflict(current: 4), 409, "version_conflict", "version"),
            (ReportPhotos.Failure.photo(.tooLarge(bytes: 99_000_000)), 413, "invalid_photo", "photo"),
            (EnterpriseEditor.Failure.othersProjects(count: 2), 403, "forbidden", nil),
            (ProjectItemContext.Failure.invalid(field: "planned", Message(zh: "x", en: "x")), 422, "invalid", "planned"),
            (PipelineMover.Failure.refused([]), 422, "office_only", nil),
            (UserDirectory.Failure.usernameTaken("a"), 409, "name_taken", "username"),
            (APITokens.Failure.notFound, 404, "not_found", nil),
        ]
        for (f, status, code, field) in cases {
            let e = APIErrorMiddleware.describe(f)
            #expect(Int(e.status.code) == status, "\(f)")
            #expect(e.code == code, "\(f)")
            #expect(e.field == field, "\(f)")
            #expect(!e.message.zh.isEmpty && !e.message.en.isEmpty, "\(f)")
        }
        #expect(MonthlyReportWorkflow.Failure.wrongStatus(.approved).message.zh == "月报当前为“已审定”，不能进行此操作")
        #expect(Refusal.versionConflict(current: 4).zh.contains("当前版本 4"))
    }
}
