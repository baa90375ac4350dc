import BallastCore

/// The demo's random numbers: SplitMix64, so the demo is the same on every machine.
struct DemoRandom {
    private var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { generator.next() }

    mutating func int(_ range: ClosedRange<Int>) -> Int { generator.int(range) }

    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// Splits `total` into `parts` positive amounts, in multiples of `step` where possible,
    /// summing exactly to `total`: uneven, as real project sizes are.
    mutating func split(_ total: Int64, into parts: Int, step: Int64 = 100) -> [Int64] {
        precondition(parts > 0 && total >= Int64(parts) * step)
        let weights = (0..<parts).map { _ in 0.3 + unit() * unit() * 3 }
        let sum = weights.reduce(0, +)
        var amounts = weights.map { w -> Int64 in max(step, Int64(Double(total) * w / sum) / step * step) }
        var diff = total - amounts.reduce(0, +)
        // Put the rounding difference on the largest share so no share can go below a step.
        var i = amounts.indices.max { amounts[$0] < amounts[$1] }!
        while diff != 0 {
            let room = diff < 0 ? max(-(amounts[i] - step), diff) : diff
            amounts[i] += room
            diff -= room
            i = (i + 1) % parts
        }
        return amounts
    }
}
