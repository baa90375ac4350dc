import BallastCore
import BallastStore
import Foundation
import Synchronization
import Vapor

/// The district's data version at work in HTTP (issue 29). A reading route (one that needs only
/// `readProjects` or `readSummary`, asked with GET) sends an `ETag` made from the caller's
/// district version, day, scope and address, and answers a matching `If-None-Match` with 304
/// before any query runs. The API's answers are kept whole (`AnswerCache`) per caller: a big
/// screen's or a city system's poll is encoded once per version. Pages are per session (the
/// header, the form's CSRF token), so their ETag names the session too; what pages and API are
/// made from is kept by the queries they call (`Request.answer`), shared by a unit's people.
enum VersionedAnswers {
    /// Whether the request's answer follows the district's data version alone. Other routes
    /// (the admin's pages, the audit, the inbox, the roll-ups across districts) read things the
    /// version does not follow and are answered fresh.
    static func applies(_ req: Request, policy: AccessPolicy, principal: Principal) -> Bool {
        guard req.method == .GET, principal.district.dataVersion != nil else { return false }
        return policy == .requires(.readProjects) || policy == .requires(.readSummary)
    }

    /// Everything an API answer may depend on besides the address: the roles, the unit a unit
    /// user is held to, the leader whose projects are "mine", and the caller (a user or token):
    /// `/api/v1/todo` lists the caller's own pending imports. Two people never share a whole
    /// answer; what it is made from is shared by `Request.answer`.
    static func scope(_ p: Principal) -> String {
        let roles = p.roles.map(\.rawValue).sorted().joined(separator: ",")
        let caller: String
        switch p.credential {
        case .session: caller = p.userID?.uuidString ?? "-"
        case .token(let id): caller = "token:" + id.uuidString
        }
        return "\(roles)|\(p.scopeUnitID?.uuidString ?? "-")|\(p.leaderName ?? "-")|\(caller)"
    }

    /// The ETag: weak (the same figures may be drawn with other bytes by another build), from
    /// the build, district, version, day, scope, language and address; for a page also the
    /// session, whose CSRF token and header it carries.
    static func etag(_ req: Request, principal p: Principal, isAPI: Bool) -> String {
        var h = FNV1a()
        h.add(Build.identity)
        h.add(p.district.id?.uuidString ?? "")
        h.add(String(p.district.dataVersion ?? 0))
        h.add(DistrictContext.today(in: p.district).iso)
        h.add(scope(p))
        h.add(req.language.rawValue)
        h.add(req.url.string)
        if !isAPI {
            h.add(p.userID?.uuidString ?? "")
            h.add(p.csrfToken ?? "")
        }
        return "W/\"\(p.district.dataVersion ?? 0)-\(String(h.value, radix: 36))\""
    }

    /// `If-None-Match` names this ETag. A `*` is not taken: whether the address has an answer
    /// at all (not a 404 or a 400) only the route knows, and the check runs before it.
    static func matches(_ req: Request, _ tag: String) -> Bool {
        guard let sent = req.headers.first(name: .ifNoneMatch) else { return false }
        let bare = tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
        return sent.split(separator: ",").contains { raw in
            let t = raw.trimmingCharacters(in: .whitespaces)
            return t == tag || t == bare || (t.hasPrefix("W/") && String(t.dropFirst(2)) == bare)
        }
    }

    static func notModified(_ tag: String) -> Response {
        var headers = HTTPHeaders()
        mark(&headers, tag)
        return Response(status: .notModified, headers: headers)
    }

    /// Browsers and the big screen may keep the answer but must ask again each time.
    static func mark(_ headers: inout HTTPHeaders, _ tag: String) {
        headers.replaceOrAdd(name: .eTag, value: tag)
        if !headers.contains(name: .cacheControl) { headers.replaceOrAdd(name: .cacheControl, value: "private, no-cache") }
        headers.replaceOrAdd(name: .vary, value: "Cookie, Authorization, Accept-Language")
    }

    /// An API answer kept whole.
    struct Kept: Sendable {
        var status: HTTPResponseStatus
        var headers: [(String, String)]
        var body: ByteBuffer
    }

    /// Answers larger than this are made each time (a whole ledger's export).
    static let maxKeptBytes = 4 << 20

    /// The API's answer for this scope and address under the district's version: made once.
    static func apiAnswer(_ req: Request, principal p: Principal, tag: String,
                          _ make: @escaping @Sendable () async throws -> Response) async throws -> Response {
        guard let key = req.answerKey("api \(req.language.rawValue) \(req.url.string)", scope: scope(p)) else { return try await make() }
        // A refusal is thrown and never kept; a streamed or large answer is passed through once.
        let passed = PassedThrough()
        let kept: Kept? = try await req.application.answers.value(key, weight: { $0?.body.readableBytes ?? 64 }) {
            let r = try await make()
            guard r.status == .ok, let body = r.body.buffer, body.readableBytes <= maxKeptBytes else {
                passed.response.withLock { $0 = r }
                return nil
            }
            return Kept(status: r.status, headers: r.headers.map { ($0.name, $0.value) }, body: body)
        }
        if let r = passed.response.withLock({ $0 }) { return r }
        guard let kept else { return try await make() }
        var headers = HTTPHeaders(kept.headers)
        mark(&headers, tag)
        return Response(status: kept.status, headers: headers, body: .init(buffer: kept.body))
    }

    final class PassedThrough: Sendable {
        let response = Mutex<Response?>(nil)
    }
}

extension Request {
    /// The key an answer is kept under for this caller, or nil when the caller's version is not
    /// known (then nothing is kept). Only a reading request uses kept answers: a form's POST that
    /// draws its page again after its change read the version before making it.
    func answerKey(_ what: String, scope: String) -> AnswerCache.Key? {
        guard method == .GET, let p = principal, let id = p.district.id, let version = p.district.dataVersion else { return nil }
        return AnswerCache.Key(districtID: id, version: version, today: DistrictContext.today(in: p.district), scope: scope, what: what)
    }

    /// An answer worked out from the caller's district records, kept under its data version:
    /// `what` names the answer and every parameter it reads besides the unit the caller is held
    /// to and the day. A query's answer does not depend on the caller's roles (the page drawn
    /// from it does), so the office, the leaders and 督查室 of a district share it; an answer
    /// that reads who is asking (the leader's own projects, the header's count) names them in `what`.
    /// `weight` says roughly how many bytes the answer holds (a drawn map weighs a megabyte).
    func answer<T: Sendable>(_ what: String, weight: @escaping @Sendable (T) -> Int = { _ in 4_096 },
                             _ compute: @escaping @Sendable () async throws -> T) async throws -> T {
        guard let key = answerKey(what, scope: principal?.scopeUnitID?.uuidString ?? "district") else { return try await compute() }
        return try await application.answers.value(key, weight: weight, compute)
    }
}

extension Application {
    private struct AnswersKey: StorageKey { typealias Value = AnswerCache }

    /// The instance's kept answers, made by `configure`: bounded by `BALLAST_CACHE_ENTRIES`
    /// (default 4 000) and `BALLAST_CACHE_MB` (default 256; 0 keeps nothing).
    package var answers: AnswerCache {
        get { storage[AnswersKey.self] ?? AnswerCache(maxEntries: 0, maxBytes: 0) }
        set { storage[AnswersKey.self] = newValue }
    }

    static func answerCacheFromEnvironment() -> AnswerCache {
        let entries = Environment.get("BALLAST_CACHE_ENTRIES").flatMap(Int.init) ?? 4_000
        let megabytes = Environment.get("BALLAST_CACHE_MB").flatMap(Int.init) ?? 256
        return AnswerCache(maxEntries: max(0, min(entries, 1_000_000)), maxBytes: max(0, min(megabytes, 1 << 20)) << 20)
    }
}

/// 64-bit FNV-1a: a short, stable fingerprint for ETags (not a secret, not a checksum).
struct FNV1a {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    mutating func add(_ s: String) {
        for b in s.utf8 { value = (value ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        value = (value ^ 0x1f) &* 0x0000_0100_0000_01b3
    }
}

/// This build of the server: the same binary on two instances gives the same ETags; a new one
/// never answers 304 for a page an older one drew.
enum Build {
    static let identity: String = {
        let path = CommandLine.arguments.first ?? ""
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(size)-\(Int64(modified))"
    }()
}
