import BallastCore
import BallastOffice
import Foundation
import Testing

@Suite struct CSVTableTests {
    @Test func readsUTF8WithAndWithoutBOM() throws {
        let plain = Data("项目编号,项目名称\nA1,甲\n".utf8)
        let bom = Data([0xEF, 0xBB, 0xBF]) + plain
        for data in [plain, bom] {
            let t = try CSVTable.read(data)
            #expect(t.header == ["项目编号", "项目名称"])
            #expect(t.rows.first?.cells == ["A1", "甲"])
        }
    }

    @Test func readsGB18030AsExcelSavesIt() throws {
        // "项目编号,项目名称\r\nA1,甲项目\r\n" encoded by iconv as GB18030.
        let hex = "cfeec4bfb1e0bac52ccfeec4bfc3fbb3c60d0a41312cbcd7cfeec4bf0d0a"
        let bytes = stride(from: 0, to: hex.count, by: 2).map { i -> UInt8 in
            let s = hex.index(hex.startIndex, offsetBy: i)
            return UInt8(hex[s..<hex.index(s, offsetBy: 2)], radix: 16)!
        }
        let t = try CSVTable.read(Data(bytes))
        #expect(t.header == ["项目编号", "项目名称"])
        #expect(t.rows.first?.cells == ["A1", "甲项目"])
    }

    @Test func handlesMixedLineEndingsAndQuotedNewlines() throws {
        let text = "a,b\r\n1,\"第一行\r\n第二行\"\n2,\"x,\"\"y\"\"\"\r3,z\n"
        let t = try CSVTable.read(Data(text.utf8))
        #expect(t.rows.map(\.cells) == [["1", "第一行\r\n第二行"], ["2", "x,\"y\""], ["3", "z"]])
        // Numbered by record, as a spreadsheet numbers rows, not by physical line.
        #expect(t.rows.map(\.number) == [2, 3, 4])
    }

    @Test func refusesEmptyAndBinaryFiles() {
        #expect(throws: OfficeError.empty) { try CSVTable.read(Data()) }
        #expect(throws: OfficeError.binaryNotText) { try CSVTable.read(Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x01])) }
    }

    @Test func writesWhatItReads() throws {
        let rows = [["A1", "含,逗号", "含\"引号\"", "多\n行"], ["A2", "", "3.5", "<script>"]]
        let data = CSVTable.write(header: ["h1", "h2", "h3", "h4"], rows: rows)
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        let back = try CSVTable.read(data)
        #expect(back.header == ["h1", "h2", "h3", "h4"])
        #expect(back.rows.map(\.cells) == rows)
    }
}
