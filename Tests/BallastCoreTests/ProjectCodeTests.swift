import BallastCore
import Testing

/// 项目代码 (GB/T 40058-2021): the shape `####-######-##-##-######`, the division within the
/// district's city, and the messages a clerk reads for the usual mistakes.
@Suite struct ProjectCodeTests {
    @Test func aWellFormedCodeOfTheCityIsAcceptedAndUpperCased() {
        #expect(ProjectCode.validate("2023-410103-47-03-012345", division: "410103") == .success("2023-410103-47-03-012345"))
        // Another district of 郑州 (410100 the city, 410105 金水区): the same city.
        #expect(ProjectCode.validate("2021-410105-48-01-00042x", division: "410103") == .success("2021-410105-48-01-00042X"))
        #expect(ProjectCode.validate(" 2019-410100-70-02-12345A ", division: "410103") == .success("2019-410100-70-02-12345A"))
        // Without the district's division only the shape is checked.
        #expect(ProjectCode.validate("2020-110105-47-03-012345", division: nil) == .success("2020-110105-47-03-012345"))
    }

    @Test func theUsualMistakesAreNamed() {
        // 23 characters: one missing from the last group.
        #expect(ProjectCode.validate("2023-410103-47-03-01234", division: "410103") == .failure(.wrongLength(23)))
        // Another province's division.
        #expect(ProjectCode.validate("2023-110105-47-03-012345", division: "410103") == .failure(.divisionOutsideCity(division: "110105", city: "4101")))
        // A full-width hyphen typed with a Chinese input method, at character 5.
        #expect(ProjectCode.validate("2023－410103-47-03-012345", division: "410103") == .failure(.fullWidthHyphen(position: 5, found: "－")))
        #expect(ProjectCode.validate("2023_410103-47-03-012345", division: nil) == .failure(.wrongCharacter(position: 5, found: "_", expected: .hyphen)))
        #expect(ProjectCode.validate("2023-41O103-47-03-012345", division: nil) == .failure(.wrongCharacter(position: 8, found: "O", expected: .digit)))
        #expect(ProjectCode.validate("2023-410103-47-03-01234!", division: nil) == .failure(.wrongCharacter(position: 24, found: "!", expected: .letterOrDigit)))
        #expect(ProjectCode.validate("1899-410103-47-03-012345", division: nil) == .failure(.implausibleYear("1899")))
        let m = ProjectCode.Problem.wrongLength(23).message
        #expect(m.zh.contains("24位") && m.zh.contains("23位") && m.en.contains("not 23"))
        #expect(ProjectCode.Problem.divisionOutsideCity(division: "110105", city: "4101").message.zh.contains("不属于本市（应以 4101 开头）"))
    }

    @Test func aDivisionCodeIsSixDigits() {
        #expect(ProjectCode.checkDivision("410103") == .success("410103"))
        if case .failure(let p) = ProjectCode.checkDivision("41010") { #expect(p.field == "divisionCode" && p.message.zh.contains("6位数字")) } else { Issue.record("accepted 41010") }
        if case .success = ProjectCode.checkDivision("4101０3") { Issue.record("accepted a full-width digit") }
        for nonsense in ["000000", "990101", "410003"] {
            if case .success = ProjectCode.checkDivision(nonsense) { Issue.record("accepted \(nonsense)") }
        }
    }

    @Test func oneCodeOnTwoProjectsAndTwoCodesForOneNameAreFlaggedOnBoth() {
        let entries: [ProjectCodeFlags.Entry] = [
            .init(ledgerCode: "A", name: "郑州南站", projectCode: "2023-410103-47-03-000001"),
            .init(ledgerCode: "B", name: "二七广场改造", projectCode: "2023-410103-47-03-000001"),
            .init(ledgerCode: "C", name: "郑州南站", projectCode: "2022-410103-47-03-000009"),
            .init(ledgerCode: "D", name: "樱桃沟", projectCode: "2022-410103-47-03-000002"),
            .init(ledgerCode: "E", name: "樱桃沟", projectCode: nil),
        ]
        let flags = ProjectCodeFlags.flags(entries)
        #expect(flags["A"] == [.codeShared(with: ["B"]), .nameUnderOtherCodes(["2022-410103-47-03-000009"])])
        #expect(flags["B"] == [.codeShared(with: ["A"])])
        #expect(flags["C"] == [.nameUnderOtherCodes(["2023-410103-47-03-000001"])])
        // A project without a code, or alone with its code, is not flagged.
        #expect(flags["D"] == nil && flags["E"] == nil)
        #expect(ProjectCodeFlags.Flag.codeShared(with: ["B"]).message.zh == "一码多项：与 B 使用同一项目代码")
    }
}
