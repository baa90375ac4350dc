import BallastCharts
import BallastCore
import BallastStore
import Foundation

/// 重点项目建设周通报 laid out: the headline against 时序进度, the lights, the week's starts and
/// completions, what is overdue, and the late reports — each section only when it has data.
enum WeeklyBulletinDoc {
    static func colour(_ c: String) -> String { c == "red" ? "红灯" : c == "yellow" ? "黄灯" : c }

    static func project(_ p: WeeklyBulletin.ProjectLine) -> OfficialDoc.Cell { OfficialDoc.Cell(p.name, link: Site.project.link(p.id)) }

    /// `by` names the ledger's filter the groups are ("category", "level"); the total links to the whole year.
    static func figuresRows(_ groups: [WeeklyBulletin.Figures], year: Int, by: String, total: WeeklyBulletin.Figures? = nil) -> [[OfficialDoc.Cell]] {
        (groups + (total.map { [$0] } ?? [])).map { g in
            [OfficialDoc.Cell(g.name, link: g == total ? OfficialDoc.ledger(year: year) : OfficialDoc.ledger(year: year, [(by, g.name)])), .int(g.projects), .yi(g.total), .yi(g.plan), .yi(g.completed), g.rate.map(OfficialDoc.Cell.percent) ?? OfficialDoc.Cell("—")]
        }
    }

    static func intro(_ b: WeeklyBulletin) -> String {
        let h = b.headline
        let rate = h.rate.map { Percent.text($0) } ?? "—（无年度计划）"
        let versus = h.rate.map { r in
            let gap = (r - b.timeProgress) * 100
            return abs(gap) < 0.05 ? "与时序进度持平" : gap > 0 ? String(format: "超时序进度 %.1f 个百分点", gap) : String(format: "落后时序进度 %.1f 个百分点", -gap)
        } ?? "无从比较时序进度"
        return "截至\(NoticeDocument.chineseDate(b.asOf))，全区\(b.year)年列入年度计划的重点项目 \(h.projects) 个，总投资 \((Money(yuan: h.total)).yiText) 亿元，"
            + "年度计划投资 \((Money(yuan: h.plan)).yiText) 亿元，已完成投资 \((Money(yuan: h.completed)).yiText) 亿元，完成率 "
            + rate + "，时序进度 " + Percent.text(b.timeProgress) + "，\(versus)。"
            + "本周新亮红灯、黄灯项目 \(b.newlyLit.count) 个，连续亮灯四周以上（28 天前已亮灯、至今未转色）\(b.litFourWeeks.count) 个；"
            + "逾期未办结问题和议定事项 \(b.overdueItems.count) 项。现将本周（\(b.from) 至 \(b.to)）情况通报如下。"
    }

    static func doc(_ d: DocumentModel, _ b: WeeklyBulletin, district: String) -> OfficialDoc {
        let projectHeader = ["项目编号", "项目名称", "责任单位"]
        var sections: [OfficialDoc.Section] = []
        let headerFigures = ["分组", "项目数", "总投资（亿元）", "年度计划（亿元）", "已完成（亿元）", "完成率"]
        sections.append(OfficialDoc.Section(heading: "总体进度", blocks: [
            .table(OfficialDoc.Table(sheet: "按类别", header: headerFigures, rows: figuresRows(b.byCategory, year: b.year, by: "category", total: b.headline))),
            .chart(HorizontalBarChart(id: "category-rates", title: "各类别投资完成率（虚线为时序进度）",
                                      description: "各类别年度计划完成率与时序进度 \(ValueFormat.percent.text(b.timeProgress))", bars: b.byCategory.map {
                // Behind time progress: drawn in the warning colour.
                .init(label: $0.name, segments: [.init(value: $0.rate ?? 0, cssClass: ($0.rate ?? 0) < b.timeProgress ? "s2" : "s0")])
            }, format: .percent, marker: (b.timeProgress, "时序进度 \(ValueFormat.percent.text(b.timeProgress))"))),
            .table(OfficialDoc.Table(sheet: "按级别", header: headerFigures, rows: figuresRows(b.byLevel, year: b.year, by: "level"))),
        ]))
        sections.append(OfficialDoc.Section(heading: "本周新亮灯项目", blocks: b.newlyLit.isEmpty ? [.paragraph("本周无新亮红灯、黄灯项目。")] : [
            .table(OfficialDoc.Table(sheet: "本周新亮灯", header: projectHeader + ["灯色", "亮灯日期", "原因"], rows: b.newlyLit.map {
                [OfficialDoc.Cell($0.code), project($0), OfficialDoc.Cell($0.unit), OfficialDoc.Cell(colour($0.what)), OfficialDoc.Cell($0.on), OfficialDoc.Cell($0.reasons ?? "")]
            })),
        ]))
        if !b.litFourWeeks.isEmpty {
            sections.append(OfficialDoc.Section(heading: "连续亮灯四周以上项目", blocks: [
                .table(OfficialDoc.Table(sheet: "连续亮灯", header: projectHeader + ["灯色", "亮灯以来", "原因"], rows: b.litFourWeeks.map {
                    [OfficialDoc.Cell($0.code), project($0), OfficialDoc.Cell($0.unit), OfficialDoc.Cell(colour($0.what)), OfficialDoc.Cell($0.on), OfficialDoc.Cell($0.reasons ?? "")]
                })),
            ]))
        }
        if !b.milestones.isEmpty {
            let verb = [LifecycleStage.underConstruction.rawValue: "开工", LifecycleStage.completed.rawValue: "竣工", LifecycleStage.inProduction.rawValue: "投产"]
            let counts = ["开工", "竣工", "投产"].map { v in "\(v) \(b.milestones.filter { verb[$0.what] == v }.count) 个" }.joined(separator: "，")
            sections.append(OfficialDoc.Section(heading: "本周开工、竣工、投产项目", blocks: [
                .paragraph("本周\(counts)。"),
                .table(OfficialDoc.Table(sheet: "开工竣工投产", header: projectHeader + ["事项", "日期"], rows: b.milestones.map {
                    [OfficialDoc.Cell($0.code), project($0), OfficialDoc.Cell($0.unit), OfficialDoc.Cell(verb[$0.what] ?? $0.what), OfficialDoc.Cell($0.on)]
                })),
            ]))
        }
        if !b.overdue.isEmpty {
            sections.append(OfficialDoc.Section(heading: "逾期未办结问题及会议议定事项", blocks: [
                .table(OfficialDoc.Table(sheet: "逾期按单位", header: ["牵头单位", "逾期问题", "逾期议定事项", "最早时间节点"], rows: b.overdue.map {
                    [OfficialDoc.Cell($0.unit, link: Site.problems.link + "?status=overdue"), .int($0.problems), .int($0.decisions), OfficialDoc.Cell($0.oldestDeadline)]
                })),
                .table(OfficialDoc.Table(sheet: "逾期事项", header: ["牵头单位", "事项", "时间节点", "逾期天数"], rows: b.overdueItems.map {
                    [OfficialDoc.Cell($0.unit), OfficialDoc.Cell($0.title), OfficialDoc.Cell($0.deadline), .int($0.daysOverdue)]
                })),
            ]))
        }
        if let m = b.lateMonth, !b.lateReports.isEmpty {
            sections.append(OfficialDoc.Section(heading: "月度进度逾期未报", blocks: [
                .paragraph("\(m)月投资进度应于报送日前填报，以下单位的项目逾期未报或报送迟延："),
                .table(OfficialDoc.Table(sheet: "逾期未报", header: ["单位", "项目数", "项目编号"], rows: b.lateReports.keys.sorted().map {
                    [OfficialDoc.Cell($0), .int(b.lateReports[$0, default: []].count), OfficialDoc.Cell(b.lateReports[$0, default: []].joined(separator: "、"))]
                })),
            ]))
        }
        return OfficialDoc(title: "重点项目建设周通报", numberLine: OfficialDoc.numberLine(d), issuer: NoticeDocument.issuer(district),
                           date: NoticeDocument.chineseDate(d.issuedOn?.iso ?? b.asOf), intro: [intro(b)], sections: OfficialDoc.numbered(sections),
                           closing: "请各责任单位对照通报内容，抓紧推进项目建设，亮灯项目于下周例会前报送整改措施。")
    }
}
