/// Conversion of a cohort: the projects that entered one pool in a period, followed to a date.
/// "Of the projects that entered 招引 in 2023 Q1, how many are signed, landed, exited, and after
/// how many days" — the question leaders ask of the pipeline.
public enum Cohort {
    /// One project's steps from its entry into the cohort's pool onward, in order.
    public struct Path: Sendable, Equatable {
        public var unit: String
        public var steps: [(stage: LifecycleStage, on: CalendarDate)]

        public init(unit: String, steps: [(stage: LifecycleStage, on: CalendarDate)]) { self.unit = unit; self.steps = steps }

        public static func == (a: Path, b: Path) -> Bool {
            a.unit == b.unit && a.steps.map(\.stage) == b.steps.map(\.stage) && a.steps.map(\.on) == b.steps.map(\.on)
        }
    }

    public struct Days: Sendable, Equatable {
        /// How many projects the figure is over.
        public var projects: Int
        public var median: Int?
        public var p80: Int?

        public init(projects: Int, median: Int?, p80: Int?) { self.projects = projects; self.median = median; self.p80 = p80 }
    }

    public struct Summary: Sendable, Equatable {
        public var projects: Int
        /// Projects that reached each later stage at some point after entering (a project that
        /// reached 落地 also counts as having passed 签约 only if it stepped through it).
        public var reached: [LifecycleStage: Int]
        public var exited: Int
        /// In the cohort's pool on the as-of date (never left, or moved back into it).
        public var stillIn: Int
        /// Days from entering the pool to the first step out of it, for those that took one.
        public var daysInPool: Days
        /// Days from entering the pool to first reaching each later stage.
        public var daysTo: [LifecycleStage: Days]
    }

    /// The nearest-rank percentile (`p` in 0…100) of whole days: the smallest value with at
    /// least p% of the values at or below it. Nil for no values.
    public static func percentile(_ values: [Int], _ p: Int) -> Int? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let rank = max(1, (p * sorted.count + 99) / 100)
        return sorted[min(rank, sorted.count) - 1]
    }

    static func days(_ values: [Int]) -> Days {
        Days(projects: values.count, median: percentile(values, 50), p80: percentile(values, 80))
    }

    /// The later stages a pool's cohort is followed to.
    public static func followed(after pool: LifecycleStage) -> [LifecycleStage] {
        guard let i = LifecycleStage.pools.firstIndex(of: pool) else { return [] }
        return Array(LifecycleStage.pools[(i + 1)...]) + [.underConstruction]
    }

    public static func summarize(_ paths: [Path], pool: LifecycleStage) -> Summary {
        let later = followed(after: pool)
        var reached: [LifecycleStage: Int] = [:]
        var daysTo: [LifecycleStage: [Int]] = [:]
        var inPool: [Int] = []
        var exited = 0, stillIn = 0
        for path in paths {
            guard let entry = path.steps.first else { continue }
            if let left = path.steps.dropFirst().first { inPool.append(entry.on.days(until: left.on)) }
            // Where it stands at the end: back in the pool after a move back counts as still in.
            if path.steps.last?.stage == pool { stillIn += 1 }
            if path.steps.last?.stage == .exited { exited += 1 }
            for stage in later {
                if let first = path.steps.dropFirst().first(where: { $0.stage == stage }) {
                    reached[stage, default: 0] += 1
                    daysTo[stage, default: []].append(entry.on.days(until: first.on))
                }
            }
        }
        return Summary(projects: paths.count, reached: reached, exited: exited, stillIn: stillIn, daysInPool: days(inPool),
                       daysTo: Dictionary(uniqueKeysWithValues: later.map { ($0, days(daysTo[$0] ?? [])) }))
    }
}
