@testable import BallastOffice
import Foundation
import Testing

@Suite struct SheetScannerTests {
    @Test func decodesEntitiesAndCharacterReferences() {
        let raw = Array("a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#20013;&#x6587; &bogus; tail".utf8)
        #expect(XMLText.decode(raw[...]) == "a & b <c> \"d\" 'e' 中文 &bogus; tail")
    }

    @Test func readsPrefixedSelfClosingAndCommentedMarkup() throws {
        let xml = """
        <?xml version="1.0"?><x:worksheet xmlns:x="urn:x"><!-- note --><x:sheetData>
        <x:row r="1"><x:c r="B1" t="inlineStr"><x:is><x:r><x:t>富</x:t></x:r><x:r><x:t xml:space="preserve"> 文本</x:t></x:r></x:is></x:c><x:c r="C1"/></x:row>
        <x:row r="2" spans="1:3"/>
        <x:row r="5"><x:c r="A5" t='str'><x:f>A1&amp;"x"</x:f><x:v>&lt;ok&gt;</x:v></x:c></x:row>
        </x:sheetData></x:worksheet>
        """
        var scanner = SheetScanner(data: Data(xml.utf8), shared: [], dateStyles: [])
        let rows = try scanner.rows()
        #expect(rows.map(\.number) == [1, 5])
        #expect(rows[0].cells == ["", "富 文本", ""])
        #expect(rows[1].cells == ["<ok>"])
    }
}

@Suite struct CellTextTests {
    @Test func numbersReadAsExcelShowsThem() {
        func text(_ v: String) -> String { SheetParser.cellText(value: v, type: "n", style: 0, shared: [], dateStyles: []) }
        #expect(text("12345.6789") == "12345.6789")
        #expect(text("0.30000000000000004") == "0.3")
        #expect(text("1.5E+3") == "1500")
        #expect(text("-42") == "-42")
        #expect(text("2.50") == "2.5")
        #expect(text(".5") == "0.5")
    }
}
