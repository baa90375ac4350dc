import BallastCore
import BallastStore
import Plot

/// Site photos as thumbnails: the browser scales the stored photo into a fixed 160×120 box
/// (object-fit), lazily, and a click opens the full photo.
enum PhotoThumbs {
    static func node(_ photos: [ReportPhotos.Info], lang: UILanguage, deletable: Bool = false, month: String = "") -> Node<HTML.BodyContext> {
        let en = lang == .en
        return .div(.class("thumbs"), .forEach(photos) { ph in
            .div(.class("thumb"),
                .a(.href(attr(Site.API.photo.link(ph.id))), .target(.blank),
                   .img(.src(attr(Site.API.photo.link(ph.id))), .alt(attr(en ? "Site photo, month \(ph.month)" : "\(ph.month)月现场照片")),
                        .attribute(named: "loading", value: "lazy"), .attribute(named: "width", value: "160"),
                        .attribute(named: "height", value: "120"))),
                .div(.class("muted"), .text(en ? "Month \(ph.month) · \(ph.width)×\(ph.height)" : "\(ph.month)月 · \(ph.width)×\(ph.height)")),
                .if(deletable, .form(.method(.post), .action(attr(Layout.link(Site.photoDelete.link(ph.id) + "?month=\(month)", lang))), .csrf(),
                    .button(.type(.submit), .class("secondary"), .text(en ? "Remove" : "删除")))))
        })
    }
}
