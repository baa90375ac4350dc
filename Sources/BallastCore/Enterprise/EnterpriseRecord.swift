/// 企业: one record per enterprise across the system — a project's investor, a lead's
/// enterprise, a visit and an enterprise problem all point to the same one.
public struct EnterpriseRecord: Sendable, Hashable {
    public var name: String
    /// 统一社会信用代码, validated and upper-cased; optional (a lead may not know it yet).
    public var creditCode: String?
    public var industry: String?
    public var address: String?
    /// 四上企业 (above designated size in industry, trade, services or construction).
    public var aboveScale: Bool
    public var contactName: String?
    public var contactPhone: String?
    /// The official assigned to serve it (万人助万企).
    public var serviceOfficial: String?

    public init(name: String, creditCode: String? = nil, industry: String? = nil, address: String? = nil, aboveScale: Bool = false,
                contactName: String? = nil, contactPhone: String? = nil, serviceOfficial: String? = nil) {
        self.name = name; self.creditCode = creditCode; self.industry = industry; self.address = address
        self.aboveScale = aboveScale; self.contactName = contactName; self.contactPhone = contactPhone
        self.serviceOfficial = serviceOfficial
    }

    /// A problem with one field, named as the form and the API name it.
    public struct Issue: Sendable, Equatable {
        public var field: String
        public var message: Message
    }

    public struct Invalid: Error, Sendable, Equatable {
        public var issues: [Issue]
    }

    /// The record as given, trimmed and checked: a name, a credit code that passes its check
    /// character, text fields within their lengths. All problems at once, by field.
    public static func validate(name: String?, creditCode: String?, industry: String?, address: String?, aboveScale: Bool,
                                contactName: String?, contactPhone: String?, serviceOfficial: String?) -> Result<EnterpriseRecord, Invalid> {
        var issues: [Issue] = []
        func text(_ raw: String?, _ field: String, max: Int, zh: String) -> String? {
            guard let t = raw?.trimmed, !t.isEmpty else { return nil }
            if t.count > max { issues.append(Issue(field: field, message: Message(zh: "\(zh)超过 \(max) 个字", en: "\(field) is over \(max) characters"))) }
            return t
        }
        let n = text(name, "name", max: 100, zh: "企业名称")
        if n == nil { issues.append(Issue(field: "name", message: Message(zh: "企业名称不能为空", en: "The enterprise name is required"))) }
        var code: String?
        if let raw = text(creditCode, "creditCode", max: 30, zh: "统一社会信用代码") {
            switch CreditCode.validate(raw) {
            case .success(let c): code = c
            case .failure(let p): issues.append(Issue(field: "creditCode", message: p.message))
            }
        }
        let phone = text(contactPhone, "contactPhone", max: 30, zh: "联系电话")
        if let phone, !phone.allSatisfy({ $0.isASCII && ($0.isNumber || "-+ ()".contains($0)) }) {
            issues.append(Issue(field: "contactPhone", message: Message(zh: "联系电话只能包含数字和 - + ( )", en: "A phone number holds digits and - + ( ) only")))
        }
        let record = EnterpriseRecord(name: n ?? "", creditCode: code, industry: text(industry, "industry", max: 50, zh: "所属行业"),
                                      address: text(address, "address", max: 200, zh: "地址"), aboveScale: aboveScale,
                                      contactName: text(contactName, "contactName", max: 50, zh: "联系人"), contactPhone: phone,
                                      serviceOfficial: text(serviceOfficial, "serviceOfficial", max: 50, zh: "服务专员"))
        return issues.isEmpty ? .success(record) : .failure(Invalid(issues: issues))
    }
}

/// How two enterprise names are compared for duplicates: "郑州宇通科技有限公司" and
/// "郑州宇通科技 有限公司" or "（郑州）…" and "(郑州)…" are the same name written twice.
public enum EnterpriseName {
    public static func key(_ name: String) -> String {
        var out = ""
        for ch in name.unicodeScalars {
            if ch.properties.isWhitespace { continue }
            switch ch {
            case "（": out.unicodeScalars.append("(")
            case "）": out.unicodeScalars.append(")")
            default:
                // Full-width ASCII (Ａ, １, ．) to its half-width form.
                if (0xFF01...0xFF5E).contains(ch.value), let half = Unicode.Scalar(ch.value - 0xFEE0) {
                    out.unicodeScalars.append(half)
                } else {
                    out.unicodeScalars.append(ch)
                }
            }
        }
        return out.lowercased()
    }
}
