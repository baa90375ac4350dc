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
