import BallastCore
import Testing

@Suite struct PoolMoveTests {
    let today = CalendarDate(year: 2023, month: 6, day: 30)!
    let reasons = PoolMove.defaultExitReasons

    func check(_ from: LifecycleStage, _ to: LifecycleStage, _ e: PoolMove.Evidence = .init(), office: Bool = false,
               on: CalendarDate? = nil) -> [String] {
        PoolMove.check(from: from, to: to, evidence: e, on: on ?? today, today: today, office: office, exitReasons: reasons).map(\.field)
    }

    @Test func eachStepAsksForItsEvidence() {
        #expect(check(.conceived, .attracting) == ["investor"])
        #expect(check(.conceived, .attracting, .init(investor: "郑州宇通科技有限公司")) == [])
        #expect(check(.attracting, .signed, .init(investor: "宇通")) == ["signedOn", "contractAmount"])
        #expect(check(.attracting, .signed, .init(investor: "宇通", signedOn: today, contractAmount: .wan(0))) == ["contractAmount"])
        #expect(check(.attracting, .signed, .init(investor: "宇通", signedOn: today.adding(days: 1), contractAmount: .wan(5000))) == ["signedOn"])
        #expect(check(.attracting, .signed, .init(investor: "宇通", signedOn: today, contractAmount: .wan(5000))) == [])
        #expect(check(.signed, .landed, .init(registeredCompany: "郑州宇通二七有限公司")) == ["site", "plannedStart"])
        #expect(check(.signed, .landed, .init(registeredCompany: "某公司", site: "马寨工业园 3 号地块", plannedStart: today)) == [])
    }

    @Test func skippingAndMovingBackAreTheOfficesOnly() {
        let signing = PoolMove.Evidence(investor: "宇通", signedOn: today, contractAmount: .wan(100))
        let skip = PoolMove.check(from: .conceived, to: .signed, evidence: signing, on: today, today: today, office: false, exitReasons: reasons)
        #expect(skip.map(\.field) == ["to"])
        #expect(skip.first?.officeMay == true)
        #expect(skip.first?.message.zh == "不能跳过招引库（须由项目办操作）")
        #expect(check(.conceived, .signed, signing, office: true) == [])
        #expect(check(.signed, .attracting) == ["to"])
        #expect(check(.signed, .attracting, office: true) == [])   // back: no evidence asked
        #expect(check(.exited, .conceived) == ["to"])
        #expect(check(.exited, .conceived, office: true) == [])
        #expect(check(.signed, .signed) == ["to"])
        #expect(check(.conceived, .underConstruction, office: true) == ["to"])   // 在建 comes from the 开工 node
    }

    @Test func anExitNamesAReasonFromTheList() {
        #expect(check(.attracting, .exited) == ["exitReason"])
        #expect(check(.attracting, .exited, .init(exitReason: "不想干了")) == ["exitReason"])
        #expect(check(.attracting, .exited, .init(exitReason: "投资方变化")) == [])
        #expect(check(.underConstruction, .exited, .init(exitReason: "政策调整")) == [])
        #expect(check(.completed, .exited, .init(exitReason: "政策调整")) == ["to"])
        #expect(check(.attracting, .exited, .init(exitReason: "投资方变化"), on: today.adding(days: 1)) == ["on"])
    }
}
