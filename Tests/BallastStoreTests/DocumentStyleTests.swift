import BallastCore
import BallastStore
import Testing

/// The district's document style (issue 25): 发文字号 as GB/T 9704 7.2.4 writes them, one 代字
/// per kind so two kinds never issue the same number.
@Suite struct DocumentStyleTests {
    @Test func numbersAreWrittenAsTheStandardWritesThem() {
        let style = DocumentStyle.defaults(districtName: "二七区")
        #expect(style.office == "二七区重点项目建设领导小组办公室")
        #expect(style.number(kind: .unitRanking, year: 2023, sequence: 5) == "二七重点办排〔2023〕5号")
        #expect(style.number(kind: .quarterlyAssessment, year: 2023, sequence: 5) == "二七重点办考〔2023〕5号")
        #expect(style.number(kind: .annualEvaluation, year: 2023, sequence: 1) == "二七重点办评〔2023〕1号")
        let codes = [DocumentKind.unitRanking, .quarterlyAssessment, .annualEvaluation].map { style.codes[$0.rawValue] }
        #expect(Set(codes).count == 3 && codes.allSatisfy { $0 != nil })
        #expect(DocumentStyle.defaults(districtName: "中牟县").codes[DocumentKind.unitRanking.rawValue] == "中牟重点办排")
    }
}
