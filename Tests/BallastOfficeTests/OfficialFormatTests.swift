import BallastCore
@testable import BallastOffice
import Foundation
import Testing
import ZIPFoundation

/// The .docx laid out to GB/T 9704-2012 (issue 25): the page, the red head, the grid, the
/// footers, tables that fill the text block and never break a figure, the landscape 附件.
@Suite struct OfficialFormatTests {
    static func part(_ data: Data, _ path: String) throws -> String {
        let archive = try Archive(data: data, accessMode: .read)
        let entry = try #require(archive[path])
        var out = Data()
        _ = try archive.extract(entry) { out.append($0) }
        return String(decoding: out, as: UTF8.self)
    }

    static let sample: [DocxBlock] = [
        .letterhead("二七区重点项目建设领导小组办公室文件"), .issueLine("二七重点办排〔2023〕5号"), .redRule,
        .title("关于2023年5月重点项目责任单位\n排名情况的通报"), .plain("各责任单位："), .paragraph("正文。"),
        .grid(DocxTable(header: ["项目编号", "项目名称", "原因"], rows: [["EQ2023-0128", "兴华街老旧小区改造", "开工节点逾期 17 天；投资完成率 8.0%，低于时序进度 8.7 个百分点"]],
                        columns: [.kept, .text, .text])),
        .attachmentNote(["连续亮灯四周以上项目清单"]), .signature(office: "二七区重点项目建设领导小组办公室", date: "2023年6月30日"),
        .attachment(label: "附件1", title: "连续亮灯四周以上项目清单", landscape: true),
        .grid(DocxTable(header: ["项目编号", "项目名称"], rows: [["EQ2023-0001", "甲"]])),
        .imprint(copyTo: "区委办公室。", printer: "二七区重点项目建设领导小组办公室", printed: "2023年6月30日印发"),
    ]

    @Test func thePageIsTheStandardsPage() throws {
        let doc = try Self.part(try DocxWriter.write(Self.sample), "word/document.xml")
        // A4; 天头 37 mm, 订口 28 mm, right 26 mm, foot 35 mm (GB/T 9704 5.2.1, 5.2.2), in twips.
        #expect(doc.contains(#"<w:pgSz w:w="11906" w:h="16838"/>"#))
        #expect(doc.contains(#"w:top="2098" w:right="1474" w:bottom="1984" w:left="1587""#))
        // 22 lines in the 225-mm block: 579 twips a line.
        #expect(doc.contains(#"<w:docGrid w:type="lines" w:linePitch="579"/>"#))
        // The 附件 section is turned; the 版记 after it has an upright page of its own.
        #expect(doc.contains(#"w:orient="landscape""#))
        #expect(doc.components(separatedBy: "<w:sectPr>").count - 1 == 3)
        // Red 发文机关标志 in 小标宋 and the red rule.
        #expect(doc.range(of: #"方正小标宋简体"/><w:color w:val="FF0000"/>"#) != nil)
        #expect(doc.contains(#"<w:bottom w:val="single" w:sz="12" w:space="1" w:color="FF0000"/>"#))
        // The title's two lines as given; 版记 with 抄送 and 印发.
        #expect(doc.contains("排名情况的通报") && doc.contains("<w:br/>"))
        #expect(doc.contains("抄送：区委办公室。") && doc.contains("2023年6月30日印发"))
        // 仿宋 三号 set 0.2 pt closer: 28 characters in 156 mm.
        #expect(doc.contains(#"<w:spacing w:val="-4"/><w:sz w:val="32"/>"#))
    }

    /// 版记 on the last page, at its foot, upright (7.4.1): after a landscape 附件 it begins an
    /// upright page; for LibreOffice (the PDFs) it is narrowed so that it floats to the foot.
    @Test func theImprintStandsUprightAtTheFootOfTheLastPage() throws {
        let word = try Self.part(try DocxWriter.write(Self.sample), "word/document.xml")
        let office = try Self.part(try DocxWriter.write(Self.sample, for: .libreOffice), "word/document.xml")
        for doc in [word, office] {
            let imprint = try #require(doc.range(of: "抄送：区委办公室。"))
            let before = doc[..<imprint.lowerBound], after = doc[imprint.upperBound...]
            // The section before it (the 附件's) is landscape, the one it is in upright.
            let lastBreak = try #require(before.range(of: "<w:sectPr>", options: .backwards))
            #expect(before[lastBreak.lowerBound...].contains(#"w:orient="landscape""#))
            let own = try #require(after.range(of: "<w:sectPr>"))
            #expect(!after[own.lowerBound...].contains("landscape") && after[own.lowerBound...].contains(#"<w:pgSz w:w="11906" w:h="16838"/>"#))
            #expect(before.contains(#"w:tblpYSpec="bottom""#))
        }
        #expect(word.contains(#"<w:tblW w:w="8844" w:type="dxa"/><w:tblBorders><w:top w:val="single" w:sz="8""#), "full width for Word")
        #expect(office.contains(#"<w:tblW w:w="\#(8844 - DocxWriter.imprintInset)" w:type="dxa"/><w:tblBorders><w:top w:val="single" w:sz="8""#))
    }

    @Test func pageNumbersSitAtTheOuterEdges() throws {
        let data = try DocxWriter.write(Self.sample)
        #expect(try Self.part(data, "word/settings.xml").contains("<w:evenAndOddHeaders/>"))
        let odd = try Self.part(data, "word/footer1.xml"), even = try Self.part(data, "word/footer2.xml")
        #expect(odd.contains(#"<w:jc w:val="right"/>"#) && even.contains(#"<w:jc w:val="left"/>"#))
        #expect(odd.contains("— ") && odd.contains(" PAGE ") && odd.contains(#"w:eastAsia="宋体""#) && odd.contains(#"<w:sz w:val="28"/>"#))
        // Each government font names the Noto face shown where it is missing.
        let fonts = try Self.part(data, "word/fontTable.xml")
        #expect(fonts.contains(#"<w:font w:name="仿宋_GB2312"><w:altName w:val="Noto Serif CJK SC"/>"#))
        #expect(fonts.contains(#"<w:font w:name="黑体"><w:altName w:val="Noto Sans CJK SC"/>"#))
    }

    @Test func tablesFillTheTextWidthAndKeepCodesWhole() {
        let t = DocxTable(header: ["项目编号", "项目名称", "责任单位", "原因"],
                          rows: [["EQ2023-0128", "兴华街老旧小区改造", "马寨经济技术开发区管委会", String(repeating: "投资完成率 8.0%，低于时序进度 ", count: 3)]],
                          columns: [.kept, .text, .text, .text])
        for width in [DocxWriter.textWidth, DocxWriter.landscapeTextWidth] {
            let w = DocxWriter.columnWidths(t, width: width)
            #expect(w.reduce(0, +) == width)
            // The code's 11 characters at 12 pt (0.6 em each) and the cell's margins fit its column.
            #expect(Double(w[0]) >= 11 * 0.6 * 240 + DocxWriter.cellPadding)
            #expect(w.allSatisfy { $0 > 0 })
        }
    }

    @Test func textBreaksBetweenCharactersNeverInsideAFigureOrCode() {
        let reason = "开工节点逾期 17 天；投资完成率 8.0%，低于时序进度 8.7 个百分点，项目 EQ2023-0128 滞后"
        for room in stride(from: 3.0, through: 20, by: 0.5) {
            let lines = DocxWriter.wrapped(reason, ems: room)
            #expect(lines.joined().replacingOccurrences(of: " ", with: "") == reason.replacingOccurrences(of: " ", with: ""))
            for line in lines {
                #expect(!line.hasSuffix("8.") && !line.hasPrefix("0%") && !line.hasPrefix("，") && !line.hasPrefix("；"), "\(room): \(lines)")
                #expect(!line.hasSuffix("EQ2023-") && !line.hasPrefix("0128"), "\(lines)")
            }
            #expect(lines.contains { $0.contains("8.0%") } && lines.contains { $0.contains("EQ2023-0128") }, "\(room): \(lines)")
        }
        #expect(DocxWriter.wrapped("短", ems: 10) == ["短"])
    }
}
