import BallastCore
@testable import BallastOffice
import Foundation
import Testing
import ZIPFoundation

/// Every workbook prints (issue 25): header frozen and repeated on each page, columns fitted,
/// one page wide — landscape when wide — the title at the top of each page, figures in their
/// formats and days as date cells.
@Suite struct PrintableWorkbookTests {
    @Test func aWideSheetPrintsLandscapeOnePageWideWithItsHeaderOnEveryPage() throws {
        let day = try #require(CalendarDate(year: 2023, month: 2, day: 28))
        let wide = XLSXSheet(name: "连续亮灯", header: ["项目编号", "项目名称", "原因", "总投资（亿元）", "完成率", "亮灯以来"],
                             rows: [[.text("EQ2023-0001"), .text("嵩山路文创产业园（一期）"), .text(String(repeating: "投资完成率低于时序进度", count: 4)),
                                     .fixed2("1345.8"), .percent("0.294"), .date(day)]],
                             title: "重点项目建设周通报（连续亮灯）")
        let narrow = XLSXSheet(name: "O'Brien", header: ["单位", "项目数"], rows: [[.text("区商务局"), .number("7")]])
        let data = try XLSXWriter.write([wide, narrow])
        let s1 = try OfficialFormatTests.part(data, "xl/worksheets/sheet1.xml"), s2 = try OfficialFormatTests.part(data, "xl/worksheets/sheet2.xml")
        #expect(s1.contains(#"<pageSetUpPr fitToPage="1"/>"#) && s1.contains(#"fitToWidth="1" fitToHeight="0""#))
        #expect(s1.contains(#"orientation="landscape""#) && s2.contains(#"orientation="portrait""#))
        #expect(s1.contains(#"state="frozen""#))
        #expect(s1.contains("<oddHeader>&amp;C&amp;\"-,Bold\"重点项目建设周通报（连续亮灯）</oddHeader>"))
        #expect(s1.contains("第 &amp;P 页，共 &amp;N 页"))
        // Figures: 1,345.80 and 29.4%; the day a date cell (Excel's serial for 2023-02-28).
        #expect(s1.contains(#"s="5"><v>1345.8</v>"#) && s1.contains(#"s="6"><v>0.294</v>"#) && s1.contains(#"s="2"><v>44985</v>"#))
        let styles = try OfficialFormatTests.part(data, "xl/styles.xml")
        #expect(styles.contains(#"formatCode="0.0%""#) && styles.contains(#"<xf numFmtId="4""#))
        // Columns fitted: the long reason wider than the code, the code wide enough for its 11 characters.
        let widths = wide.fittedWidths
        #expect(widths[2] > widths[0] && widths[0] >= 13 && widths.allSatisfy { (6...60).contains($0) })
        #expect(s1.contains("<cols>"))
        // The header row repeats on every printed page, each sheet by its own (quoted) name.
        let book = try OfficialFormatTests.part(data, "xl/workbook.xml")
        #expect(book.contains(#"<definedName name="_xlnm.Print_Titles" localSheetId="0">'连续亮灯'!$1:$1</definedName>"#))
        #expect(book.contains(#"localSheetId="1">'O''Brien'!$1:$1"#))
    }
}
