import Foundation

/// A message for a person, in both of the interface's languages. Rules produce these
/// rather than bare strings so a CLI, a page and an API error all say the same thing in
/// the reader's language.
public struct Message: Hashable, Sendable, Codable, CustomStringConvertible {
    public let zh: String
    public let en: String

    public init(zh: String, en: String) { self.zh = zh; self.en = en }

    public func text(_ language: UILanguage) -> String { language == .en ? en : zh }
    public var description: String { zh }
}

public enum UILanguage: String, Sendable, Codable, CaseIterable {
    case zh, en

    /// `?lang=` wins, then the first Accept-UILanguage tag we know; Chinese is the default.
    public static func negotiate(query: String?, acceptLanguage: String?) -> UILanguage {
        if let q = query?.lowercased() {
            if q.hasPrefix("en") { return .en }
            if q.hasPrefix("zh") { return .zh }
        }
        for tag in (acceptLanguage ?? "").split(separator: ",") {
            let t = tag.trimmingCharacters(in: .whitespaces).lowercased()
            if t.hasPrefix("zh") { return .zh }
            if t.hasPrefix("en") { return .en }
        }
        return .zh
    }
}
