import Foundation

/// When repeated sign-in failures lock an account or an address out. Plain functions of counts
/// and times, so the rule is tested without a server.
public enum SignInThrottle {
    /// Consecutive failures on one account before it locks.
    public static let accountLimit = 5
    /// How long a locked account stays locked. Long enough to stop guessing (at most
    /// `accountLimit` guesses per quarter hour), short enough that a colleague typing a
    /// password wrong five times is not shut out for the day.
    public static let accountLockSeconds: TimeInterval = 15 * 60
    /// Failures from one address within `addressWindowSeconds` before that address is refused.
    /// Higher than the account limit: an office behind one NAT address shares it.
    public static let addressLimit = 30
    public static let addressWindowSeconds: TimeInterval = 15 * 60

    /// After a failure brings an account to `failures` consecutive failures: until when it is
    /// locked, or nil.
    public static func lockUntil(failures: Int, now: Date) -> Date? {
        failures >= accountLimit ? now.addingTimeInterval(accountLockSeconds) : nil
    }

    public static func isLocked(until: Date?, now: Date) -> Bool {
        guard let until else { return false }
        return now < until
    }

    /// Whether an address with `recentFailures` failures in the window may try again.
    public static func addressRefused(recentFailures: Int) -> Bool {
        recentFailures >= addressLimit
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
