/// 催办单 numbers: one series per district and year, in the official form 二七督〔2023〕第15号.
public enum NoticeNumber {
    /// The issuing prefix from the district's name: 二七区 → 二七督.
    public static func prefix(districtName: String) -> String { shortName(districtName) + "督" }

    /// A district's name as its 机关代字 begin: 二七区 → 二七, 中牟县 → 中牟 (also `DocumentStyle`'s 代字).
    public static func shortName(_ districtName: String) -> String {
        var name = districtName.trimmed
        for suffix in ["区", "县", "市"] where name.hasSuffix(suffix) && name.count > 1 {
            name.removeLast(suffix.count)
            break
        }
        return name
    }

    public static func format(prefix: String, year: Int, sequence: Int) -> String {
        "\(prefix)〔\(year)〕第\(sequence)号"
    }
}
