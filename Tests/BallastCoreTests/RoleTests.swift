import BallastCore
import Testing

@Suite struct RoleTests {
    @Test func parsesEnglishAndChineseRoleLists() {
        #expect(Role.parseList("office,leader") == .success([.office, .leader]))
        #expect(Role.parseList("项目办、区领导") == .success([.office, .leader]))
        #expect(Role.parseList("office, office") == .success([.office]))
        #expect(Role.parseList("office,root") == .failure(Role.UnknownRole(name: "root")))
    }

    @Test func passwordsNeedLengthLettersAndDigits() {
        #expect(PasswordPolicy.problem(with: "abcde1234", username: "wang") != nil)      // 9: one short
        #expect(PasswordPolicy.problem(with: "abcde12345", username: "wang") == nil)     // exactly 10
        #expect(PasswordPolicy.problem(with: "abcdefghijk", username: "wang") != nil)    // no digit
        #expect(PasswordPolicy.problem(with: "12345678901", username: "wang") != nil)    // no letter
        #expect(PasswordPolicy.problem(with: "Wang2023abcd", username: "wang") != nil)   // contains the name
        #expect(PasswordPolicy.problem(with: "项目办公室2023年", username: "li") == nil)   // letters need not be Latin
    }
}
