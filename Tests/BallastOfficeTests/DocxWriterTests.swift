import BallastOffice
import Foundation
import Testing
import ZIPFoundation

@Suite struct DocxWriterTests {
    func part(_ data: Data, _ path: String) throws -> String {
        let archive = try Archive(data: data, accessMode: .read)
        let entry = try #require(archive[path])
        var out = Data()
        _ = try archive.extract(entry) { out.append($0) }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func aDocumentHasItsPartsItsTextEscapedAndPageNumbers() throws {
        let data = try DocxWriter.write([.title("督查通报"), .paragraph("A & B <c>"), .table(header: ["单位", "逾期"], rows: [["区商务局", "3"]])])
        let doc = try part(data, "word/document.xml")
        #expect(doc.contains(">督查通报</w:t>") && doc.contains("A &amp; B &lt;c&gt;") && doc.contains("<w:tblHeader/>"))
        #expect(doc.contains(#"<w:pgSz w:w="11906" w:h="16838"/>"#))
        #expect(try part(data, "word/footer1.xml").contains(" PAGE "))
        #expect(try part(data, "[Content_Types].xml").contains("/word/footer1.xml"))
    }

    @Test func theSameBlocksGiveTheSameBytes() throws {
        let blocks: [DocxBlock] = [.title("周通报"), .centered("第23期"), .paragraph("正文")]
        #expect(try DocxWriter.write(blocks) == DocxWriter.write(blocks))
    }
}
