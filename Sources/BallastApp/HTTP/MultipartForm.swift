import BallastCore
import BallastOffice
import Foundation
import Vapor

/// A `multipart/form-data` body read by `MultipartReader` (ours, bounded, never trapping)
/// instead of the framework's decoder, which a forged part header could crash (issue 19).
/// Only routes registered with `uploads(_:)` accept such a body; `MultipartGate` refuses
/// it everywhere else before anything reads it.
struct MultipartForm {
    var parts: [FormPart]

    /// A text field, trimmed; nil when absent or empty.
    func text(_ name: String) -> String? {
        guard let p = parts.first(where: { $0.name == name && $0.filename == nil }) else { return nil }
        let s = String(decoding: p.body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return s.isEmpty ? nil : s
    }

    /// A file field with content; nil when absent or empty (a form sent with no file chosen).
    func file(_ name: String) -> (data: Data, filename: String?)? {
        guard let p = parts.first(where: { $0.name == name }), !p.body.isEmpty else { return nil }
        return (p.body, p.filename)
    }

    static let storageKey = "ballast.multipart"
}

extension Request {
    /// Whether the body claims to be multipart (any subtype).
    var isMultipart: Bool { headers.contentType?.type.lowercased() == "multipart" }

    /// The body's parts; the body must have been collected (upload routes collect it, and the
    /// CSRF check collects it up to the route's limit before reading its token).
    func multipartForm() throws -> MultipartForm {
        if let cached = storage[MultipartFormKey.self] { return cached }
        let bad = BallastError(status: .badRequest, code: "invalid_multipart",
                               message: Message(zh: "上传内容格式错误（multipart/form-data）", en: "The upload is not well-formed multipart/form-data"),
                               field: "file")
        guard let contentType = headers.first(name: .contentType), let boundary = MultipartReader.boundary(contentType: contentType) else {
            throw bad
        }
        let data = body.data.map { Data(buffer: $0) } ?? Data()
        let form: MultipartForm
        do { form = MultipartForm(parts: try MultipartReader.parse(data, boundary: boundary)) } catch {
            throw bad
        }
        storage[MultipartFormKey.self] = form
        return form
    }
}

private struct MultipartFormKey: StorageKey { typealias Value = MultipartForm }
