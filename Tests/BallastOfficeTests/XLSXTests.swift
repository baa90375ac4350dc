import BallastCore
import BallastOffice
import Foundation
import Testing
import ZIPFoundation

@Suite struct XLSXTests {
    @Test func roundTripsTextNumbersAndDates() throws {
        let data = try XLSXWriter.write(sheetName: "台账", header: ["编号", "金额", "日期", "说明"], rows: [
            [.text("0012"), .number("12345.6789"), .date(CalendarDate(year: 2023, month: 3, day: 15)!), .text("a < b & \"c\"")],
            [.text("A2"), .empty, .empty, .text("第二行")],
        ])
        let t = try XLSXReader.read(data)
        #expect(t.header == ["编号", "金额", "日期", "说明"])
        #expect(t.rows[0].cells == ["0012", "12345.6789", "2023-03-15", "a < b & \"c\""])
        #expect(t.rows[1].number == 3)
        #expect(t.rows[1].cells == ["A2", "", "", "第二行"])
    }

    @Test func columnNames() {
        #expect(XLSXWriter.columnName(0) == "A")
        #expect(XLSXWriter.columnName(25) == "Z")
        #expect(XLSXWriter.columnName(26) == "AA")
        #expect(XLSXWriter.columnName(701) == "ZZ")
    }

    /// A workbook as Excel writes one: shared strings with rich text, a formula with its cached
    /// value, a date in a built-in format, float noise, a skipped column and a blank row.
    @Test func readsExcelStyleWorkbooks() throws {
        let sheet = """
        <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c></row>
        <row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3"><f>SUM(1,2)</f><v>0.30000000000000004</v></c><c r="D3" s="1"><v>44927</v></c></row>
        <row r="4"><c r="A4" t="str"><f>"X"&amp;"Y"</f><v>XY</v></c><c r="B4" s="0"><v>1.5E+3</v></c><c r="D4" t="inlineStr"><is><t>内联</t></is></c></row>
        </sheetData></worksheet>
        """
        let shared = """
        <?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
        <si><t>编号</t></si><si><r><t>金</t></r><r><rPr><b/></rPr><t>额</t></r><rPh><t>ジン</t></rPh></si><si><t>日期</t></si><si><t>A3</t></si></sst>
        """
        let styles = """
        <?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
        <cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>
        """
        let t = try XLSXReader.read(try workbook(sheet: sheet, shared: shared, styles: styles))
        #expect(t.header == ["编号", "金额", "", "日期"])
        #expect(t.rows.map(\.number) == [3, 4])
        #expect(t.rows[0].cells == ["A3", "0.3", "", "2023-01-01"])
        #expect(t.rows[1].cells == ["XY", "1500", "", "内联"])
    }

    @Test func refusesWhatIsNotAWorkbook() {
        #expect(throws: OfficeError.empty) { try XLSXReader.read(Data()) }
        #expect {
            try XLSXReader.read(Data("项目编号,项目名称\n".utf8))
        } throws: { error in
            if case OfficeError.notAnXLSX = error { return true }
            return false
        }
        #expect {
            try XLSXReader.read(Data([0x50, 0x4B, 0x03, 0x04]) + Data(repeating: 7, count: 100))
        } throws: { error in
            if case OfficeError.notAnXLSX = error { return true }
            return false
        }
    }

    @Test func ledgerRecordsRoundTripThroughBothFormats() throws {
        let records = [
            LedgerRecord(row: 2, code: "EQ-1", name: "项目<甲>", category: "产业转型发展", level: "省重点", nature: .continuing,
                         zone: "嵩山路", unit: "区发改委", stage: .underConstruction, totalInvestment: Money(yuan: 1_234_567_891),
                         annualPlan: Money(yuan: 100_000_001), plannedStart: CalendarDate(year: 2022, month: 1, day: 31),
                         plannedEnd: CalendarDate(year: 2025, month: 12, day: 1), longitude: 113.612345, latitude: 34.71),
            LedgerRecord(row: 3, code: "0007", name: "乙", category: "生态环保", level: "区重点", unit: "区生态环境分局",
                         stage: .conceived, totalInvestment: .yi(3), content: "两行\n内容"),
        ]
        let validator = LedgerValidator(knownLevels: ["省重点", "区重点"])
        for format in LedgerFormat.allCases {
            let data = try LedgerFile.write(records, format: format, sheetName: "2023年项目台账")
            let outcome = validator.validate(try LedgerFile.read(data, format: format))
            #expect(outcome.issues.isEmpty, "\(format)")
            #expect(outcome.records == records, "\(format)")
        }
    }

    func workbook(sheet: String, shared: String, styles: String) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let parts = [
            ("xl/workbook.xml", #"<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId7"/></sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", #"<Relationships><Relationship Id="rId7" Type="worksheet" Target="worksheets/data.xml"/></Relationships>"#),
            ("xl/worksheets/data.xml", sheet), ("xl/sharedStrings.xml", shared), ("xl/styles.xml", styles),
        ]
        for (path, text) in parts {
            let d = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(d.count), compressionMethod: .deflate) { pos, size in
                d.subdata(in: Int(pos)..<Int(pos) + size)
            }
        }
        return archive.data!
    }
}

