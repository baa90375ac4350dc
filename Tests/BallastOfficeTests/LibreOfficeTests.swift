import BallastCore
import BallastOffice
import Foundation
import Testing

/// Our .xlsx as another office suite reads it: LibreOffice converts it to CSV and the records
/// must come back exactly. CI installs LibreOffice; on a machine without it this suite does not run.
@Suite(.enabled(if: LibreOffice.path != nil, "needs libreoffice on PATH (apt-get install libreoffice-calc-nogui)"))
struct LibreOfficeTests {
    @Test func libreOfficeReadsOurWorkbookExactly() throws {
        let records = [
            LedgerRecord(row: 2, code: "0012", name: "华润科技文化智慧城", category: "产业转型发展", level: "省重点", nature: .continuing,
                         zone: "嵩山路科创产业发展轴", unit: "二七新区管委会", stage: .underConstruction,
                         totalInvestment: Money(yuan: 12_000_012_345), annualPlan: .wan(150_000),
                         plannedStart: CalendarDate(year: 2021, month: 3, day: 1), plannedEnd: CalendarDate(year: 2026, month: 12, day: 31),
                         longitude: 113.621234, latitude: 34.712345, content: "含“引号”, 逗号"),
            LedgerRecord(row: 3, code: "EQ-2", name: "<b>乙</b>", category: "生态环保", level: "区重点", unit: "单位",
                         stage: .conceived, totalInvestment: .yi(3)),
        ]
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let xlsx = dir.appendingPathComponent("ledger.xlsx")
        try LedgerFile.write(records, format: .xlsx, sheetName: "台账").write(to: xlsx)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: LibreOffice.path!)
        // 44,34,76: comma, double quote, UTF-8.
        process.arguments = ["--headless", "-env:UserInstallation=file://\(dir.path)/profile",
                             "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir.path, xlsx.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        let csv = try Data(contentsOf: dir.appendingPathComponent("ledger.csv"))
        let outcome = LedgerValidator(knownLevels: ["省重点", "区重点"]).validate(try CSVTable.read(csv))
        #expect(outcome.issues.isEmpty)
        #expect(outcome.records == records)
    }
}

enum LibreOffice {
    static let path: String? = {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return dirs.map { "\($0)/libreoffice" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()
}

/// Our .docx as LibreOffice reads it: converted to plain text, every block's words come back in order.
@Suite(.enabled(if: LibreOffice.path != nil, "needs libreoffice on PATH"))
struct LibreOfficeDocxTests {
    @Test func libreOfficeReadsOurDocument() throws {
        let blocks: [DocxBlock] = [.title("重点项目督办催办单"), .centered("二七督〔2023〕第15号"), .plain("区住房城乡建设局："),
                                   .paragraph("你单位牵头的“<施工临电>未接入”问题已逾期 & 未办结。"),
                                   .table(header: ["事项", "原定时限", "新时限"], rows: [["施工临电未接入", "2023-06-20", "2023-07-07"]]),
                                   .right("二七区重点项目建设领导小组办公室"), .pageBreak, .heading("一、附件")]
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let docx = dir.appendingPathComponent("notice.docx")
        try DocxWriter.write(blocks).write(to: docx)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: LibreOffice.path!)
        process.arguments = ["--headless", "-env:UserInstallation=file://\(dir.path)/profile", "--convert-to", "txt:Text (encoded):UTF8",
                             "--outdir", dir.path, docx.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let text = try String(contentsOf: dir.appendingPathComponent("notice.txt"), encoding: .utf8)
        let words = ["重点项目督办催办单", "二七督〔2023〕第15号", "区住房城乡建设局：", "你单位牵头的“<施工临电>未接入”问题已逾期 & 未办结。",
                     "原定时限", "2023-07-07", "二七区重点项目建设领导小组办公室", "一、附件"]
        var rest = Substring(text)
        for w in words {
            guard let r = rest.range(of: w) else { Issue.record("missing or out of order: \(w)"); break }
            rest = rest[r.upperBound...]
        }
    }
}
