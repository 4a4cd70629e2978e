import PyramidCore

/// The weekly team report and the agenda as one self-contained HTML file: inline CSS and SVG, no scripts,
/// printable, with table headers and chart titles for screen readers. Every string from an export is escaped.
public enum HTMLReport {
    /// The weekly team report.
    public static func team(_ team: TeamDiagnosis) -> String {
        var body = "<h1>Team report, week \(team.week) <small>\(Text.range(team.week))</small></h1>\n"
        if team.sellers.isEmpty {
            body += "<p>No sellers to report for this week. Import a roster and activity exports first.</p>"
            return page(title: "Team report \(team.week)", body: body)
        }
        body += summaryTable(team)
        body += teamSection(team)
        for (index, seller) in team.sellers.enumerated() { body += sellerSection(seller, index: index) }
        return page(title: "Team report \(team.week)", body: body)
    }

    static func summaryTable(_ team: TeamDiagnosis) -> String {
        var html = """
            <table><caption>Every seller this week</caption><thead><tr><th scope="col">Seller</th>\
            <th scope="col">Team</th><th scope="col">Pattern</th><th scope="col">Calls a day</th>\
            <th scope="col">Conversations</th><th scope="col">Won this quarter</th><th scope="col">Pace</th></tr></thead><tbody>
            """
        for s in team.sellers {
            html += "<tr><th scope=\"row\">\(Text.html(s.seller.name))</th><td>\(Text.html(s.seller.team))</td>"
            html += "<td><span class=\"pattern \(s.pattern.rawValue)\">\(s.pattern.rawValue)</span></td>"
            html += "<td>\(Text.standard(Text.find(s.standards, .outboundCalls)))</td>"
            html += "<td>\(Text.standard(Text.find(s.standards, .conversations)))</td>"
            html += "<td>\(s.results.wonThisQuarter.map(Numbers.money) ?? "unknown")</td>"
            html += "<td>\(Text.pace(s.results))</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    static func teamSection(_ team: TeamDiagnosis) -> String {
        let f = team.funnel
        var html = "<section class=\"team\"><h2>The team</h2>"
        html +=
            "<p><strong>Funnel:</strong> \(f.calls) calls → \(f.connects) connects → \(f.conversations) conversations → "
        html += "\(f.meetings) meetings → \(f.won) won"
        html += f.wonAmount.map { " (\(Numbers.money($0)))" } ?? " (results unknown: no deals imported)"
        html += "</p>" + SVGChart.mix(team.channelMix, id: "mix")
        for health in team.standardsHealth {
            html += "<p><strong>Standards health (\(health.metric.phrase)), \(health.verdict.rawValue):</strong> "
            html += "\(Text.html(health.summary))</p>"
        }
        if !team.coverage.limits.isEmpty {
            html += "<p><strong>What the exports do not record:</strong></p><ul>"
            html += team.coverage.limits.map { "<li>\(Text.html($0))</li>" }.joined() + "</ul>"
        }
        if team.brightSpots.isEmpty {
            html += "<p><strong>What works:</strong> no seller's different way is demonstrably working this week.</p>"
        } else {
            html += "<p><strong>What works, for others to learn from:</strong></p><ul>"
            html += team.brightSpots.map { "<li>\(Text.html($0))</li>" }.joined() + "</ul>"
        }
        return html + experiments(team.coaching) + "</section>\n"
    }

    static func sellerSection(_ s: SellerDiagnosis, index: Int) -> String {
        var html =
            "<section class=\"seller\"><h2>\(Text.html(s.seller.name)) <small>\(Text.html(s.seller.team))</small> "
        html += "<span class=\"pattern \(s.pattern.rawValue)\">\(s.pattern.rawValue)</span></h2>"
        if !s.secondaryPatterns.isEmpty {
            html += "<p class=\"also\">Also: \(s.secondaryPatterns.map(\.rawValue).joined(separator: ", "))</p>"
        }
        html += "<div class=\"views\"><div class=\"manager\"><h3>Manager view</h3><p>\(Text.html(s.managerView))</p>"
        html += historyChart(s, id: "s\(index)")
        html += "</div><div class=\"leader\"><h3>Leader view</h3>"
        if s.differentWayWorks {
            html += "<p class=\"works\">Their different way works: the standard may be what needs to change.</p>"
        }
        for belief in s.beliefs {
            html +=
                "<p class=\"belief\">“\(Text.html(belief.statement))” <span class=\"verdict \(belief.verdict.rawValue)\">"
            html += "\(belief.verdict.rawValue)</span></p><ul>"
            html += belief.evidence.map { "<li>\(Text.html($0))</li>" }.joined() + "</ul>"
        }
        if let prompt = s.prompts.first { html += "<p><strong>Ask:</strong> \(Text.html(prompt))</p>" }
        if let experience = s.experiences.first {
            html += "<p><strong>Experience to create:</strong> \(Text.html(experience))</p>"
        }
        for f in s.coaching.experiments {
            html += "<p class=\"experiment\"><strong>Experiment:</strong> \(Text.html(f.experiment.name)) "
            html += "(\(Text.span(f)), <span class=\"verdict \(f.verdict.rawValue)\">\(Text.status(f))</span>): "
            html += "\(Text.html(f.summary))</p>"
        }
        if s.beliefs.isEmpty && s.prompts.isEmpty { html += "<p>Nothing to coach this week.</p>" }
        html += "</div></div>"
        for flag in s.dataQuality { html += "<p class=\"flag\">Check the data: \(Text.html(flag.detail))</p>" }
        if let funnel = s.reverseFunnel {
            html += "<p><strong>Reverse funnel:</strong> \(Text.html(Text.funnel(funnel)))</p>"
        }
        return html + "</section>\n"
    }

    /// The team's experiments: still running, ended, and what worked for whom; nothing without a coaching log.
    static func experiments(_ coaching: TeamCoaching) -> String {
        guard !coaching.open.isEmpty || !coaching.finished.isEmpty else { return "" }
        var html = ""
        let lists: [(String, [TeamExperiment])] = [
            ("Experiments still running", coaching.open), ("Experiments that ended", coaching.finished),
        ]
        for (title, experiments) in lists where !experiments.isEmpty {
            html += "<p><strong>\(title):</strong></p><ul>"
            html += experiments.map { "<li>\(Text.html(Text.teamExperiment($0)))</li>" }.joined() + "</ul>"
        }
        if coaching.worked.isEmpty {
            return html
                + "<p><strong>What worked, for whom:</strong> no finished experiment has clearly worked yet.</p>"
        }
        html += "<p><strong>What worked, for whom (to suggest to someone else):</strong></p><ul>"
        return html + coaching.worked.map { "<li>\(Text.html(Text.worked($0)))</li>" }.joined() + "</ul>"
    }

    /// The six-week chart of the seller's main standard, or nothing when no per-day or per-week standard applies.
    static func historyChart(_ s: SellerDiagnosis, id: String) -> String {
        guard let main = s.standards.first(where: { $0.per != .quarter }) else { return "" }
        return SVGChart.weeks(
            s.history, label: "\(s.seller.name): \(main.metric.phrase) a \(main.per.rawValue), last six weeks", id: id)
    }

    /// A complete page around `body`.
    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Text.html(title))</title>
        <style>
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2430;max-width:1100px;margin:2rem auto;padding:0 1rem}
        h1 small,h2 small{color:#5b6575;font-weight:normal;font-size:.7em}
        table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border-bottom:1px solid #d8dde5;padding:.35rem .5rem;text-align:left}
        caption{text-align:left;font-weight:600;padding:.3rem 0}thead th{background:#f1f4f8}
        .pattern{display:inline-block;padding:0 .45rem;border-radius:.6rem;background:#e8edf5;font-size:.85em}
        .on-standard{background:#d9f2e3}.channel-substitution,.fading{background:#fde9c8}.under-activity,.activity-without-conversations,.conversations-without-results{background:#fbd9d9}
        .views{display:grid;grid-template-columns:1fr 1fr;gap:1.5rem}.seller{border-top:2px solid #1d2430;margin-top:1.5rem}
        .verdict{font-weight:600}.supported,.done-and-working{color:#17733f}.contradicted,.not-done,.done-not-working{color:#a3271f}.inconclusive,.on-leave{color:#5b6575}
        code{font:13px/1.4 ui-monospace,Menlo,monospace;background:#f1f4f8;padding:0 .25rem}
        .works{background:#d9f2e3;padding:.4rem}.flag{background:#fff4d6;padding:.3rem}
        .chart{width:100%;max-width:420px;height:auto}.chart .met{fill:#2f8f5b}.chart .missed{fill:#c9533f}
        .chart .target{stroke:#1d2430;stroke-width:2}.chart .base{stroke:#8a93a3}.chart .axis{font-size:9px;fill:#5b6575}
        .blank{border:1px solid #d8dde5;min-height:5rem}
        .c0{fill:#2f6db5}.c1{fill:#7aa6d8}.c2{fill:#e39b39}.c3{fill:#2f8f5b}
        @media print{body{margin:0;max-width:none;font-size:11pt}.seller{page-break-inside:avoid}.views{grid-template-columns:1fr 1fr}}
        @media (max-width:700px){.views{grid-template-columns:1fr}}
        </style></head><body>
        \(body)
        </body></html>

        """
    }
}
