import Foundation
import PyramidCore
import Testing

@testable import PyramidReport

struct EscapingTests {
    @Test func htmlEscapesEveryStringFromAnExport() {
        let html = HTMLReport.team(hostileDiagnosis())
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img src=x"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        // Self-contained: no external assets, no scripts at all.
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=\"http"))
        #expect(!html.contains("<link"))
    }

    @Test func markdownEscapesFormattingLinksAndTables() {
        let markdown = MarkdownReport.team(hostileDiagnosis())
        #expect(markdown.contains("\\<script\\>alert('x')\\</script\\>"))
        #expect(markdown.contains("\\*Ben\\* \\| \\[link\\](http://x)"))
        #expect(markdown.contains("Notes said: \\<img src=x onerror=alert(1)\\>"))
    }

    @Test func csvNeutralizesFormulas() throws {
        let csv = CSVReport.team(hostileDiagnosis())
        let row = try #require(csv.split(separator: "\r\n").dropFirst().first)
        #expect(row.contains(",'=cmd|' /C calc'!A0,"))
        #expect(row.contains("'@SUM(1+1) what have you seen?"))
        #expect(row.contains("'+call first, then connect"))
        #expect(!row.contains(",=") && !row.contains(",+") && !row.contains(",@"))
    }

    @Test(arguments: ["=1+2", "+1", "-1", "@x", "\tx", "\rx"])
    func csvCellsThatStartLikeAFormula(cell: String) {
        #expect(Text.csv(cell).hasPrefix("'") || Text.csv(cell).hasPrefix("\"'"))
    }
}
