import BallastCore
import BallastStore
import Foundation
import Plot

/// The lead fields of the register and edit forms.
enum LeadFields {
    static func nodes(_ b: LeadsController.LeadBody?, units: [String], lang: UILanguage) -> Node<HTML.FormContext> {
        let en = lang == .en
        return .group(
            FormField.inline("title", en ? "Lead" : "线索名称", b?.title, size: 24),
            FormField.inline("enterprise", en ? "Enterprise" : "企业名称", b?.enterprise, size: 20),
            FormField.inline("creditCode", en ? "Credit code" : "统一社会信用代码", b?.creditCode, size: 20),
            .label(.text(en ? "Source" : "来源"), .select(.attribute(named: "name", value: "source"), .forEach(LeadSource.allCases) { s in
                .option(.value(attr(s.rawValue)), .label(attr(en ? s.englishName : s.rawValue)), .isSelected(b?.source == s.rawValue))
            })),
            FormField.inline("chain", en ? "Industry chain" : "产业链", b?.chain, size: 10),
            FormField.inline("intendedInvestment", en ? "Intended (万元)" : "意向投资（万元）", b?.intendedInvestment, size: 10),
            .label(.text(en ? "Unit" : "责任单位"), .select(.attribute(named: "name", value: "unit"), .forEach(units) { u in .option(.value(attr(u)), .label(attr(u)), .isSelected(b?.unit == u)) })),
            FormField.inline("collectedOn", en ? "Collected" : "收集日期", b?.collectedOn, type: .date),
            FormField.inline("note", en ? "Note" : "备注", b?.note, size: 20))
    }
}
