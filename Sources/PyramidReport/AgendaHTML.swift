import PyramidCore

/// The one-to-one agenda as a self-contained, printable HTML page.
public enum AgendaHTML {
    /// The agenda for one seller's week.
    public static func agenda(_ s: SellerDiagnosis, week: ISOWeek) -> String {
        var body = "<h1>One-to-one: \(Text.html(s.seller.name)) <small>week \(week), \(Text.range(week))</small></h1>"
        body += "<p><em>Pattern: \(s.pattern.rawValue). \(Text.html(s.managerView))</em></p>"
        body += "<h2>What is working</h2><ul>"
        if s.strengths.isEmpty { body += "<li>Nothing stands out in the data yet; ask.</li>" }
        body += s.strengths.map { "<li>\(Text.html($0))</li>" }.joined() + "</ul>"
        body += AgendaCoaching.html(s) + AgendaCoaching.peersHTML(s)
        body += "<h2>This week's numbers</h2><table><thead><tr><th scope=\"col\">Measure</th>"
        body += "<th scope=\"col\">This week</th><th scope=\"col\">Standard</th></tr></thead><tbody>"
        for row in AgendaRows.rows(s) {
            body += "<tr><th scope=\"row\">\(Text.html(row.label))</th><td>\(Text.html(row.actual))</td>"
            body += "<td>\(Text.html(row.target))</td></tr>"
        }
        body += "</tbody></table>"
        body += HTMLReport.historyChart(s, id: "agenda")
        if let funnel = s.reverseFunnel {
            body += "<p><em>Reverse funnel:</em> \(Text.html(Text.funnel(funnel)))</p>"
        }
        body += "<h2>Questions</h2><ol>"
        if s.prompts.isEmpty { body += "<li>How did the week go for you?</li>" }
        body += s.prompts.map { "<li>\(Text.html($0))</li>" }.joined() + "</ol>"
        if let belief = s.beliefs.first {
            body += "<p class=\"belief\">Behind the questions: “\(Text.html(belief.statement))” is "
            body +=
                "<span class=\"verdict \(belief.verdict.rawValue)\">\(belief.verdict.rawValue)</span> by their own numbers.</p><ul>"
            body += belief.evidence.map { "<li>\(Text.html($0))</li>" }.joined() + "</ul>"
        }
        if !s.coverage.limits.isEmpty {
            body += "<p><em>What the export does not record:</em></p><ul>"
            body += s.coverage.limits.map { "<li>\(Text.html($0))</li>" }.joined() + "</ul>"
        }
        body += "<h2>Experiences to create together</h2>" + AgendaCoaching.experiencesHTML(s, week: week)
        body += "<h2>Your view</h2><div class=\"blank\"></div><h2>Agreements</h2><div class=\"blank\"></div>"
        return HTMLReport.page(title: "One-to-one \(s.seller.name) \(week)", body: body)
    }
}
