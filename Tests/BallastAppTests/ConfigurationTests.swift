import BallastStore
import BallastApp
import BallastTestSupport
import VaporTesting
import Foundation
import Testing

@Suite struct ConfigurationTests {
    @Test func databaseURLsParse() throws {
        #expect(try DatabaseLocation.parse("sqlite:ballast.sqlite") == .sqliteFile("ballast.sqlite"))
        #expect(try DatabaseLocation.parse("sqlite::memory:") == .sqliteMemory)
        let pg = try DatabaseLocation.parse("postgres://u:p@127.0.0.1:5432/db?sslmode=disable&schema=s1")
        #expect(pg == .postgres(URL(string: "postgres://u:p@127.0.0.1:5432/db?sslmode=disable")!, schema: "s1"))
    }

    @Test func wrongURLsFailWithTheReason() {
        let cases = ["mysql://x", "", "sqlite:", "postgres://host-only", "postgres://u@h:5432/", "sqlite:/no/such/dir/x.sqlite",
                     "postgres://u:p@h/db?schema=a;drop"]
        for raw in cases {
            #expect(throws: DatabaseLocation.Invalid.self, "\(raw)") { try DatabaseLocation.parse(raw) }
        }
        #expect(throws: DatabaseLocation.Invalid.self) { try DatabaseLocation.resolve(flag: nil, environment: ["DATABASE_URL": "oracle://x"]) }
    }

    @Test func flagWinsOverEnvironmentOverDefault() throws {
        #expect(try DatabaseLocation.resolve(flag: "sqlite:a.sqlite", environment: ["DATABASE_URL": "sqlite:b.sqlite"]) == .sqliteFile("a.sqlite"))
        #expect(try DatabaseLocation.resolve(flag: nil, environment: ["DATABASE_URL": "sqlite:b.sqlite"]) == .sqliteFile("b.sqlite"))
        #expect(try DatabaseLocation.resolve(flag: nil, environment: [:]) == .sqliteFile("ballast.sqlite"))
    }

    @Test func launchOptionsAreTakenOutOfTheCommandLine() {
        let o = LaunchOptions.parse(["ballast", "serve", "--demo", "--database", "sqlite:x.sqlite", "--port", "9000"])
        #expect(o.demo && o.database == "sqlite:x.sqlite")
        #expect(o.remaining == ["ballast", "serve", "--port", "9000"])
        let i = LaunchOptions.parse(["ballast", "import", "ledger", "f.csv", "--database=sqlite:y.sqlite", "--demo"])
        #expect(!i.demo && i.database == "sqlite:y.sqlite")
        #expect(i.remaining == ["ballast", "import", "ledger", "f.csv", "--demo"])
    }
}

@Suite struct QueryParametersTests {
    @Test func decodesPercentAndFormSpaces() async throws {
        try await TestDatabase.withApp(demo: true) { app in
            // A GET form sends "华润 科技" as 华润+科技; the list must search for the space.
            try await app.as(.viewer).test(.GET, "api/v1/projects?year=2023&q=%E5%8D%8E%E6%B6%A6&perPage=5") { res in
                #expect(res.body.string.contains("华润科技文化智慧城"))
            }
            try await app.as(.viewer).test(.GET, "api/v1/projects?year=2023&q=%E5%8D%8E%E6%B6%A6+X") { res in
                #expect(res.body.string.contains("\"total\":0"))
            }
        }
    }
}
