/// The demo's amounts, made to meet the district's published totals exactly, to the 万元.
enum DemoAmounts {
    /// Moves `amounts` until they sum to `target`: the difference lands on `codes` in turn, at
    /// most `step` at a time, never taking a code below `floor` or above `ceiling`. False when
    /// every code reached its bound first.
    static func settle(_ amounts: inout [String: Int64], to target: Int64, over codes: [String], step: Int64 = 1_000,
                       floor: (String) -> Int64 = { _ in 0 }, ceiling: (String) -> Int64 = { _ in .max }) -> Bool {
        var diff = target - amounts.values.reduce(0, +)
        var i = 0, idle = 0
        while diff != 0 && !codes.isEmpty && idle < codes.count {
            let code = codes[i % codes.count]
            let value = amounts[code]!
            let change = diff > 0 ? min(diff, step, ceiling(code) - value) : max(diff, -step, floor(code) - value)
            amounts[code] = value + change
            diff -= change
            idle = change == 0 ? idle + 1 : 0
            i += 1
        }
        return diff == 0
    }

    /// `total` shared in proportion to `weights`, the rounding left in the last share.
    static func spread(_ total: Int64, over weights: [Int64]) -> [Int64] {
        let sum = weights.reduce(0, +)
        var shares = weights.dropLast().map { total * $0 / sum }
        shares.append(total - shares.reduce(0, +))
        return shares
    }
}
