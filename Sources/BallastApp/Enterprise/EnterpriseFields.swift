import BallastCore
import BallastStore
import Foundation
import Plot

/// The enterprise fields of the register and edit forms.
enum EnterpriseFields {
    static func nodes(_ b: EnterprisesController.Body?, lang: UILanguage) -> Node<HTML.FormContext> {
        let en = lang == .en
        func field(_ name: String, _ label: String, _ value: String?, size: Int = 16) -> Node<HTML.FormContext> {
            FormField.inline(name, label, value, size: size)
        }
        return .group(
            field("name", en ? "Name" : "企业名称", b?.name, size: 24),
            field("creditCode", en ? "Credit code" : "统一社会信用代码", b?.creditCode, size: 20),
            field("industry", en ? "Industry" : "所属行业", b?.industry),
            field("address", en ? "Address" : "地址", b?.address, size: 24),
            field("contactName", en ? "Contact" : "联系人", b?.contactName, size: 8),
            field("contactPhone", en ? "Phone" : "联系电话", b?.contactPhone, size: 12),
            field("serviceOfficial", en ? "Service official" : "服务专员", b?.serviceOfficial, size: 8),
            .label(.input(.type(.checkbox), .name("aboveScale"), .checked(b?.aboveScale == true)), .text(en ? " 四上 enterprise" : " 四上企业")),
            .label(.input(.type(.checkbox), .name("confirmDuplicateName")),
                   .text(en ? " a different enterprise with the same name" : " 确认与同名企业不是同一家")))
    }
}
