import BallastCore
import BallastStore
import Plot

/// Site photos as thumbnails: the browser scales the stored photo into a fixed 160×120 box
/// (object-fit), lazily, and a click opens the full photo.
enum PhotoThumbs {
    static func node(_ photos: [ReportPhotos.Info], lang: UILanguage, deletable: Bool = false, month: String = "") -> Node<HTML.BodyContext> {
        return .div(.class("thumbs"), .forEach(photos) { ph in
            .div(.class("thumb"),
                .a(.href(attr(Site.API.photo.link(ph.id))), .target(.blank),
                   .img(.src(attr(Site.API.photo.link(ph.id))), .alt(attr(ProgressText.photoAlt(month: ph.month).text(lang))),
                        .attribute(named: "loading", value: "lazy"), .attribute(named: "width", value: "160"),
                        .attribute(named: "height", value: "120"))),
                .div(.class("muted"), .text(ProgressText.photoCaption(month: ph.month, width: ph.width, height: ph.height).text(lang))),
                .if(deletable, ConfirmStep(label: ProgressText.removePhoto.text(lang) + "…",
                                           consequence: ProgressText.removePhotoConsequence.text(lang),
                                           confirm: ProgressText.confirmRemovePhoto.text(lang),
                                           action: Layout.link(Site.photoDelete.link(ph.id) + "?month=\(month)", lang), danger: true).node))
        })
    }
}
