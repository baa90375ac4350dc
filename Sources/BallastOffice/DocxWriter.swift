import Foundation
import ZIPFoundation

/// One block of an official document, in the order it reads.
public enum DocxBlock: Sendable, Equatable {
    /// The document's title: centred, large, bold (公文标题).
    case title(String)
    /// Centred under the title: the issuing number, a date line.
    case centered(String)
    /// A numbered section heading (一、…), bold.
    case heading(String)
    /// Body text, first line indented two characters.
    case paragraph(String)
    /// Flush left, no indent: an addressee line (区住建局：).
    case plain(String)
    /// Flush right: the issuing office and the date under the text.
    case right(String)
    /// A table with a bold header row.
    case table(header: [String], rows: [[String]])
    case pageBreak
}

/// Writes a .docx (WordprocessingML) from blocks: the parts Word, WPS and LibreOffice need, A4
/// with official margins, 仿宋 body and 黑体/小标宋 headings, and page numbers in the footer.
/// Our own XML over ZIPFoundation, so the output is the same bytes for the same blocks.
public enum DocxWriter {
    public static func write(_ blocks: [DocxBlock]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        try XLSXWriter.add(archive, "[Content_Types].xml", contentTypes)
        try XLSXWriter.add(archive, "_rels/.rels", rootRels)
        try XLSXWriter.add(archive, "word/document.xml", document(blocks))
        try XLSXWriter.add(archive, "word/_rels/document.xml.rels", documentRels)
        try XLSXWriter.add(archive, "word/styles.xml", styles)
        try XLSXWriter.add(archive, "word/footer1.xml", footer)
        guard let data = archive.data else { throw OfficeError.notAnXLSX("write failed") }
        return data
    }

    static let ns = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#

    static func run(_ text: String, bold: Bool = false, size: Int? = nil, font: String? = nil) -> String {
        var props = ""
        if let font { props += #"<w:rFonts w:ascii="\#(font)" w:hAnsi="\#(font)" w:eastAsia="\#(font)"/>"# }
        if bold { props += "<w:b/>" }
        if let size { props += #"<w:sz w:val="\#(size)"/><w:szCs w:val="\#(size)"/>"# }
        return "<w:r>" + (props.isEmpty ? "" : "<w:rPr>\(props)</w:rPr>") + #"<w:t xml:space="preserve">\#(XLSXWriter.escape(text))</w:t></w:r>"#
    }

    static func paragraph(_ text: String, align: String? = nil, indent: Bool = false, bold: Bool = false, size: Int? = nil, font: String? = nil,
                          spacingAfter: Int = 0) -> String {
        var props = ""
        if let align { props += #"<w:jc w:val="\#(align)"/>"# }
        if indent { props += #"<w:ind w:firstLineChars="200" w:firstLine="640"/>"# }
        props += #"<w:spacing w:after="\#(spacingAfter)" w:line="560" w:lineRule="exact"/>"#
        return "<w:p><w:pPr>\(props)</w:pPr>\(run(text, bold: bold, size: size, font: font))</w:p>"
    }

    static func table(header: [String], rows: [[String]]) -> String {
        func cell(_ text: String, bold: Bool) -> String {
            #"<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr><w:p><w:pPr><w:jc w:val="center"/></w:pPr>"#
                + run(text, bold: bold, size: 24) + "</w:p></w:tc>"
        }
        let border = #"w:val="single" w:sz="4" w:space="0" w:color="000000""#
        var out = #"<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/><w:tblBorders>"#
            + ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) \(border)/>" }.joined()
            + "</w:tblBorders></w:tblPr>"
        // The header row repeats on every page a long table runs onto.
        out += #"<w:tr><w:trPr><w:tblHeader/></w:trPr>"# + header.map { cell($0, bold: true) }.joined() + "</w:tr>"
        for row in rows { out += "<w:tr>" + row.map { cell($0, bold: false) }.joined() + "</w:tr>" }
        return out + "</w:tbl>" + paragraph("")
    }

    static func document(_ blocks: [DocxBlock]) -> String {
        var body = ""
        for block in blocks {
            switch block {
            case .title(let t): body += paragraph(t, align: "center", bold: true, size: 44, font: "方正小标宋简体", spacingAfter: 200)
            case .centered(let t): body += paragraph(t, align: "center", size: 32, font: "仿宋")
            case .heading(let t): body += paragraph(t, size: 32, font: "黑体")
            case .paragraph(let t): body += paragraph(t, indent: true, size: 32, font: "仿宋")
            case .plain(let t): body += paragraph(t, size: 32, font: "仿宋")
            case .right(let t): body += paragraph(t, align: "right", size: 32, font: "仿宋")
            case .table(let header, let rows): body += table(header: header, rows: rows)
            case .pageBreak: body += #"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#
            }
        }
        // A4, margins of the official format (上 37mm, 下 35mm, 左 28mm, 右 26mm).
        let section = #"<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/><w:pgSz w:w="11906" w:h="16838"/>"#
            + #"<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>"#
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n<w:document \(ns)><w:body>\(body)\(section)</w:body></w:document>"
    }

    /// "— 1 —" centred at the foot of every page.
    static let footer = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n<w:ftr \(ns)>"
        + #"<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>"#
        + #"<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>"#
        + #"<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>"#

    static let styles = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n<w:styles \(ns)>"
        + #"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="仿宋" w:hAnsi="仿宋" w:eastAsia="仿宋"/><w:sz w:val="32"/><w:szCs w:val="32"/>"#
        + #"<w:lang w:val="zh-CN" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>"#
        + #"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>"#

    static let contentTypes = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        + #"<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#
        + #"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#
        + #"<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>"#

    static let rootRels = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#

    static let documentRels = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        + #"<Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>"#

    public static let contentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
}
