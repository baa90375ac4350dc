import BallastApp
import BallastCore
import BallastOffice
import BallastStore
import Fluent
import Foundation
import SQLKit
import Vapor

/// `ballast bench import|summary`: the measurements behind docs/PERFORMANCE.md, run against
/// whatever `--database` names. Timings use the monotonic clock; memory is the process's peak RSS.
public struct BenchCommandGroup: AsyncCommandGroup {
    public init() {}

    /// `ballast bench …` among the application's verbs.
    public static func register(on app: Application) {
        app.asyncCommands.use(BenchCommandGroup(), as: "bench")
    }

    public var help: String { "性能测量 / Benchmarks" }
    public var commands: [String: any AnyAsyncCommand] {
        ["import": BenchImportCommand(), "summary": BenchSummaryCommand(), "auth": BenchAuthCommand(),
         "warnings": BenchWarningsCommand(), "pipeline": BenchPipelineCommand(), "supervision": BenchSupervisionCommand(), "cadence": BenchCadenceCommand(),
         "dashboard": BenchDashboardCommand(), "work": BenchWorkCommand(), "pages": BenchPagesCommand(), "monday": BenchMondayCommand()]
    }
}

enum BenchSupport {
    /// Synthetic ledger rows, unlike each other enough to exercise every column.
    static func records(count: Int, prefix: String) -> [LedgerRecord] {
        let categories = ["产业转型发展", "新型城镇化", "现代基础设施", "民生和社会事业", "生态环保"]
        let levels = ["省重点", "市重点", "区重点"]
        return (0..<count).map { i in
            let plan: Money? = i % 9 == 0 ? nil : .wan(Int64(100 + i % 500))
            let stage: LifecycleStage = i % 9 == 0 ? .conceived : .underConstruction
            let start = CalendarDate(year: 2023, month: 1 + i % 12, day: 1 + i % 28)
            let end = CalendarDate(year: 2026, month: 1 + i % 12, day: 1 + i % 28)
            let longitude = 113.55 + Double(i % 100) / 1000
            let latitude = 34.6 + Double(i % 100) / 1000
            var r = LedgerRecord(row: i + 2, code: "\(prefix)-\(i)", name: "测试项目\(i)号", category: categories[i % 5],
                                 level: levels[i % 3], unit: "单位\(i % 40)", stage: stage, totalInvestment: .wan(Int64(1_000 + i % 5_000)))
            r.nature = ProjectNature.allCases[i % 3]
            r.zone = "片区\(i % 7)"
            r.leader = "领导\(i % 12)"
            r.taskForce = "专班\(i % 6)"
            r.annualPlan = plan
            r.plannedStart = start
            r.plannedEnd = end
            r.investor = "郑州测试\(i % 300)有限公司"
            r.longitude = longitude
            r.latitude = latitude
            r.content = "建设内容说明，第\(i)条"
            return r
        }
    }

    /// The bench district `code`, loaded once: later runs of the same bench reuse it and only
    /// time their queries. `load` fills a new district and says what it loaded.
    static func district(code: String, name: String, on db: any Database, console: any Console,
                         load: (UUID) async throws -> String) async throws -> UUID {
        if let existing = try await DistrictModel.query(on: db).filter(\.$code == code).first() { return try existing.requireID() }
        let district = DistrictModel(id: UUID(), code: code, name: name)
        try await district.create(on: db)
        let start = ContinuousClock.now
        let what = try await load(try district.requireID())
        // What autovacuum would have done by the time anyone looks: PostgreSQL plans from its
        // statistics, and a table loaded a moment ago has none (it then nests loops over rows it
        // believes to be one); and until a table is vacuumed its index-only scans still visit
        // every row to learn whether it is visible.
        if let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" { try await sql.raw("VACUUM ANALYZE").run() }
        console.print(String(format: "loaded %@ in %.1f s", what, seconds(start)))
        return try district.requireID()
    }

    static func seconds(_ start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    static func peakRSSMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
    }
}

struct BenchImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "rows", help: "行数 / rows (default 10000)")
        var rows: Int?
    }
    var help: String { "导入 N 行 .xlsx 台账的耗时与内存 / time and memory of an N-row .xlsx import" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let rows = signature.rows ?? 10_000
        let db = context.application.db
        let file = try LedgerFile.write(BenchSupport.records(count: rows, prefix: "B\(UUID().uuidString.prefix(6))"),
                                        format: .xlsx, sheetName: "bench")
        // Phases on their own first, to see where the time goes.
        var t = ContinuousClock.now
        let table = try LedgerFile.read(file, format: .xlsx)
        let readTime = BenchSupport.seconds(t)
        t = ContinuousClock.now
        let outcome = LedgerValidator(knownLevels: Set(ReferenceKind.defaultLevels)).validate(table)
        let validateTime = BenchSupport.seconds(t)
        t = ContinuousClock.now
        let audits = outcome.records.map { r in
            Audit.entry(districtID: nil, actor: ChangeActor(name: "bench"), action: "create", entity: "project", entityID: nil,
                        before: ProjectSnapshot?.none, after: ProjectSnapshot(r))
        }
        let auditTime = BenchSupport.seconds(t)
        context.console.print(String(format: "phases: read .xlsx %.2f s, validate %.2f s, audit entries %.2f s (%d records)",
                                     readTime, validateTime, auditTime, audits.count))
        let district = try await DistrictContext.findOrCreate(code: "bench-import", name: "基准测试", on: db)
        let service = LedgerImportService(district: district, year: 2023, strict: false, actor: ChangeActor(name: "bench"))
        let start = ContinuousClock.now
        let report = try await service.run(data: file, fileName: "bench.xlsx", on: db)
        let elapsed = BenchSupport.seconds(start)
        guard report.applied else { throw CommandFailure("bench import was refused: \(report.issues.prefix(3))") }
        context.console.print(String(format: "import: %d rows, %.1f KB xlsx, %.2f s, peak RSS %.0f MB (created %d, updated %d)",
                                     rows, Double(file.count) / 1024, elapsed, BenchSupport.peakRSSMegabytes(),
                                     report.created.count, report.updated.count))
    }
}

struct BenchSummaryCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "districts", help: "地区数 / districts (default 150)")
        var districts: Int?
        @Option(name: "projects", help: "每个地区的项目数 / projects per district (default 400)")
        var projects: Int?
        @Option(name: "runs", help: "测量次数 / timed runs (default 20)")
        var runs: Int?
    }
    var help: String { "多地区数据下年度汇总的耗时 / year summary time over many districts" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let districts = signature.districts ?? 150, perDistrict = signature.projects ?? 400, runs = signature.runs ?? 20
        let db = context.application.db
        var target: UUID?
        let existing = try await DistrictModel.query(on: db).filter(\.$code ~~ "bench-d").count()
        let loadStart = ContinuousClock.now
        for i in existing..<districts {
            let d = DistrictModel(id: UUID(), code: String(format: "bench-d%03d", i), name: "基准地区\(i)")
            try await d.create(on: db)
            let writer = LedgerWriter(districtID: d.id!, year: 2023, actor: ChangeActor(name: "bench"),
                                      today: CalendarDate(year: 2023, month: 6, day: 30)!)
            _ = try await db.writeTransaction { tx in try await writer.apply(BenchSupport.records(count: perDistrict, prefix: "D\(i)"), on: tx) }
        }
        target = try await DistrictModel.query(on: db).filter(\.$code == "bench-d000").first()?.id
        guard let target else { throw CommandFailure("no bench district") }
        let total = try await ProjectModel.query(on: db).count()
        context.console.print(String(format: "loaded in %.1f s; %d projects in the database", BenchSupport.seconds(loadStart), total))
        var times: [Double] = []
        let asOf = CalendarDate(year: 2023, month: 6, day: 30)!
        for _ in 0..<runs {
            let start = ContinuousClock.now
            _ = try await SummaryQuery.run(districtID: target, year: 2023, asOf: asOf, on: db)
            times.append(BenchSupport.seconds(start) * 1000)
        }
        times.sort()
        context.console.print(String(format: "summary of one district among %d projects: median %.1f ms, max %.1f ms over %d runs",
                                     total, times[times.count / 2], times.last!, runs))
    }
}
