import BallastCore
import Plot

/// The 领导批示 button a linked 区领导 finds on a project's, a problem's and a document's page:
/// it opens the form for that record. Nothing for anyone else.
enum InstructionLink {
    static func node(_ query: KeyValuePairs<String, String?>, lang: UILanguage) -> Node<HTML.BodyContext> {
        guard PageContext.current?.isLinkedLeader == true else { return .empty }
        return .a(.class("button secondary no-print"), .href(attr(Layout.link(Site.instructionNew.link(query: query), lang))),
                  .text(InstructionText.giveHeading.text(lang)))
    }
}
