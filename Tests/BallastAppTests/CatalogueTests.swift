@testable import BallastApp
import BallastCore
import Foundation
import Testing

/// A feature's text catalogue: every entry has both languages, and the English is English.
@Suite struct CatalogueTests {
    /// Office terms that stay in Chinese inside English text, because they are names.
    static let chineseNames = ["三个一批", "四库", "万人助万企", "万元", "亿元", "督查通报", "催办单"]

    /// Whether `text` still holds a CJK ideograph once the allowed names are taken out.
    static func hasChinese(_ text: String) -> Bool {
        let stripped = chineseNames.reduce(text) { $0.replacingOccurrences(of: $1, with: "") }
        return stripped.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    /// Every entry of the catalogue has both languages and its English is English; `atLeast`
    /// keeps the check from passing on an empty (or nearly empty) catalogue.
    func check<C: UIText.Catalogue>(_ type: C.Type, atLeast n: Int) {
        #expect(C.allCases.count >= n, "\(C.self) has \(C.allCases.count) entries, expected at least \(n)")
        for entry in C.allCases {
            let m = entry.message
            #expect(!m.zh.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(C.self).\(entry) has no Chinese")
            #expect(!m.en.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(C.self).\(entry) has no English")
            #expect(!Self.hasChinese(m.en), "\(C.self).\(entry)'s English has Chinese in it: \(m.en)")
            #expect(entry.text(.zh) == m.zh && entry.text(.en) == m.en)
        }
    }

    @Test func everySupervisionTextHasBothLanguagesAndTheEnglishIsEnglish() {
        check(SupervisionText.self, atLeast: 100)
    }

    @Test func everyWorkTextHasBothLanguagesAndTheEnglishIsEnglish() {
        check(WorkText.self, atLeast: 10)
    }

    @Test func everyImportTextHasBothLanguagesAndTheEnglishIsEnglish() {
        check(ImportText.self, atLeast: 25)
    }

    @Test func everyLeadsTextHasBothLanguagesAndTheEnglishIsEnglish() {
        check(LeadsText.self, atLeast: 50)
    }

    @Test func everyEnterpriseTextHasBothLanguagesAndTheEnglishIsEnglish() {
        check(EnterpriseText.self, atLeast: 35)
    }

    @Test func everyCampaignTextHasBothLanguagesAndTheEnglishIsEnglish() {
        check(CampaignText.self, atLeast: 25)
    }

    @Test func everyProgressTextHasBothLanguagesAndTheEnglishIsEnglish() {
        check(ProgressText.self, atLeast: 50)
    }

    @Test func everyPipelineTextHasBothLanguagesAndTheEnglishIsEnglish() {
        check(PipelineText.self, atLeast: 30)
    }

    @Test func everyCadenceTextHasBothLanguagesAndTheEnglishIsEnglish() {
        check(CadenceText.self, atLeast: 50)
    }

    @Test func everyAdminTextHasBothLanguagesAndTheEnglishIsEnglish() {
        check(AdminText.self, atLeast: 45)
    }

    @Test func everyLedgerTextHasBothLanguagesAndTheEnglishIsEnglish() {
        check(LedgerText.self, atLeast: 40)
    }

    @Test func everyDashboardTextHasBothLanguagesAndTheEnglishIsEnglish() {
        check(DashboardText.self, atLeast: 80)
    }

    @Test func everyAccountTextHasBothLanguagesAndTheEnglishIsEnglish() {
        check(AccountText.self, atLeast: 10)
    }

    @Test func theCheckCatchesChineseButAllowsTheOfficesNames() {
        #expect(Self.hasChinese("Decisions (会议议定事项)"))
        #expect(!Self.hasChinese("Reminder notices (催办单)"))
        #expect(!Self.hasChinese("Total (万元)"))
    }
}
