import BallastCharts
import BallastCore
import BallastStore
import Foundation

/// 月排名 laid out: the ranking table per group with each indicator's points and the change
/// from last month, a chart of the totals, the scheme it was scored under, and the facts.
enum RankingDoc {
    static func indicatorName(_ key: String) -> String { ScoringIndicator(rawValue: key)?.name.zh ?? key }

    static func change(_ r: UnitRanking.Row) -> String {
        guard let p = r.previousRank else { return "—" }
        return p == r.rank ? "持平" : p > r.rank ? "↑\(p - r.rank)" : "↓\(r.rank - p)"
    }

    static func rankingTable(_ rows: [UnitRanking.Row], scheme: ScoringScheme, year: Int, sheet: String) -> OfficialDoc.Table {
        let indicators = scheme.items.map(\.indicator)
        let parts: [String] = scheme.items.map { item in
            "\(ScoringIndicator(rawValue: item.indicator)?.shortName ?? item.indicator)\(ScoringScheme.format(item.weight))"
        }
        let header: [String] = ["排名", "单位", "总分"] + parts + ["上月排名", "变化"]
        return OfficialDoc.Table(sheet: sheet, header: header, rows: rows.map { r in
            let head: [OfficialDoc.Cell] = [.int(r.rank), OfficialDoc.Cell.unit(r.unit, link: OfficialDoc.ledger(year: year, [("unit", r.unit)])), .points(r.score.total)]
            let points: [OfficialDoc.Cell] = indicators.map { key in OfficialDoc.Cell.points(r.score.parts.first { p in p.indicator == key }?.points ?? 0) }
            let tail: [OfficialDoc.Cell] = [r.previousRank.map(OfficialDoc.Cell.int) ?? OfficialDoc.Cell("—"), OfficialDoc.Cell(change(r))]
            return head + points + tail
        })
    }

    static func doc(_ d: DocumentModel, _ r: UnitRanking, style: DocumentStyle) -> OfficialDoc {
        let groups: [(String, [UnitRanking.Row])] = r.scheme.separateGroups
            ? r.groups.map { g in (g.name.zh, r.rows.filter { $0.group == g }) }
            : [("全部单位", r.rows)]
        var sections: [OfficialDoc.Section] = groups.map { name, rows in
            OfficialDoc.Section(heading: "\(name)得分排名", blocks: [
                // The body: rank, unit, total and the change; each indicator's points in a landscape 附件.
                { () -> OfficialDoc.Block in
                    let t = rankingTable(rows, scheme: r.scheme, year: r.year, sheet: name)
                    let n = t.header.count
                    return .list(t, shown: rows.count, attachment: "\(name)分项得分", bodyColumns: [0, 1, 2, n - 2, n - 1])
                }(),
                .chart(HorizontalBarChart(id: "totals-\(name)", title: "\(name)总分", description: "\(name)各单位总分，按排名",
                                          bars: rows.map { .init(label: $0.unit, segments: [.init(value: $0.score.total, cssClass: "s0")], text: String(format: "%.2f", $0.score.total)) },
                                          format: .count)),
            ])
        }
        sections.append(OfficialDoc.Section(heading: "评分办法", blocks: [
            .paragraph("依据\(r.year)年考核评分办法（\(r.schemeVersion == 0 ? "默认办法" : "第 \(r.schemeVersion) 版")），满分 100 分。\(r.tieRule)。"),
            .table(OfficialDoc.Table(sheet: "评分办法", header: ["指标", "权重", "封顶", "计算方法"], rows: r.scheme.items.map { i in
                [OfficialDoc.Cell(indicatorName(i.indicator)), .points(i.weight), OfficialDoc.Cell(ScoringScheme.format(i.cap ?? 1)),
                 OfficialDoc.Cell(ScoringIndicator(rawValue: i.indicator)?.formula.zh ?? "")]
            })),
        ]))
        sections.append(OfficialDoc.Section(heading: "各单位基础数据", blocks: [
            .list(OfficialDoc.Table(sheet: "基础数据", header: ["单位", "项目数", "年度计划（亿元）", "已完成（亿元）", "计划开工", "已开工",
                                                              "到期问题", "按期办结", "应报月报", "按期报送", "红黄灯项目", "签约线索"],
                                     rows: r.rows.map { row in
                let f = row.facts
                return [OfficialDoc.Cell.unit(row.unit), .int(f.projects), .yi(f.plan), .yi(f.completed), .int(f.plannedStarts), .int(f.achievedStarts),
                        .int(f.problemsDue), .int(f.problemsOnTime), .int(f.reportsExpected), .int(f.reportsOnTime), .int(f.litProjects), .int(f.signedLeads)]
            }), shown: 0, attachment: "各单位基础数据"),
        ]))
        let legend = r.scheme.items.compactMap { ScoringIndicator(rawValue: $0.indicator) }.map { "\($0.shortName)：\($0.name.zh)" }.joined(separator: "；")
        let previous = r.previousSource.map { $0 == "计算" ? "上月排名按当前数据计算" : "上月排名取自已印发的\($0)" }
        let intro = "根据\(r.year)年重点项目考核评分办法，现将\(r.year)年\(r.month)月各责任单位得分排名通报如下（统计截至\(NoticeDocument.chineseDate(r.asOf))"
            + (previous.map { "，\($0)" } ?? "") + "）。"
        return OfficialDoc(d, style: style, brief: nil, title: "关于\(r.year)年\(r.month)月重点项目\n责任单位排名情况的通报",
                           date: NoticeDocument.chineseDate(d.issuedOn?.iso ?? r.asOf), addressee: "各责任单位",
                           intro: [intro, "表中各项为得分，列名后的数字为该项满分（\(legend)）。"], sections: OfficialDoc.numbered(sections),
                           closing: "请排名靠后的单位认真分析原因，制定整改措施，确保下月进度有明显提升。", wide: true)
    }
}
