/// A share as the district reports it: a percentage with one decimal, rounded half up; nil when
/// there is nothing to divide by, so an empty period is not reported as 0% or 100%.
public enum Percent {
    public static func of(_ part: Int, _ whole: Int) -> Double? {
        guard whole > 0 else { return nil }
        return (Double(part * 1000) / Double(whole)).rounded() / 10
    }
}
