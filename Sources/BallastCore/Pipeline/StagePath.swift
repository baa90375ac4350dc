/// A project's route through its stages, read off its steps: how long it stood in each stage
/// (spans) and, for each pool, where it went after first entering it (entries). Both are kept
/// beside the step history so that "the pools on a past day" and "a cohort's conversion" read
/// one row per project instead of replaying every project's history on every view.
public enum StagePath {
    /// One recorded step, in the order the history holds them: by day, then by when recorded.
    public struct Step: Sendable, Equatable {
        public var stage: LifecycleStage
        public var on: CalendarDate

        public init(_ stage: LifecycleStage, on: CalendarDate) { self.stage = stage; self.on = on }
    }

    /// The project stood in `stage` from the end of the day `from` until the step on `until`
    /// (nil while it still stands there). A step followed by another the same day gives a span
    /// with `until == from`: it never holds at the end of any day.
    public struct Span: Sendable, Equatable {
        public var stage: LifecycleStage
        public var from: CalendarDate
        public var until: CalendarDate?

        public init(stage: LifecycleStage, from: CalendarDate, until: CalendarDate?) { self.stage = stage; self.from = from; self.until = until }

        /// Whether the project stood in this stage at the end of `day`.
        public func holds(at day: CalendarDate) -> Bool { from <= day && (until.map { day < $0 } ?? true) }
    }

    /// A project's first entry into a pool and what followed it: the first step out (any step,
    /// forward, back or out) and the first day at each later stage (`Cohort.followed(after:)`).
    public struct Entry: Sendable, Equatable {
        public var pool: LifecycleStage
        public var entered: CalendarDate
        public var left: CalendarDate?
        public var reached: [LifecycleStage: CalendarDate]

        public init(pool: LifecycleStage, entered: CalendarDate, left: CalendarDate?, reached: [LifecycleStage: CalendarDate]) {
            self.pool = pool; self.entered = entered; self.left = left; self.reached = reached
        }
    }

    /// One span per step, in the steps' order (which must be by day, then by when recorded).
    public static func spans(_ steps: [Step]) -> [Span] {
        steps.indices.map { i in
            Span(stage: steps[i].stage, from: steps[i].on, until: i + 1 < steps.count ? steps[i + 1].on : nil)
        }
    }

    /// The first entry into each pool the steps reach, in pool order. A step the same day as the
    /// entry counts as after it only if recorded after it, which the order already says.
    public static func entries(_ steps: [Step]) -> [Entry] {
        LifecycleStage.pools.compactMap { pool in
            guard let i = steps.firstIndex(where: { $0.stage == pool }) else { return nil }
            let after = steps[(i + 1)...]
            var reached: [LifecycleStage: CalendarDate] = [:]
            for stage in Cohort.followed(after: pool) {
                if let step = after.first(where: { $0.stage == stage }) { reached[stage] = step.on }
            }
            return Entry(pool: pool, entered: steps[i].on, left: after.first?.on, reached: reached)
        }
    }
}
