import BallastCore
import Testing

@Suite struct LifecycleTests {
    @Test func exitIsAllowedOnlyBeforeCompletion() {
        #expect(LifecycleStage.landed.mayExit)
        #expect(LifecycleStage.underConstruction.mayExit)
        #expect(!LifecycleStage.completed.mayExit)
        #expect(!LifecycleStage.inProduction.mayMove(to: .exited))
        #expect(LifecycleStage.conceived.mayMove(to: .exited))
        #expect(!LifecycleStage.exited.mayExit)
    }

    @Test func parsesChineseAndEnglishNames() {
        #expect(LifecycleStage.parse("在建") == .underConstruction)
        #expect(LifecycleStage.parse("signed") == .signed)
        #expect(LifecycleStage.parse("施工") == nil)
    }

    @Test func languageFollowsQueryThenHeader() {
        #expect(UILanguage.negotiate(query: "en", acceptLanguage: "zh-CN") == .en)
        #expect(UILanguage.negotiate(query: nil, acceptLanguage: "en-US,en;q=0.9") == .en)
        #expect(UILanguage.negotiate(query: nil, acceptLanguage: "fr, zh-CN;q=0.8") == .zh)
        #expect(UILanguage.negotiate(query: nil, acceptLanguage: nil) == .zh)
    }
}

@Suite struct TrimmingTests {
    @Test func trimsWhitespaceAndLineBreaksAtTheEndsOnly() {
        #expect(" \t项目\n".trimmed == "项目")
        #expect("\u{3000}全角空格\u{3000}".trimmed == "全角空格")
        #expect("两行\n内容".trimmed == "两行\n内容")
        #expect("   ".trimmed == "")
        #expect("".trimmed == "")
    }
}
