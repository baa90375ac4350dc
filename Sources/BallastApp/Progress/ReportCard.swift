import BallastCore
import BallastStore
import Foundation
import Plot

/// One project's month as the unit's clerk fills it, first on a phone: the figures to weigh it
/// against (plan, year to date before, last month), then one form with the amount (numeric
/// keyboard), 形象进度 and a photo, saved together. Enter saves the draft, the form's first
/// button and what it says. A refused save comes back with the message at its field and what
/// was typed still in the boxes.
struct ReportCard {
    /// What a refused save left: the field to blame, why, and what was typed.
    struct Refusal: Equatable {
        var field: String
        var message: String
        var amount: String
        var progress: String
    }

    var row: MonthReportRow
    var photos: [ReportPhotos.Info]
    var open: Bool
    var refusal: Refusal?
    var monthText: String
    /// The queue's address (filters), for the form's action.
    var here: String
    var lang: UILanguage

    var editable: Bool { row.status == nil || row.status == .draft || row.status == .returned }

    func wan(_ m: Money?) -> String { m.map { $0.wanText + " " + ProgressText.wan.text(lang) } ?? "—" }

    var node: Node<HTML.BodyContext> {
        let t = { (m: ProgressText) in m.text(self.lang) }
        let status = row.status.map { lang == .en ? $0.rawValue : $0.chineseName } ?? t(.notReported)
        return .element(named: "article", nodes: [
            .class("report-card" + (refusal != nil ? " refused" : "")), .id("r-" + row.projectID.uuidString),
            // h2: on the clerk's page the cards follow the page's h1 directly.
            .h2(.a(.href(attr(Layout.link(Site.project.link(row.projectID), lang))), .text(row.name)),
                .span(.class("muted"), .text(" " + row.code))),
            .p(.span(.class("tag status-\(row.status?.rawValue ?? "missing")"), .text(status)),
               .if(row.late, .span(.class("tag late"), .text(t(.lateTag))))),
            .unwrap(row.status == .returned ? row.returnReason : nil) { .div(.class("alert bad"), .text(ProgressText.returned($0).text(lang))) },
            .element(named: "dl", nodes: [.class("facts"),
                .element(named: "dt", nodes: [.text(t(.planWan))]), .element(named: "dd", nodes: [.text(wan(row.annualPlan))]),
                .element(named: "dt", nodes: [.text(t(.beforeThisWan))]), .element(named: "dd", nodes: [.text(wan(row.completedBefore))]),
                .element(named: "dt", nodes: [.text(t(.lastMonthWan))]), .element(named: "dd", nodes: [.text(wan(row.lastMonth))]),
            ]),
            PhotoThumbs.node(photos, lang: lang, deletable: editable && open, month: monthText, project: row.code + " " + row.name),
            body,
        ])
    }

    var body: Node<HTML.BodyContext> {
        let t = { (m: ProgressText) in m.text(self.lang) }
        guard open else { return .p(.class("muted closed"), .text(t(.monthClosed))) }
        guard editable else {
            return .group(.p(.strong(.text(t(.thisMonthWan) + "：" + (row.amount?.wanText ?? "—")))),
                          .unwrap(row.progress) { .p(.text($0)) },
                          .p(.class("muted"), .text(t(row.status == .approved ? .approvedLocked : .submittedWaiting))))
        }
        let amountID = "amount-" + row.projectID.uuidString, progressID = "progress-" + row.projectID.uuidString
        let photoID = "photo-" + row.projectID.uuidString
        let amount = refusal?.amount ?? row.amount?.formatted(in: .wan) ?? ""
        let progress = refusal?.progress ?? row.progress ?? ""
        func error(_ field: String) -> Node<HTML.FormContext> {
            guard let refusal, refusal.field == field else { return .empty }
            return .p(.class("field-error"), .id("error-\(field)-\(row.projectID.uuidString)"), .attribute(named: "role", value: "alert"),
                      .text(refusal.message))
        }
        // Plot drops an attribute whose value is empty: only the field to blame is marked.
        let invalid = { (field: String) -> Attribute<HTML.InputContext> in
            .attribute(named: "aria-invalid", value: refusal?.field == field ? "true" : "")
        }
        let described = { (field: String) -> Attribute<HTML.InputContext> in
            .attribute(named: "aria-describedby", value: refusal?.field == field ? "error-\(field)-\(row.projectID.uuidString)" : "")
        }
        return .form(.class("report-form"), .method(.post), .enctype(.multipartData),
                     .action(attr(Layout.link(Site.projectReportSave.link(row.projectID, monthText) + here, lang))), .csrf(),
            .unwrap(row.version) { .input(.type(.hidden), .name("version"), .value(attr(String($0)))) },
            // A fresh key each time the card is drawn: this entry, however often it is sent, is saved once.
            .input(.type(.hidden), .name("draftKey"), .value(UUID().uuidString)),
            .div(.class("field"), .label(.for(amountID), .text(t(.amountLabel))),
                 .input(.type(.text), .name("amount"), .id(amountID), .value(attr(amount)), invalid("amount"), described("amount"),
                        .attribute(named: "inputmode", value: "decimal"), .attribute(named: "autocomplete", value: "off"),
                        .attribute(named: "enterkeyhint", value: "done")),
                 error("amount")),
            .div(.class("field"), .label(.for(progressID), .text(t(.progressLabel))),
                 .textarea(.name("progress"), .id(progressID), .attribute(named: "rows", value: "2"), .text(progress)),
                 error("progress")),
            .div(.class("field"), .label(.for(photoID), .text(t(.photoLabel))),
                 .input(.type(.file), .name("photo"), .id(photoID), .attribute(named: "accept", value: "image/jpeg,image/png"),
                        // Checked on the phone before sending (`OfflineScript`): a photo over the
                        // limit is said at once, with what was typed still in the card.
                        .attribute(named: "data-max-bytes", value: String(SitePhoto.maxBytes)),
                        .attribute(named: "data-too-large", value: t(.photoTooLarge)),
                        invalid("photo"), described("photo")),
                 .p(.class("muted"), .text(t(.photoHint))),
                 error("photo")),
            .div(.class("toolbar"),
                 .button(.type(.submit), .name("action"), .value("save"), .class("secondary"), .text(t(.saveDraft))),
                 .button(.type(.submit), .name("action"), .value("submit"), .text(t(.submitForReview)))))
    }
}
