import BallastCharts
import BallastCore
import BallastStore
import Foundation

/// 讲评通报 laid out: the projects ranked by their combined score (each item's mean in a
/// landscape 附件), the units ranked by their projects' mean, and how the scores were combined.
enum InspectionReviewDoc {
    static func points(_ v: Double?) -> OfficialDoc.Cell { v.map(OfficialDoc.Cell.points) ?? OfficialDoc.Cell("—") }

    static func doc(_ d: DocumentModel, _ r: InspectionResults, style: DocumentStyle) -> OfficialDoc {
        let items = r.sheet.items
        let header = ["排名", "项目", "责任单位", "得分"] + items.map { "\($0.name)\(InspectionScoring.format($0.points))" } + ["评委数"]
        let projectTable = OfficialDoc.Table(sheet: "项目得分", header: header, rows: r.projects.map { p in
            [p.rank.map(OfficialDoc.Cell.int) ?? OfficialDoc.Cell("—"), OfficialDoc.Cell(p.code + " " + p.name, link: Site.project.link(p.projectID)),
             OfficialDoc.Cell.unit(p.unit), points(p.score)]
                + items.map { points(p.itemMeans[$0.key]) } + [.int(p.reviewers)]
        })
        let best = r.projects.prefix(3).filter { $0.score != nil }.map { "\($0.name)（\(String(format: "%.2f", $0.score ?? 0)) 分）" }
        let last = r.units.last
        var sections: [OfficialDoc.Section] = [
            OfficialDoc.Section(heading: "项目得分排名", blocks: [
                .paragraph(best.isEmpty ? "本次观摩尚无项目得分。" : "得分居前的项目是：" + best.joined(separator: "、") + "。"),
                .list(projectTable, shown: r.projects.count, attachment: "各项目分项得分", bodyColumns: [0, 1, 2, 3]),
                .chart(HorizontalBarChart(id: "inspection-scores", title: "观摩项目得分", description: "各观摩项目综合得分，按排名",
                                          bars: r.projects.compactMap { p in p.score.map { .init(label: p.name, segments: [.init(value: $0, cssClass: "s0")], text: String(format: "%.2f", $0)) } },
                                          format: .count)),
            ]),
            OfficialDoc.Section(heading: "责任单位得分排名", blocks: [
                .paragraph("责任单位得分为其观摩项目得分的平均值。" + (last.map { r.units.count > 1 ? "\($0.unit)得分最低，请认真查找差距。" : "" } ?? "")),
                .table(OfficialDoc.Table(sheet: "单位得分", header: ["排名", "责任单位", "观摩项目", "平均得分"], rows: r.units.map { u in
                    [.int(u.rank), OfficialDoc.Cell.unit(u.unit), .int(u.projects), .points(u.score)]
                })),
            ]),
        ]
        let sheet = items.map { "\($0.name)\(InspectionScoring.format($0.points))分" }.joined(separator: "、")
        let drop = r.dropExtremesFrom == 0 ? "各评委得分取平均值" : "评委 \(r.dropExtremesFrom) 人及以上的项目去掉一个最高分和一个最低分后取平均值，不足 \(r.dropExtremesFrom) 人的取平均值"
        let full = InspectionScoring.format(r.sheet.fullPoints)
        let names = r.reviewers.map(\.name).joined(separator: "、")
        var method = "依据观摩评分表（第 \(r.sheet.version) 版，满分 \(full) 分：\(sheet)），由 \(r.reviewers.count) 位评委现场逐项打分；"
        method += "\(drop)，保留两位小数；评委不为本单位项目打分。评委：\(names)。"
        sections.append(OfficialDoc.Section(heading: "评分办法", blocks: [.paragraph(method)]))
        let intro = "\(NoticeDocument.chineseDate(r.heldOn))，区重点项目建设领导小组组织\(r.title)，现场观摩了 \(r.projects.count) 个重点项目，"
            + "\(r.reviewers.count) 位评委逐项打分，评分于\(NoticeDocument.chineseDate(r.closedOn ?? r.heldOn))结束。现将观摩讲评情况通报如下。"
        return OfficialDoc(d, style: style, brief: nil, title: "关于\(r.title)\n讲评情况的通报",
                           date: NoticeDocument.chineseDate(d.issuedOn?.iso ?? d.asOf.iso), addressee: "各责任单位",
                           intro: [intro], sections: OfficialDoc.numbered(sections),
                           closing: "希望得分靠前的单位总结经验、再接再厉；得分靠后的单位对照观摩中发现的问题，认真分析原因，制定整改措施，加快项目建设。", wide: true)
    }
}
