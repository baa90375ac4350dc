import BallastCore
import BallastStore
import Plot

/// Site photos as thumbnails: the browser scales the stored photo into a fixed 160×120 box
/// (object-fit), lazily, and a click opens the full photo. Each carries a stamp over its foot,
/// like the watermark officials' camera apps print: the project, the time the camera recorded,
/// the distance from the site and the verdict (`PhotoVerdict`), so a reviewer reads them beside
/// the figure. The stamp is drawn by the page over the image; the stored photo is untouched.
enum PhotoThumbs {
    static func node(_ photos: [ReportPhotos.Info], lang: UILanguage, deletable: Bool = false, month: String = "",
                     project: String? = nil) -> Node<HTML.BodyContext> {
        return .div(.class("thumbs"), .forEach(photos) { ph in
            .div(.class("thumb"),
                .a(.href(attr(Site.API.photo.link(ph.id))), .target(.blank),
                   .img(.src(attr(Site.API.photo.link(ph.id))), .alt(attr(ProgressText.photoAlt(month: ph.month).text(lang))),
                        .attribute(named: "loading", value: "lazy"), .attribute(named: "width", value: "160"),
                        .attribute(named: "height", value: "120")),
                   stamp(ph, project: project, lang: lang)),
                .unwrap(ph.judged) { v in
                    .div(.span(.class("tag verdict-\(v.kind.rawValue)"), .text(v.message().text(lang))))
                },
                .div(.class("muted"), .text(ProgressText.photoCaption(month: ph.month, width: ph.width, height: ph.height).text(lang))),
                .if(deletable, ConfirmStep(label: ProgressText.removePhoto.text(lang) + "…",
                                           consequence: ProgressText.removePhotoConsequence.text(lang),
                                           confirm: ProgressText.confirmRemovePhoto.text(lang),
                                           action: Layout.link(Site.photoDelete.link(ph.id) + "?month=\(month)", lang), danger: true).node))
        })
    }

    /// The stamp's lines: project, time taken (or that the camera did not say), distance, verdict.
    static func stamp(_ ph: ReportPhotos.Info, project: String?, lang: UILanguage) -> Node<HTML.AnchorContext> {
        guard let v = ph.judged else { return .empty }
        let en = lang == .en
        let taken = ph.takenAt.map { String($0.prefix(16)).replacingOccurrences(of: "T", with: " ") } ?? (en ? "no time taken" : "无拍摄时间")
        let distance = v.distanceMeters.map { (en ? "" : "距项目 ") + PhotoVerdict.distanceText($0, english: en) + (en ? " from the site" : "") }
            ?? (en ? "no location" : "无定位")
        return .span(.class("stamp verdict-\(v.kind.rawValue)"), .attribute(named: "aria-hidden", value: "true"),
                     .unwrap(project) { .span(.class("stamp-line"), .text($0)) },
                     .span(.class("stamp-line"), .text(taken)),
                     .span(.class("stamp-line"), .text(distance + " · " + (en ? v.kind.englishName : v.kind.chineseName))))
    }

    /// "照片：现场 2 · 位置不符 1", nil without judged photos.
    static func verdictSummary(_ photos: [ReportPhotos.Info], lang: UILanguage) -> String? {
        let kinds = photos.compactMap(\.verdict)
        guard !kinds.isEmpty else { return nil }
        let en = lang == .en
        let parts = PhotoVerdict.Kind.allCases.compactMap { k -> String? in
            let n = kinds.filter { $0 == k }.count
            return n == 0 ? nil : (en ? k.englishName : k.chineseName) + " \(n)"
        }
        return (en ? "Photos: " : "照片：") + parts.joined(separator: " · ")
    }
}
