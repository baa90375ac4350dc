/// How the approving departments answer for their time (部门审批时效), from the steps of every
/// chain: per department, the steps received (applied for) in a period, those done by the day,
/// done within the promised time, overdue, and the working days taken (average and the 80th
/// percentile). One definition for the page, the API, the CLI and the ranking.
public enum DepartmentTimes {
    public struct Row: Sendable, Equatable, Codable {
        public var department: String
        public var received: Int
        public var done: Int
        public var onTime: Int
        public var overdue: Int
        /// Working days from application to approval over the steps done; nil with none done.
        public var averageDays: Double?
        /// The 80th percentile of the same (nearest rank): four in five took at most this.
        public var p80Days: Int?

        public init(department: String, received: Int, done: Int, onTime: Int, overdue: Int, averageDays: Double?, p80Days: Int?) {
            self.department = department; self.received = received; self.done = done; self.onTime = onTime
            self.overdue = overdue; self.averageDays = averageDays; self.p80Days = p80Days
        }

        /// Done within the promised time, of those done; nil with none done.
        public var onTimeRate: Double? { done == 0 ? nil : Double(onTime) / Double(done) }
    }

    /// Steps applied for within `from…to` (and by `asOf`), grouped by department, worst first
    /// (most overdue, then the slowest 80th percentile). Steps with no department are under "未指定".
    public static func rows(_ steps: [ApprovalStep], from: CalendarDate, to: CalendarDate, asOf: CalendarDate,
                            clock: ApprovalClock) -> [Row] {
        var groups: [String: [ApprovalStep]] = [:]
        for s in steps {
            guard let applied = s.applied, applied >= from, applied <= to, applied <= asOf else { continue }
            groups[s.department?.trimmed.nilIfEmpty ?? "未指定", default: []].append(s)
        }
        return groups.map { department, list in
            let done = list.filter { clock.state($0, asOf: asOf) == .done }
            let days = done.compactMap { clock.workingDays($0, asOf: asOf) }.sorted()
            return Row(department: department, received: list.count, done: done.count,
                       onTime: done.filter { clock.onTime($0, asOf: asOf) }.count,
                       overdue: list.filter { clock.state($0, asOf: asOf) == .overdue }.count,
                       averageDays: days.isEmpty ? nil : (Double(days.reduce(0, +)) / Double(days.count) * 10).rounded() / 10,
                       p80Days: percentile(days, 80))
        }.sorted { ($0.overdue, $0.p80Days ?? 0, $1.department) > ($1.overdue, $1.p80Days ?? 0, $0.department) }
    }

    /// The nearest-rank percentile of sorted values: the smallest value with at least `p`% of
    /// the values at or below it.
    public static func percentile(_ sorted: [Int], _ p: Int) -> Int? {
        guard !sorted.isEmpty else { return nil }
        let rank = (p * sorted.count + 99) / 100
        return sorted[max(0, min(sorted.count, rank) - 1)]
    }
}
