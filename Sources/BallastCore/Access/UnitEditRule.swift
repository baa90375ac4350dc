/// What a 责任单位 user may not change on its own project: the fields that decide where the
/// project sits in the portfolio and who answers for it. These belong to the project office,
/// so a unit can neither hand its project to another unit nor raise its own level or plan.
public enum UnitEditRule {
    public static let reserved: [LedgerColumn] = [.code, .unit, .category, .level, .annualPlan, .nature]

    /// The reserved columns whose values differ between `before` and `after`.
    public static func forbiddenChanges(before: LedgerRecord, after: LedgerRecord) -> [LedgerColumn] {
        let old = Dictionary(uniqueKeysWithValues: zip(LedgerColumn.allCases, before.exportCells))
        let new = Dictionary(uniqueKeysWithValues: zip(LedgerColumn.allCases, after.exportCells))
        return reserved.filter { old[$0] != new[$0] }
    }
}
