import BallastCore
import Testing

@Suite struct EnterpriseRecordTests {
    static func code(_ body: String) -> String { body + String(CreditCode.checkCharacter(for: body)!) }

    func validate(name: String? = "郑州宇通科技有限公司", creditCode: String? = nil, phone: String? = nil) -> Result<EnterpriseRecord, EnterpriseRecord.Invalid> {
        EnterpriseRecord.validate(name: name, creditCode: creditCode, industry: " 电子商务 ", address: nil, aboveScale: true,
                                  contactName: nil, contactPhone: phone, serviceOfficial: nil)
    }

    @Test func acceptsATrimmedRecordWithAValidCode() throws {
        let code = Self.code("91410100MA44ABCD1")
        let r = try validate(creditCode: " " + code.lowercased() + " ", phone: "0371-6688 1234").get()
        #expect(r.creditCode == code)
        #expect(r.industry == "电子商务")
        #expect(r.contactPhone == "0371-6688 1234")
        #expect(r.aboveScale)
    }

    @Test func namesEveryFaultyField() {
        let body = "91410100MA44ABCD1"
        let good = CreditCode.checkCharacter(for: body)!
        let wrong = CreditCode.alphabet.first { $0 != good }!
        guard case .failure(let invalid) = validate(name: "  ", creditCode: body + String(wrong), phone: "电话") else {
            Issue.record("expected a refusal"); return
        }
        #expect(invalid.issues.map(\.field) == ["name", "creditCode", "contactPhone"])
        #expect(invalid.issues[1].message.zh == "统一社会信用代码校验位错误（应为“\(good)”，实为“\(wrong)”）")
        guard case .failure(let short) = validate(creditCode: "9141") else { Issue.record("expected a refusal"); return }
        #expect(short.issues.first?.message.zh == "统一社会信用代码应为18位，实为4位")
        let long = String(repeating: "企", count: 101)
        guard case .failure(let tooLong) = validate(name: long) else { Issue.record("expected a refusal"); return }
        #expect(tooLong.issues.first?.field == "name")
    }

    @Test func namesAreComparedWithoutSpacesWidthOrCase() {
        #expect(EnterpriseName.key("郑州宇通科技 有限公司") == EnterpriseName.key("郑州宇通科技有限公司"))
        #expect(EnterpriseName.key("（郑州）ＡＢＣ科技") == EnterpriseName.key("(郑州)abc科技"))
        #expect(EnterpriseName.key("郑州宇通科技有限公司") != EnterpriseName.key("郑州宇通客车有限公司"))
    }
}
