import BallastCore
import BallastStore
import Foundation
import Plot

/// 公文格式: how the district's documents are headed and closed — the issuing office, each 文件
/// kind's 机关代字, the 抄送 line, the printing office — with the 发文字号 each code makes.
struct DocumentStylePage {
    var style: DocumentStyle
    var version: Int
    var notice: PageNotice?
    var lang: UILanguage

    func render() -> String {
        let en = lang == .en
        let year = 2023
        return Layout.page(title: CadenceText.documentStyle.text(lang), lang: lang, section: .documents, path: Site.documentStyle.link,
            .h1(.text(CadenceText.documentStyle.text(lang))),
            .p(.class("muted"), .text(en ? "The head and foot of every issued document, as GB/T 9704 sets them out (docs/DOCUMENTS.md). A change applies to drafts and to documents issued from now on; an issued document keeps the style it was issued under."
                                         : "每份印发文件的版头和版记，按 GB/T 9704 编排。修改后，草稿和此后印发的文件按新格式生成；已印发的文件保持印发时的格式。")),
            Layout.notice(notice),
            .form(.class("card"), .method(.post), .action(attr(Layout.link(Site.documentStyle.link, lang))), .csrf(),
                .input(.type(.hidden), .name("version"), .value(String(version))),
                .div(.class("options"),
                    .label(.text(en ? "Issuing office" : "发文机关"),
                           .input(.type(.text), .name("office"), .value(attr(style.office)), .attribute(named: "maxlength", value: "40"), .attribute(named: "size", value: "32"))),
                    .label(.text(en ? "Printing office" : "印发机关"),
                           .input(.type(.text), .name("printer"), .value(attr(style.printer)), .attribute(named: "maxlength", value: "40"), .attribute(named: "size", value: "32")))),
                .div(.class("options"),
                    .forEach(DocumentStyles.fileKinds) { kind in
                        // The example number is Chinese: shown on the Chinese page only.
                        .label(.text(en ? kind.englishName + " code" : kind.chineseName + "机关代字（如 " + style.number(kind: kind, year: year, sequence: 5) + "）"),
                               .input(.type(.text), .name("code_\(kind.rawValue)"), .value(attr(style.codes[kind.rawValue] ?? "")),
                                      .attribute(named: "maxlength", value: "12")))
                    }),
                .div(.class("options"),
                    .label(.class("full"), .text(en ? "Copied to (the closing full stop is added)" : "抄送机关（末尾不加句号）"),
                           .textarea(.name("copyTo"), .attribute(named: "rows", value: "2"), .attribute(named: "cols", value: "60"),
                                     .attribute(named: "maxlength", value: "200"), .text(style.copyTo)))),
                .button(.type(.submit), .text(en ? "Save the document style" : "保存公文格式"))))
    }
}
