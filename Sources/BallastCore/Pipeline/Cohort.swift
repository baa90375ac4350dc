/// Conversion of a cohort: the projects that entered one pool in a period, followed to a date.
/// "Of the projects that entered 招引 in 2023 Q1, how many are signed, landed, exited, and after
/// how many days" — the question leaders ask of the pipeline.
public enum Cohort {
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

    /// The later stages a pool's cohort is followed to.
    public static func followed(after pool: LifecycleStage) -> [LifecycleStage] {
        guard let i = LifecycleStage.pools.firstIndex(of: pool) else { return [] }
        return Array(LifecycleStage.pools[(i + 1)...]) + [.underConstruction]
    }
}

extension Cohort {
    /// The nearest-rank percentile over a histogram (whole days → how many projects), as SQL
    /// counts them: the same answer as `percentile` over the values written out.
    public static func percentile(histogram: [Int: Int], _ p: Int) -> Int? {
        let total = histogram.values.reduce(0, +)
        guard total > 0 else { return nil }
        let rank = max(1, (p * total + 99) / 100)
        var seen = 0
        for day in histogram.keys.sorted() {
            seen += histogram[day, default: 0]
            if seen >= rank { return day }
        }
        return histogram.keys.max()
    }

    public static func days(histogram: [Int: Int]) -> Days {
        Days(projects: histogram.values.reduce(0, +), median: percentile(histogram: histogram, 50), p80: percentile(histogram: histogram, 80))
    }

    /// A cohort's counts as SQL returns them (per unit, then added up): projects, where they
    /// stand at the end, and histograms of days in the pool and to each later stage.
    public struct Tally: Sendable, Equatable {
        public var projects = 0
        public var stillIn = 0
        public var exited = 0
        public var inPool: [Int: Int] = [:]
        public var to: [LifecycleStage: [Int: Int]] = [:]

        public init() {}

        public static func + (a: Tally, b: Tally) -> Tally {
            var t = a
            t.projects += b.projects; t.stillIn += b.stillIn; t.exited += b.exited
            t.inPool.merge(b.inPool, uniquingKeysWith: +)
            for (stage, h) in b.to { t.to[stage, default: [:]].merge(h, uniquingKeysWith: +) }
            return t
        }

        public func summary(pool: LifecycleStage) -> Summary {
            let later = followed(after: pool)
            var reached: [LifecycleStage: Int] = [:]
            for stage in later {
                let n = to[stage]?.values.reduce(0, +) ?? 0
                if n > 0 { reached[stage] = n }
            }
            return Summary(projects: projects, reached: reached, exited: exited, stillIn: stillIn, daysInPool: days(histogram: inPool),
                           daysTo: Dictionary(uniqueKeysWithValues: later.map { ($0, days(histogram: to[$0] ?? [:])) }))
        }
    }
}
