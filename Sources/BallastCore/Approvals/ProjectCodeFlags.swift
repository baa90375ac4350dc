/// 一码多项 and 一项多码, a known fault of the real data: one 项目代码 on two projects, or one
/// project name under two codes. Both are allowed (the platforms' own records disagree) and
/// flagged on every project concerned, naming the others, so the office can settle them.
public enum ProjectCodeFlags {
    public struct Entry: Sendable, Equatable {
        public var ledgerCode: String, name: String, projectCode: String?
        public init(ledgerCode: String, name: String, projectCode: String?) {
            self.ledgerCode = ledgerCode; self.name = name; self.projectCode = projectCode
        }
    }

    public enum Flag: Sendable, Equatable {
        /// 一码多项: the same 项目代码 is on these other projects (their ledger codes).
        case codeShared(with: [String])
        /// 一项多码: projects of the same name carry these other 项目代码.
        case nameUnderOtherCodes([String])

        public var message: Message {
            switch self {
            case .codeShared(let others):
                Message(zh: "一码多项：与 \(others.joined(separator: "、")) 使用同一项目代码",
                        en: "One code, several projects: the same project code is on \(others.joined(separator: ", "))")
            case .nameUnderOtherCodes(let codes):
                Message(zh: "一项多码：同名项目另有项目代码 \(codes.joined(separator: "、"))",
                        en: "One project, several codes: a project of the same name has \(codes.joined(separator: ", "))")
            }
        }
    }

    /// Each flagged entry's flags, by ledger code. Names are compared as written, trimmed.
    public static func flags(_ entries: [Entry]) -> [String: [Flag]] {
        var byCode: [String: [String]] = [:], codesByName: [String: Set<String>] = [:]
        for e in entries {
            guard let pc = e.projectCode, !pc.isEmpty else { continue }
            byCode[pc, default: []].append(e.ledgerCode)
            codesByName[e.name.trimmed, default: []].insert(pc)
        }
        var out: [String: [Flag]] = [:]
        for e in entries {
            guard let pc = e.projectCode, !pc.isEmpty else { continue }
            let others = (byCode[pc] ?? []).filter { $0 != e.ledgerCode }.sorted()
            if !others.isEmpty { out[e.ledgerCode, default: []].append(.codeShared(with: others)) }
            let otherCodes = (codesByName[e.name.trimmed] ?? []).subtracting([pc]).sorted()
            if !otherCodes.isEmpty { out[e.ledgerCode, default: []].append(.nameUnderOtherCodes(otherCodes)) }
        }
        return out
    }
}
