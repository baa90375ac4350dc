import BallastCore

/// Why a robot did not take a message. The delivery log stores a short code (`stored`), and the
/// page and API say it in the reader's language (`message`): an administrator reads "无法解析机器人
/// 地址", not the HTTP library's English, and knows to check the address or the network.
public enum DeliveryFailure: Equatable, Sendable {
    case timeout
    /// The robot's host name did not resolve: a wrong address, or no route to the internet.
    case unreachable
    case refused
    case tls
    /// The robot answered and did not take it: its HTTP status and the start of its answer.
    case rejected(status: Int, detail: String)
    /// Anything else, kept as the client said it (and rows logged before codes were stored).
    case other(String)

    /// Sorts the HTTP client's error description into what an administrator can act on.
    public static func classify(_ description: String) -> DeliveryFailure {
        let d = description.lowercased()
        if d.contains("timeout") || d.contains("deadlineexceeded") || d.contains("timed out") { return .timeout }
        if d.contains("dnsaerror") || d.contains("dnsaaaaerror") || d.contains("unknown(host") || d.contains("name or service not known")
            || d.contains("nodename nor servname") { return .unreachable }
        if d.contains("connection refused") || d.contains("connectionrefused") || d.contains("econnrefused") { return .refused }
        if d.contains("ssl") || d.contains("tls") || d.contains("certificate") { return .tls }
        return .other(String(description.prefix(300)))
    }

    /// What the log keeps.
    public var stored: String {
        switch self {
        case .timeout: "timeout"
        case .unreachable: "unreachable"
        case .refused: "refused"
        case .tls: "tls"
        case .rejected(let status, let detail): "http \(status)" + (detail.isEmpty ? "" : " " + detail)
        case .other(let text): "other " + text
        }
    }

    public init(stored raw: String) {
        switch raw {
        case "timeout": self = .timeout
        case "unreachable": self = .unreachable
        case "refused": self = .refused
        case "tls": self = .tls
        default:
            if raw.hasPrefix("http "), let status = Int(raw.dropFirst(5).prefix(while: \.isNumber)) {
                let rest = raw.dropFirst(5).drop(while: \.isNumber)
                self = .rejected(status: status, detail: String(rest.hasPrefix(" ") ? rest.dropFirst() : rest))
            } else if raw.hasPrefix("other ") {
                self = .other(String(raw.dropFirst(6)))
            } else {
                self = .other(raw)
            }
        }
    }

    public var message: Message {
        switch self {
        case .timeout: Message(zh: "机器人在限定时间内未应答", en: "the robot did not answer in time")
        case .unreachable: Message(zh: "无法解析机器人地址（地址有误或服务器不能访问外网）",
                                   en: "the robot's address could not be resolved (a wrong address, or no route to the internet)")
        case .refused: Message(zh: "机器人地址拒绝连接", en: "the robot's address refused the connection")
        case .tls: Message(zh: "安全连接（HTTPS 证书）未通过", en: "the secure connection (HTTPS certificate) failed")
        case .rejected(let status, let detail):
            Message(zh: "机器人未接收（HTTP \(status)）" + (detail.isEmpty ? "" : "：\(detail)"),
                    en: "the robot refused it (HTTP \(status))" + (detail.isEmpty ? "" : ": \(detail)"))
        // The client's own words: data, shown as it came.
        case .other(let text): Message(zh: text, en: text)
        }
    }
}
