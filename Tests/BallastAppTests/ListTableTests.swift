@testable import BallastApp
import BallastCore
import BallastStore
import BallastTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Every list is the same list (issue 24): how many, fifty a page, columns chosen in the
/// address, and an export that is the list as the caller sees it — scope, filters and columns.
@Suite struct ListTableTests {
    static func count(_ html: String) -> Int? {
        guard let r = html.range(of: #"共 (\d+) 条"#, options: .regularExpression) else { return nil }
        return Int(html[r].dropFirst(2).dropLast(2))
    }

    static func bodyRows(_ html: String) -> Int {
        guard let b = html.range(of: "<tbody>"), let e = html.range(of: "</tbody>", range: b.upperBound..<html.endIndex) else { return 0 }
        return html[b.upperBound..<e.lowerBound].components(separatedBy: "<tr").count - 1
    }

    static func csvLines(_ body: ByteBuffer) -> [String] {
        var text = String(decoding: Data(buffer: body), as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    @Test func aListPagesExportsAndChoosesColumnsAsSeen() async throws {
        try await TestDatabase.withApp(demo: true, demoAsOf: .yearEnd) { app in
            let office = try await app.as(.office)
            var total = 0
            var headers: [String] = []
            var firstPage = ""
            try await office.test(.GET, "/warnings?year=2023") { res in
                #expect(res.status == .ok)
                let html = res.body.string
                total = try #require(Self.count(html), "the toolbar says how many")
                headers = ListColumnsTests.headers(html)
                firstPage = html
                #expect(total > 50, "the year end lights more than a page: \(total)")
                #expect(Self.bodyRows(html) == 50)
                #expect(html.contains("第 1 / \((total + 49) / 50) 页"))
                #expect(html.contains("table-wrap sticky"), "a long list holds its header")
                #expect(html.contains("export=xlsx") && html.contains("export=csv") && html.contains("选择列"))
            }
            let pages = (total + 49) / 50
            // The last page holds the rest; a page past the end is the last; nonsense is the first.
            try await office.test(.GET, "/warnings?year=2023&page=\(pages)") { res in
                #expect(Self.bodyRows(res.body.string) == total - (pages - 1) * 50)
            }
            try await office.test(.GET, "/warnings?year=2023&page=99999999999999999999999") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("第 1 / \(pages) 页"))
            }
            try await office.test(.GET, "/warnings?year=2023&page=2000000000") { res in
                #expect(res.body.string.contains("第 \(pages) / \(pages) 页"))
            }
            #expect(firstPage != "")
            // The export: every row of every page, under the page's own headers.
            try await office.test(.GET, "/warnings?year=2023&export=csv") { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType?.description.hasPrefix("text/csv") == true)
                #expect(res.headers.first(name: .contentDisposition)?.contains("filename*=UTF-8''%E9%A2%84%E8%AD%A6%E9%A1%B9%E7%9B%AE") == true,
                        "named 预警项目: \(res.headers.first(name: .contentDisposition) ?? "")")
                let lines = Self.csvLines(res.body)
                #expect(lines.count == total + 1)
                #expect(lines.first?.components(separatedBy: ",") == headers, "\(lines.first ?? "") vs \(headers)")
                #expect(lines.dropFirst().allSatisfy { !$0.contains("<") }, "no markup in the file")
            }
            try await office.test(.GET, "/warnings?year=2023&colour=red&export=xlsx") { res in
                #expect(res.status == .ok)
                #expect(Data(buffer: res.body).prefix(2) == Data("PK".utf8))
            }
            try await office.test(.GET, "/warnings?year=2023&export=pdf") { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("导出格式"))
            }
            // Columns: the first always, then those ticked; the export follows the choice.
            try await office.test(.GET, "/warnings?year=2023&chosen=1&show=3&show=6") { res in
                #expect(ListColumnsTests.headers(res.body.string) == [headers[0], headers[3], headers[6]])
            }
            try await office.test(.GET, "/warnings?year=2023&chosen=1&show=3&export=csv") { res in
                #expect(Self.csvLines(res.body).first == "\(headers[0]),\(headers[3])")
            }
            try await office.test(.GET, "/warnings?year=2023&chosen=1") { res in
                #expect(ListColumnsTests.headers(res.body.string) == [headers[0]])
            }
            // A page with no list has nothing to export: said, not the page instead of a file.
            try await office.test(.GET, "/overview?year=2023&export=csv") { res in
                #expect(res.status == .badRequest && res.body.string.contains("没有可导出的列表"))
            }
            // A list the store pages itself (problems) is not paged again in memory.
            try await office.test(.GET, "/problems?status=all&page=1") { res in
                #expect(Self.bodyRows(res.body.string) > 0 && !res.body.string.contains("第 1 / "))
            }
            // Data leaving is audited.
            let exports = try await AuditEntryModel.query(on: app.db).filter(\.$action == "export").filter(\.$entity == "list").count()
            #expect(exports == 3)
        }
    }

    @Test func aUnitExportsOnlyWhatItSees() async throws {
        try await TestDatabase.withApp(demo: true, demoAsOf: .yearEnd) { app in
            let office = try await app.as(.office)
            let unit = try await app.as(.unit, unit: "区住房城乡建设局")
            var all = 0, own = 0
            try await office.test(.GET, "/warnings?year=2023&export=csv") { res in all = Self.csvLines(res.body).count - 1 }
            try await unit.test(.GET, "/warnings?year=2023") { res in own = Self.count(res.body.string) ?? -1 }
            try await unit.test(.GET, "/warnings?year=2023&export=csv") { res in
                let lines = Self.csvLines(res.body)
                #expect(lines.count - 1 == own)
                let unitColumn = try #require(lines.first?.components(separatedBy: ",").firstIndex(of: "责任单位"))
                #expect(lines.dropFirst().allSatisfy { $0.components(separatedBy: ",")[unitColumn] == "区住房城乡建设局" })
            }
            #expect(own > 0 && own < all, "own \(own) of \(all)")
        }
    }
}
