import Foundation

/// When repeated sign-in failures refuse further attempts. Plain functions of counts, so the
/// rule is tested without a server.
///
/// Failures are counted per (address, account), per account and per address over the last
/// quarter hour, and the counts do not depend on whether the account exists: an unknown name
/// and a real one are refused alike, with the same message and after the same bcrypt work, so
/// neither the answer nor its timing tells a stranger which names exist. The pair limit stops a
/// guesser at five tries per quarter hour without shutting a colleague at another desk out; the
/// softer address limit lets an office behind one NAT address share it (one clerk's typos
/// block only that clerk's account from there); the account limit stops guessing spread over
/// many addresses.
public enum SignInThrottle {
    /// Failures on one account from one address.
    public static let pairLimit = 5
    /// Failures on one account from all addresses.
    public static let accountLimit = 50
    /// Failures from one address on all accounts.
    public static let addressLimit = 100
    /// The window every count looks back over; refusals end when failures age out of it.
    public static let windowSeconds: TimeInterval = 15 * 60

    public struct Failures: Sendable, Equatable {
        public var pair: Int
        public var account: Int
        public var address: Int

        public init(pair: Int, account: Int, address: Int) {
            self.pair = pair; self.account = account; self.address = address
        }
    }

    /// Whether an attempt with these recent failures is refused before its password is looked at.
    public static func refused(_ f: Failures) -> Bool {
        f.pair >= pairLimit || f.account >= accountLimit || f.address >= addressLimit
    }

    /// Kept for the users page: an account an administrator locked stays locked until then.
    public static func isLocked(until: Date?, now: Date) -> Bool {
        guard let until else { return false }
        return now < until
    }
}

/// How long a signed-in session lasts. Officials share offices and leave browsers open: an idle
/// session ends after two hours, and any session after twelve, i.e. a working day.
public enum SessionLifetime {
    public static let idleSeconds: TimeInterval = 2 * 3600
    public static let absoluteSeconds: TimeInterval = 12 * 3600
    /// The last-seen time is written at most this often, so reading a page costs no write.
    public static let touchIntervalSeconds: TimeInterval = 5 * 60

    public static func isExpired(createdAt: Date, lastSeenAt: Date, now: Date) -> Bool {
        now >= createdAt.addingTimeInterval(absoluteSeconds) || now >= lastSeenAt.addingTimeInterval(idleSeconds)
    }

    public static func needsTouch(lastSeenAt: Date, now: Date) -> Bool {
        now >= lastSeenAt.addingTimeInterval(touchIntervalSeconds)
    }
}
