@testable import BallastOffice
import BallastCore
import Foundation
import Testing
import ZIPFoundation

/// Files made to hurt (issue 19): zip bombs with forged sizes, sheets past every bound, cells
/// a spreadsheet would run as formulas. Each is refused (or neutralised) with its reason, and
/// none traps or takes memory without limit.
@Suite struct HostileFileTests {
    /// A workbook whose one sheet is `sheet`, deflated.
    static func workbook(sheet: Data) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let parts: [(String, Data)] = [
            ("xl/workbook.xml", Data(#"<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#.utf8)),
            ("xl/_rels/workbook.xml.rels", Data(#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8)),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
        for (path, d) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(d.count), compressionMethod: .deflate) { pos, size in
                d.subdata(in: Int(pos)..<Int(pos) + size)
            }
        }
        return try #require(archive.data)
    }

    /// Rewrites every stated uncompressed size (local headers and central directory) to `size`,
    /// as a zip bomb does: the sizes are the sender's word.
    static func forgeSizes(_ zip: Data, to size: UInt32) -> Data {
        var b = [UInt8](zip)
        func put(_ at: Int) {
            guard at + 4 <= b.count else { return }
            for k in 0..<4 { b[at + k] = UInt8((size >> (8 * UInt32(k))) & 0xFF) }
        }
        var i = 0
        while i + 4 <= b.count {
            if b[i] == 0x50 && b[i + 1] == 0x4B {
                if b[i + 2] == 0x03 && b[i + 3] == 0x04 { put(i + 22) }
                if b[i + 2] == 0x01 && b[i + 3] == 0x02 { put(i + 24) }
            }
            i += 1
        }
        return Data(b)
    }

    static func sheet(rows: Int, cellsPerRow: Int = 1, cell: String = "x") -> Data {
        var xml = #"<worksheet><sheetData>"#
        xml.reserveCapacity(rows * (cellsPerRow * (cell.utf8.count + 40) + 20))
        for r in 1...rows {
            xml += "<row r=\"\(r)\">"
            for _ in 0..<cellsPerRow { xml += "<c t=\"inlineStr\"><is><t>\(cell)</t></is></c>" }
            xml += "</row>"
        }
        return Data((xml + "</sheetData></worksheet>").utf8)
    }

    @Test func aSheetThatInflatesPastTheLimitIsRefusedWhateverItsHeadersSay() throws {
        // 3 MB of sheet squeezed into a few kilobytes, declared as 4 KB; the limit is 1 MB here.
        let bomb = Self.forgeSizes(try Self.workbook(sheet: Self.sheet(rows: 30_000)), to: 4_096)
        #expect(bomb.count < 200_000)
        #expect(throws: OfficeError.tooLarge(limit: 1_048_576)) { try XLSXReader.read(bomb, unpackedLimit: 1_048_576) }
        // The same file within a larger limit reads: the refusal was the count, not the forgery.
        let honest = try Self.workbook(sheet: Self.sheet(rows: 30_000))
        #expect(try XLSXReader.read(honest, unpackedLimit: 8 * 1_048_576).rows.count == 29_999)
    }

    @Test func sharedStringsAreCountedAndRefusedAsSoonAsTheyPassTheirLimit() throws {
        let eleven = Array(("<sst>" + String(repeating: "<si><t>x</t></si>", count: 11) + "</sst>").utf8)
        #expect(throws: OfficeError.tooManySharedStrings(limit: 10)) { try SharedStringsParser.parse(eleven, limit: 10) }
        #expect(try SharedStringsParser.parse(eleven, limit: 11).count == 11)
        let selfClosing = Array(("<sst>" + String(repeating: "<si/>", count: 11) + "</sst>").utf8)
        #expect(throws: OfficeError.tooManySharedStrings(limit: 10)) { try SharedStringsParser.parse(selfClosing, limit: 10) }
        #expect(XLSXReader.sharedStringsLimit == TableLimits.maxRows * 10)
    }

    @Test func rowsColumnsAndCellsAreBounded() throws {
        let tooMany = try Self.workbook(sheet: Self.sheet(rows: TableLimits.maxRows + 2))
        #expect(throws: OfficeError.tooManyRows(limit: TableLimits.maxRows)) { try XLSXReader.read(tooMany) }
        let atLimit = try Self.workbook(sheet: Self.sheet(rows: TableLimits.maxRows + 1))
        #expect(try XLSXReader.read(atLimit).rows.count == TableLimits.maxRows)

        let wide = try Self.workbook(sheet: Self.sheet(rows: 1, cellsPerRow: TableLimits.maxColumns + 1))
        #expect(throws: OfficeError.tooManyColumns(row: 1, limit: TableLimits.maxColumns)) { try XLSXReader.read(wide) }
        // A cell placed at Excel's last column does not grow the row to 16 384 cells first.
        let far = try Self.workbook(sheet: Data(#"<worksheet><sheetData><row r="1"><c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>"#.utf8))
        #expect(throws: OfficeError.tooManyColumns(row: 1, limit: TableLimits.maxColumns)) { try XLSXReader.read(far) }
        // A reference longer than any column does not overflow; the cell takes the next place.
        let forged = try Self.workbook(sheet: Data(#"<worksheet><sheetData><row r="99999999999999999999"><c r="AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>"#.utf8))
        let read = try XLSXReader.read(forged)
        #expect(read.header == ["x"])

        let long = try Self.workbook(sheet: Self.sheet(rows: 1, cell: String(repeating: "长", count: TableLimits.maxCellCharacters + 1)))
        #expect(throws: OfficeError.cellTooLong(row: 1, column: "A", limit: TableLimits.maxCellCharacters)) { try XLSXReader.read(long) }
    }

    @Test func csvIsBoundedTheSameWay() throws {
        let header = "项目编号\n"
        let rows = String(repeating: "a\n", count: TableLimits.maxRows + 1)
        #expect(throws: OfficeError.tooManyRows(limit: TableLimits.maxRows)) { try CSVTable.read(Data((header + rows).utf8)) }
        #expect(try CSVTable.read(Data((header + String(repeating: "a\n", count: TableLimits.maxRows)).utf8)).rows.count == TableLimits.maxRows)
        let wide = String(repeating: ",", count: TableLimits.maxColumns) + "\n"
        #expect(throws: OfficeError.tooManyColumns(row: 1, limit: TableLimits.maxColumns)) { try CSVTable.read(Data(wide.utf8)) }
        let long = "项目编号,项目名称\nA1," + String(repeating: "长", count: TableLimits.maxCellCharacters + 1) + "\n"
        #expect(throws: OfficeError.cellTooLong(row: 2, column: "B", limit: TableLimits.maxCellCharacters)) { try CSVTable.read(Data(long.utf8)) }
        #expect(OfficeError.cellTooLong(row: 2, column: "B", limit: 20_000).message.zh == "第2行B列超过20000个字符的上限")
    }

    @Test func formulaCellsAreWrittenAsTextAndReadBackUnchanged() throws {
        let risky = ["=HYPERLINK(\"http://evil.example\",\"点击\")", "+1+1", "-2", "@SUM(A1)", "\t=1", "\r=1", "'=kept", "正常名称", "'plain"]
        let data = CSVTable.write(header: ["项目名称"], rows: risky.map { [$0] })
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("'=HYPERLINK"))
        #expect(text.contains("'+1+1") && text.contains("'-2") && text.contains("'@SUM(A1)"))
        // Every cell a spreadsheet would run is written behind a `'`; the others as they are.
        let guarded = risky.filter { FormulaGuard.guarded($0) != $0 }
        #expect(guarded == Array(risky.prefix(7)))
        for v in guarded where !v.contains("\"") { #expect(text.contains("'" + v), "\(v)") }
        #expect(text.contains("\"'=HYPERLINK(\"\"http"))
        #expect(text.contains("''=kept") && text.contains("\r\n'plain\r\n") && text.contains("\r\n正常名称\r\n"))
        let back = try CSVTable.read(data)
        #expect(back.rows.map { $0.cells[0] } == risky)
        #expect(OfficeError.columnLetters(0) == "A" && OfficeError.columnLetters(25) == "Z" && OfficeError.columnLetters(26) == "AA"
                && OfficeError.columnLetters(16_383) == "XFD")
    }
}
