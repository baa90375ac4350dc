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

    /// 第25周（6月19日—6月25日）, or the stored dates where the week does not parse.
    static func weekName(_ b: WeeklyBulletin, year: Bool = false) -> String {
        guard let w = ISOWeek.parse(b.week) else { return "\(b.from)—\(b.to)" }
        return year ? w.fullName(.zh) : w.name(.zh)
    }

    /// How many of the lit projects each unit has, most first; beyond the first six, one line for the rest.
    static func litByUnit(_ lines: [WeeklyBulletin.ProjectLine]) -> [[OfficialDoc.Cell]] {
        var counts: [String: (red: Int, yellow: Int)] = [:]
        for l in lines {
            var c = counts[l.unit, default: (0, 0)]
            if l.what == "red" { c.red += 1 } else { c.yellow += 1 }
            counts[l.unit] = c
        }
        let sorted = counts.sorted { ($0.value.red + $0.value.yellow, $0.value.red, $1.key) > ($1.value.red + $1.value.yellow, $1.value.red, $0.key) }
        var rows = sorted.prefix(6).map { u, c in [OfficialDoc.Cell.unit(u), .int(c.red), .int(c.yellow), .int(c.red + c.yellow)] }
        let rest = sorted.dropFirst(6)
        if !rest.isEmpty {
            let red = rest.reduce(0) { $0 + $1.value.red }, yellow = rest.reduce(0) { $0 + $1.value.yellow }
            rows.append([OfficialDoc.Cell("其余 \(rest.count) 个单位"), .int(red), .int(yellow), .int(red + yellow)])
        }
        return rows
    }

    /// The units with the most overdue first; beyond six, one line for the rest.
    static func overdueByUnit(_ lines: [WeeklyBulletin.UnitOverdue]) -> [[OfficialDoc.Cell]] {
        let sorted = lines.sorted { ($0.problems + $0.decisions, $1.oldestDeadline) > ($1.problems + $1.decisions, $0.oldestDeadline) }
        var rows = sorted.prefix(6).map {
            [OfficialDoc.Cell($0.unit, link: Site.problems.link + "?status=overdue"), .int($0.problems), .int($0.decisions), OfficialDoc.Cell($0.oldestDeadline)]
        }
        let rest = sorted.dropFirst(6)
        if !rest.isEmpty {
            rows.append([OfficialDoc.Cell("其余 \(rest.count) 个单位"), .int(rest.reduce(0) { $0 + $1.problems }), .int(rest.reduce(0) { $0 + $1.decisions }),
                         OfficialDoc.Cell(rest.map(\.oldestDeadline).min() ?? "—")])
        }
        return rows
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
            + "逾期未办结问题和议定事项 \(b.overdueItems.count) 项。现将本周（\(weekName(b))）情况通报如下。"
    }

    static func doc(_ d: DocumentModel, _ b: WeeklyBulletin, style: DocumentStyle) -> OfficialDoc {
        let projectHeader = ["项目编号", "项目名称", "责任单位"]
        var sections: [OfficialDoc.Section] = []
        let headerFigures = ["分组", "项目数", "总投资（亿元）", "年度计划（亿元）", "已完成（亿元）", "完成率"]
        sections.append(OfficialDoc.Section(heading: "总体进度", blocks: [
            // Categories, then levels, then the total: one table, one header, in the body's few pages.
            .table(OfficialDoc.Table(sheet: "按类别和级别", header: headerFigures,
                                     rows: figuresRows(b.byCategory, year: b.year, by: "category") + figuresRows(b.byLevel, year: b.year, by: "level", total: b.headline))),
            .chart(HorizontalBarChart(id: "category-rates", title: "各类别投资完成率（虚线为时序进度）",
                                      description: "各类别年度计划完成率与时序进度 \(ValueFormat.percent.text(b.timeProgress))", bars: b.byCategory.map {
                // Behind time progress: drawn in the warning colour.
                .init(label: $0.name, segments: [.init(value: $0.rate ?? 0, cssClass: ($0.rate ?? 0) < b.timeProgress ? "s2" : "s0")])
            }, format: .percent, marker: (b.timeProgress, "时序进度 \(ValueFormat.percent.text(b.timeProgress))"))),
        ]))
        sections.append(OfficialDoc.Section(heading: "本周新亮灯项目", blocks: b.newlyLit.isEmpty ? [.paragraph("本周无新亮红灯、黄灯项目。")] : [
            .list(OfficialDoc.Table(sheet: "本周新亮灯", header: projectHeader + ["灯色", "亮灯日期", "原因"], rows: b.newlyLit.map {
                [OfficialDoc.Cell($0.code), project($0), OfficialDoc.Cell.unit($0.unit), OfficialDoc.Cell(colour($0.what)), OfficialDoc.Cell($0.on), OfficialDoc.Cell($0.reasons ?? "")]
            }), shown: 10, attachment: "本周新亮灯项目清单"),
        ]))
        if !b.litFourWeeks.isEmpty {
            // The body says who and the longest-lit; the whole list is 附件 (landscape).
            let longest = b.litFourWeeks.sorted { ($0.on, $0.code) < ($1.on, $1.code) }
            sections.append(OfficialDoc.Section(heading: "连续亮灯四周以上项目", blocks: [
                .paragraph("连续亮灯四周以上项目 \(b.litFourWeeks.count) 个，其中红灯 \(b.litFourWeeks.filter { $0.what == "red" }.count) 个、黄灯 \(b.litFourWeeks.filter { $0.what != "red" }.count) 个，按责任单位分布如下："),
                .table(OfficialDoc.Table(sheet: "连续亮灯按单位", header: ["责任单位", "红灯", "黄灯", "合计"], rows: litByUnit(b.litFourWeeks))),
                .paragraph("亮灯时间最长的项目："),
                .list(OfficialDoc.Table(sheet: "连续亮灯", header: projectHeader + ["灯色", "亮灯以来", "原因"], rows: longest.map {
                    [OfficialDoc.Cell($0.code), project($0), OfficialDoc.Cell.unit($0.unit), OfficialDoc.Cell(colour($0.what)), OfficialDoc.Cell($0.on), OfficialDoc.Cell($0.reasons ?? "")]
                }), shown: 5, attachment: "连续亮灯四周以上项目清单", bodyColumns: [0, 1, 2, 3, 4]),
            ]))
        }
        if !b.milestones.isEmpty {
            let verb = [LifecycleStage.underConstruction.rawValue: "开工", LifecycleStage.completed.rawValue: "竣工", LifecycleStage.inProduction.rawValue: "投产"]
            let counts = ["开工", "竣工", "投产"].map { v in "\(v) \(b.milestones.filter { verb[$0.what] == v }.count) 个" }.joined(separator: "，")
            sections.append(OfficialDoc.Section(heading: "本周开工、竣工、投产项目", blocks: [
                .paragraph("本周\(counts)。"),
                .list(OfficialDoc.Table(sheet: "开工竣工投产", header: projectHeader + ["事项", "日期"], rows: b.milestones.map {
                    [OfficialDoc.Cell($0.code), project($0), OfficialDoc.Cell.unit($0.unit), OfficialDoc.Cell(verb[$0.what] ?? $0.what), OfficialDoc.Cell($0.on)]
                }), shown: 10, attachment: "本周开工、竣工、投产项目清单"),
            ]))
        }
        if !b.overdue.isEmpty {
            sections.append(OfficialDoc.Section(heading: "逾期未办结问题及会议议定事项", blocks: [
                .table(OfficialDoc.Table(sheet: "逾期按单位", header: ["牵头单位", "逾期问题", "逾期议定事项", "最早时间节点"], rows: overdueByUnit(b.overdue))),
                .list(OfficialDoc.Table(sheet: "逾期事项", header: ["牵头单位", "事项", "时间节点", "逾期天数"], rows: b.overdueItems.sorted { $0.daysOverdue > $1.daysOverdue }.map {
                    [OfficialDoc.Cell.unit($0.unit), OfficialDoc.Cell($0.title), OfficialDoc.Cell($0.deadline), .int($0.daysOverdue)]
                }), shown: 5, attachment: "逾期未办结事项清单"),
            ]))
        }
        if let approvals = b.approvalsOverdue, !approvals.isEmpty {
            sections.append(OfficialDoc.Section(heading: "前期手续超时未办结", blocks: [
                .paragraph("截至\(NoticeDocument.chineseDate(b.asOf))，以下审批部门有前期手续事项超过承诺时限仍未批复，请抓紧办理："),
                .table(OfficialDoc.Table(sheet: "审批超时", header: ["审批部门", "受理", "办结", "超时未办结", "平均用时（工作日）"], rows: approvals.map {
                    [OfficialDoc.Cell($0.department, link: Site.approvalDepartments.link), .int($0.received), .int($0.done), .int($0.overdue),
                     OfficialDoc.Cell($0.averageDays.map { String(format: "%.1f", $0) } ?? "—")]
                })),
            ]))
        }
        if let missing = b.statisticsMissing, !missing.isEmpty {
            let total = missing.reduce(Money.zero) { Money(yuan: $0.yuan.addingReportingOverflow($1.reportedYTD.yuan).partialValue) }
            let units = StatisticsQuery.byUnit(missing)
            let most = units.prefix(3).map { "\($0.unit) \($0.projects) 个" }.joined(separator: "、")
            // The body stays within its pages: the figures in a sentence, both tables as 附件.
            sections.append(OfficialDoc.Section(heading: "已开工未入库项目", blocks: [
                .paragraph("截至\(NoticeDocument.chineseDate(b.asOf))，已开工未纳入固定资产投资统计库的项目 \(missing.count) 个，涉及 \(units.count) 个单位（\(most)\(units.count > 3 ? "等" : "")），本年已报投资 \(total.wanText) 万元未计入全区数据，请抓紧申报入库（先入库，后有数）。"),
            ]))
        }
        if let m = b.lateMonth, !b.lateReports.isEmpty {
            sections.append(OfficialDoc.Section(heading: "月度进度逾期未报", blocks: [
                .paragraph("\(m)月投资进度应于报送日前填报，以下单位的项目逾期未报或报送迟延："),
                .list(OfficialDoc.Table(sheet: "逾期未报", header: ["单位", "项目数", "项目编号"], rows: b.lateReports.keys.sorted().map {
                    [OfficialDoc.Cell.unit($0), .int(b.lateReports[$0, default: []].count), OfficialDoc.Cell(b.lateReports[$0, default: []].joined(separator: "、"))]
                }), shown: 8, attachment: "月度进度逾期未报项目清单"),
            ]))
        }
        return OfficialDoc(d, style: style, brief: "重点项目建设周通报", title: "\(weekName(b, year: true))\n重点项目建设情况",
                           date: NoticeDocument.chineseDate(d.issuedOn?.iso ?? b.asOf), intro: [intro(b)], sections: OfficialDoc.numbered(sections),
                           closing: "请各责任单位对照通报内容，抓紧推进项目建设，亮灯项目于下周例会前报送整改措施。")
    }
}
