import BallastCore
import BallastStore
import Foundation
import Plot

/// The enterprise fields of the register and edit forms.
enum EnterpriseFields {
    static func nodes(_ b: EnterprisesController.Body?, lang: UILanguage) -> Node<HTML.FormContext> {
        func field(_ name: String, _ label: String, _ value: String?, size: Int = 16) -> Node<HTML.FormContext> {
            FormField.inline(name, label, value, size: size)
        }
        return .group(
            field("name", EnterpriseText.name.text(lang), b?.name, size: 24),
            field("creditCode", EnterpriseText.creditCode.text(lang), b?.creditCode, size: 20),
            field("industry", EnterpriseText.industry.text(lang), b?.industry),
            field("address", EnterpriseText.address.text(lang), b?.address, size: 24),
            field("contactName", EnterpriseText.contact.text(lang), b?.contactName, size: 8),
            field("contactPhone", EnterpriseText.phone.text(lang), b?.contactPhone, size: 12),
            field("serviceOfficial", EnterpriseText.serviceOfficial.text(lang), b?.serviceOfficial, size: 8),
            .label(.input(.type(.checkbox), .name("aboveScale"), .checked(b?.aboveScale == true)), .text(EnterpriseText.aboveScaleCheckbox.text(lang))),
            .label(.input(.type(.checkbox), .name("confirmDuplicateName")),
                   .text(EnterpriseText.differentSameName.text(lang))))
    }
}
