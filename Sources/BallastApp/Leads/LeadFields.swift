import BallastCore
import BallastStore
import Foundation
import Plot

/// The lead fields of the register and edit forms.
enum LeadFields {
    static func nodes(_ b: LeadsController.LeadBody?, units: [String], lang: UILanguage) -> Node<HTML.FormContext> {
        let en = lang == .en
        return .group(
            FormField.inline("title", LeadsText.leadTitle.text(lang), b?.title, size: 24),
            FormField.inline("enterprise", LeadsText.enterpriseName.text(lang), b?.enterprise, size: 20),
            FormField.inline("creditCode", LeadsText.creditCode.text(lang), b?.creditCode, size: 20),
            .label(.text(LeadsText.source.text(lang)), .select(.attribute(named: "name", value: "source"), .forEach(LeadSource.allCases) { s in
                .choice(s.rawValue, en ? s.englishName : s.rawValue, selected: b?.source == s.rawValue)
            })),
            FormField.inline("chain", LeadsText.industryChain.text(lang), b?.chain, size: 10),
            FormField.inline("intendedInvestment", LeadsText.intendedWan.text(lang), b?.intendedInvestment, size: 10),
            .label(.text(LeadsText.unit.text(lang)), .select(.attribute(named: "name", value: "unit"), .forEach(units) { u in .choice(u, u, selected: b?.unit == u) })),
            FormField.inline("collectedOn", LeadsText.collected.text(lang), b?.collectedOn, type: .date),
            FormField.inline("note", LeadsText.note.text(lang), b?.note, size: 20))
    }
}
