import BallastCore
import BallastStore
import Foundation

/// 季考核 and 年评优 laid out: each unit's monthly scores, the aggregate by the stated rule, the
/// adjustments with their reasons, the final rank, and for the year the proposed 先进单位.
enum AssessmentDoc {
    static func doc(_ d: DocumentModel, _ a: UnitAssessment, style: DocumentStyle) -> OfficialDoc {
        guard let period = AssessmentPeriod.parse(a.period) else {
            return OfficialDoc(d, style: style, brief: nil, title: a.title, date: a.asOf, intro: [], sections: [], closing: nil)
        }
        let months = Array(period.months)
        let groups: [(String, [UnitAssessment.Row])] = {
            let present = UnitGroup.allCases.filter { g in a.rows.contains { $0.group == g } }
            return a.separateGroups ? present.map { g in (g.name.zh, a.rows.filter { $0.group == g }) } : [("全部单位", a.rows)]
        }()
        var sections: [OfficialDoc.Section] = groups.map { name, rows in
            OfficialDoc.Section(heading: "\(name)\(a.isAnnual ? "年度" : "季度")得分", blocks: [
                // A year's twelve months do not fit a portrait page: the body has the result, the
                // months are a landscape 附件.
                { (t: OfficialDoc.Table) -> OfficialDoc.Block in
                    guard a.isAnnual else { return .table(t) }
                    let n = t.header.count
                    return .list(t, shown: t.rows.count, attachment: "\(name)各月得分", bodyColumns: [0, 1] + Array((n - 4)..<n))
                }(OfficialDoc.Table(sheet: name, header: ["排名", "单位"] + months.map { "\($0)月" } + ["基础分", "加减分", "最终得分"] + (a.isAnnual ? ["先进单位"] : []),
                                         rows: rows.map { r in
                    [.int(r.rank), OfficialDoc.Cell.unit(r.unit)] + r.months.map { $0.map(OfficialDoc.Cell.points) ?? OfficialDoc.Cell("—") }
                        + [.points(r.base), .points(r.adjustments.reduce(0) { $0 + $1.points }), .points(r.final)]
                        + (a.isAnnual ? [OfficialDoc.Cell(r.advanced ? "推荐" : "")] : [])
                })),
            ])
        }
        let adjustments = a.rows.flatMap { r in r.adjustments.map { (r.unit, $0) } }
        if !adjustments.isEmpty {
            sections.append(OfficialDoc.Section(heading: "加减分情况", blocks: [
                .table(OfficialDoc.Table(sheet: "加减分", header: ["单位", "分值", "理由", "经办", "日期"], rows: adjustments.map { u, x in
                    [OfficialDoc.Cell(u), .points(x.points), OfficialDoc.Cell(x.reason), OfficialDoc.Cell(x.by), OfficialDoc.Cell(x.on)]
                })),
            ]))
        }
        if a.isAnnual {
            let advanced = a.rows.filter(\.advanced).map(\.unit)
            sections.append(OfficialDoc.Section(heading: "推荐先进单位", blocks: [
                .paragraph((a.advancedRule ?? "") + "。" + (advanced.isEmpty ? "本年度无单位达到先进单位标准。" : "推荐以下单位为年度先进单位：" + advanced.joined(separator: "、") + "。")),
            ]))
        }
        let sources = a.sources.map { s in "\(s.month)月" + (s.issued.map { "取自已印发排名（\($0)）" } ?? "按当前数据计算") }.joined(separator: "；")
        sections.append(OfficialDoc.Section(heading: "计分说明", blocks: [
            .paragraph("考核得分为\(a.rule)。各月得分：\(sources)。依据考核评分办法\(a.schemeVersion == 0 ? "（默认办法）" : "第 \(a.schemeVersion) 版")。"),
        ]))
        return OfficialDoc(d, style: style, brief: nil, title: "关于\(period.chineseName)重点项目工作" + (a.isAnnual ? "评优结果的通报" : "\n考核结果的通报"),
                           date: NoticeDocument.chineseDate(d.issuedOn?.iso ?? a.asOf), addressee: "各责任单位",
                           intro: ["现将\(period.chineseName)重点项目工作\(a.isAnnual ? "评优" : "考核")结果通报如下（统计截至\(NoticeDocument.chineseDate(a.asOf))）。"],
                           sections: OfficialDoc.numbered(sections), closing: nil, wide: true)
    }
}
