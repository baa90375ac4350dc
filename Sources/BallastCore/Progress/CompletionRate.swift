/// 完成率: completed investment ÷ annual plan. Without a plan there is no rate (shown "—"):
/// 0% would read as "nothing done", which a group with no plan has not failed at. The dashboard,
/// the screen and the weekly bulletin all take it from here.
public enum CompletionRate {
    public static func of(completed: Int64, plan: Int64) -> Double? {
        plan > 0 ? Double(completed) / Double(plan) : nil
    }
}
