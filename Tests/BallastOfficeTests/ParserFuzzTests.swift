@testable import BallastOffice
import BallastCore
import Foundation
import Testing

/// Seeded mutations, so a failing case is the same case on every run.
struct FuzzRandom {
    var generator: SplitMix64
    init(state: UInt64) { generator = SplitMix64(seed: state) }
    mutating func int(_ range: ClosedRange<Int>) -> Int { generator.int(range) }
    mutating func byte() -> UInt8 { UInt8(truncatingIfNeeded: generator.next()) }

    /// `seed` changed in one of several ways: bytes flipped, inserted, deleted, cut, or spliced
    /// with bytes that matter to parsers (quotes, brackets, line breaks, non-ASCII, NUL).
    mutating func mutate(_ seed: [UInt8]) -> [UInt8] {
        var b = seed
        let interesting: [[UInt8]] = [[0x0D, 0x0A], [0x22], [0x3C], [0x3E], [0x26], [0x3A], [0x2D, 0x2D], [0x00], [0xFF, 0xFE],
                                      [0xF2, 0x90, 0x85, 0x8A], [0x2C], [0x7B], [0x5B], Array("99999999999999999999".utf8)]
        for _ in 0..<int(1...4) {
            switch int(0...5) {
            case 0 where !b.isEmpty: b[int(0...(b.count - 1))] = byte()
            case 1: b.insert(byte(), at: int(0...b.count))
            case 2 where !b.isEmpty: b.remove(at: int(0...(b.count - 1)))
            case 3 where !b.isEmpty: b = Array(b.prefix(int(0...b.count)))
            case 4: b.insert(contentsOf: interesting[int(0...(interesting.count - 1))], at: int(0...b.count))
            default:
                if !b.isEmpty {
                    let from = int(0...(b.count - 1))
                    b.insert(contentsOf: b[from..<min(b.count, from + int(1...16))], at: int(0...b.count))
                }
            }
        }
        return b
    }
}

/// Our own parsers fed thousands of mutated inputs (issue 19). Each must answer, with a value
/// or its error, and never trap; what they do accept must satisfy their own bounds. The runs
/// are bounded by count, so CI spends a few seconds here.
@Suite struct ParserFuzzTests {
    static let iterations = 3_000

    static let multipartSeed = Array((
        "--XB\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ntoken\r\n"
        + "--XB\r\nContent-Disposition: form-data; name=\"file\"; filename=\"台账.csv\"\r\nContent-Type: text/csv\r\n\r\n项目编号,项目名称\r\nA,B\r\n"
        + "--XB--\r\n").utf8)

    @Test func multipartReaderReadsWhatBrowsersSend() throws {
        let parts = try MultipartReader.parse(Data(Self.multipartSeed), boundary: "XB")
        #expect(parts.map(\.name) == ["_csrf", "file"])
        #expect(parts[1].filename == "台账.csv" && parts[1].contentType == "text/csv")
        #expect(String(decoding: parts[1].body, as: UTF8.self) == "项目编号,项目名称\r\nA,B")
        #expect(MultipartReader.boundary(contentType: "multipart/form-data; boundary=----WebKitFormBoundaryAbC") == "----WebKitFormBoundaryAbC")
        #expect(MultipartReader.boundary(contentType: "multipart/form-data; boundary=\"a b\"") == "a b")
        #expect(MultipartReader.boundary(contentType: "multipart/form-data") == nil)
        #expect(MultipartReader.boundary(contentType: "multipart/form-data; boundary=" + String(repeating: "x", count: 71)) == nil)
    }

    @Test func multipartReaderRefusesTheCrashingPartAndOtherForgeries() {
        // The part header of issue 19 whose non-ASCII name crashed the framework's parser.
        let crash: [UInt8] = Array("--XB\r\nG".utf8) + [0xF2, 0x90, 0x85, 0x8A] + Array(": x\r\n\r\nv\r\n--XB--\r\n".utf8)
        #expect(throws: MultipartError.self) { try MultipartReader.parse(Data(crash), boundary: "XB") }
        let cases: [String] = [
            "",                                                                // no boundary at all
            "--XB\r\n\r\nv\r\n--XB--\r\n",                                     // a part without headers
            "--XB\r\nContent-Type: text/plain\r\n\r\nv\r\n--XB--\r\n",          // without Content-Disposition
            "--XB\r\nContent-Disposition: form-data\r\n\r\nv\r\n--XB--\r\n",    // without a name
            "--XB\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv",       // never closed
            "--XB\r\nX: " + String(repeating: "y", count: 9_000) + "\r\n\r\nv\r\n--XB--\r\n", // headers too long
            "--XB\r\nContent-Disposition: form-data; name=\"a\"\nX: y\r\n\r\nv\r\n--XB--\r\n", // bare line feed
        ]
        for c in cases {
            #expect(throws: MultipartError.self, "\(c.prefix(60))") { try MultipartReader.parse(Data(c.utf8), boundary: "XB") }
        }
        let many = String(repeating: "--XB\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n", count: MultipartReader.maxParts + 1) + "--XB--\r\n"
        #expect(throws: MultipartError.tooManyParts(limit: MultipartReader.maxParts)) { try MultipartReader.parse(Data(many.utf8), boundary: "XB") }
    }

    @Test func multipartReaderNeverTraps() {
        var rng = FuzzRandom(state: 19)
        var accepted = 0
        for _ in 0..<Self.iterations {
            let input = rng.mutate(Self.multipartSeed)
            if let parts = try? MultipartReader.parse(Data(input), boundary: "XB") {
                accepted += 1
                #expect(parts.count <= MultipartReader.maxParts)
                #expect(parts.allSatisfy { !$0.name.isEmpty })
            }
        }
        // Some mutations leave a valid body (a changed byte inside a value): both paths ran.
        #expect(accepted > 0 && accepted < Self.iterations)
    }

    @Test func csvReaderNeverTraps() {
        var rng = FuzzRandom(state: 2023)
        let seed = Array("\u{FEFF}项目编号,项目名称,总投资（万元）\r\nEQ-1,\"名称,含逗号\",\"1,000\"\r\nEQ-2,\"多行\n内容\",5\r\n".utf8)
        for _ in 0..<Self.iterations {
            let input = rng.mutate(seed)
            if let table = try? CSVTable.read(Data(input)) {
                #expect(table.rows.count <= TableLimits.maxRows)
                #expect(table.rows.allSatisfy { $0.cells.count <= TableLimits.maxColumns })
            }
        }
    }

    @Test func sheetScannerAndSharedStringsNeverTrap() {
        var rng = FuzzRandom(state: 360)
        let sheet = Array(#"<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>名&amp;称</t></is></c></row><row r="2"><c r="A2" s="1"><v>45000</v></c><c r="C2" t="str"><f>A1</f><v>&#x4E8C;</v></c></row></sheetData></worksheet>"#.utf8)
        let shared = Array(#"<sst><si><t>项目编号</t></si><si><r><t>富</t></r><r><t>文本</t></r><rPh><t>ふ</t></rPh></si></sst>"#.utf8)
        for _ in 0..<Self.iterations {
            let strings = SharedStringsParser.parse(Data(rng.mutate(shared)))
            var scanner = SheetScanner(data: Data(rng.mutate(sheet)), shared: strings, dateStyles: [1])
            if let rows = try? scanner.rows() {
                #expect(rows.allSatisfy { $0.cells.count <= TableLimits.maxColumns })
            }
        }
    }

    @Test func workbookReaderNeverTraps() throws {
        var rng = FuzzRandom(state: 9704)
        let seed = [UInt8](try HostileFileTests.workbook(sheet: HostileFileTests.sheet(rows: 3, cellsPerRow: 2)))
        for _ in 0..<(Self.iterations / 3) {
            _ = try? XLSXReader.read(Data(rng.mutate(seed)))
        }
    }
}
