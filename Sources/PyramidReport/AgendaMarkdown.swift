import PyramidCore

/// The one-to-one agenda, in the order a good coach runs it: what is working, last time's agreements and what
/// the data says about them (once a coaching log exists), this week's numbers, open questions, the experiences
/// to create (numbered for `pyramid coach --accept N`), then room for the seller's view and the agreements.
public enum AgendaMarkdown {
    /// The agenda for one seller's week.
    public static func agenda(_ s: SellerDiagnosis, week: ISOWeek) -> String {
        var out = ["# One-to-one: \(Text.markdown(s.seller.name)), week \(week) (\(Text.range(week)))", ""]
        out.append("_Pattern: \(s.pattern.rawValue). \(Text.markdown(s.managerView))_")
        out.append("")
        out.append("## What is working")
        out.append("")
        if s.strengths.isEmpty {
            out.append(
                s.pattern == .onLeave
                    ? "- On leave this week: welcome back first." : "- Nothing stands out in the data yet; ask.")
        } else {
            for line in s.strengths { out.append("- \(Text.markdown(line))") }
        }
        out.append("")
        out.append(contentsOf: AgendaCoaching.markdown(s))
        out.append(contentsOf: AgendaCoaching.peersMarkdown(s))
        out.append("## This week's numbers")
        out.append("")
        out.append("| | This week | Standard |")
        out.append("|---|---:|---:|")
        for row in AgendaRows.rows(s) { out.append("| \(row.label) | \(row.actual) | \(row.target) |") }
        out.append("")
        if let funnel = s.reverseFunnel {
            out.append("_Reverse funnel:_ " + Text.markdown(Text.funnel(funnel)))
            out.append("")
        }
        out.append("## Questions")
        out.append("")
        if s.prompts.isEmpty { out.append("1. How did the week go for you?") }
        for (index, prompt) in s.prompts.enumerated() { out.append("\(index + 1). \(Text.markdown(prompt))") }
        if let belief = s.beliefs.first {
            out.append("")
            out.append(
                "_Behind the questions: \"\(Text.markdown(belief.statement))\" is \(belief.verdict.rawValue) by "
                    + "their own numbers. " + belief.evidence.map(Text.markdown).joined(separator: " ") + "_")
        }
        if !s.coverage.limits.isEmpty {
            out.append("")
            out.append("_What the export does not record:_")
            for limit in s.coverage.limits { out.append("- \(Text.markdown(limit))") }
        }
        out.append("")
        out.append("## Experiences to create together")
        out.append("")
        out.append(contentsOf: AgendaCoaching.experiencesMarkdown(s, week: week))
        out.append("")
        out.append("## Your view")
        out.append("")
        out.append("> ")
        out.append("")
        out.append("## Agreements")
        out.append("")
        out.append("- [ ] ")
        return out.joined(separator: "\n") + "\n"
    }
}

/// The small table of this week's numbers, shared by every agenda format.
enum AgendaRows {
    struct Row {
        var label: String
        var actual: String
        var target: String
    }

    static func rows(_ s: SellerDiagnosis) -> [Row] {
        var rows: [Row] = []
        var shown = Set<Metric>()
        for standard in s.standards {
            shown.insert(standard.metric)
            let per = standard.per == .quarter ? " this quarter" : " a \(standard.per.rawValue)"
            let money = standard.metric == .wonAmount
            var target = money ? Numbers.money(standard.target) : Numbers.format(standard.target)
            if standard.metric == .wonAmount, let pace = s.results.pace {
                target += " (\(Percent.format(pace)) of pace)"
            }
            rows.append(
                Row(
                    label: standard.metric.phrase.prefix(1).uppercased() + standard.metric.phrase.dropFirst() + per,
                    actual: money ? Numbers.money(standard.actual) : Numbers.format(standard.actual), target: target))
        }
        if !shown.contains(.wonAmount), s.results.quarterTarget != nil, s.results.wonThisQuarter == nil {
            rows.append(Row(label: "New business won this quarter", actual: "unknown (no deals imported)", target: "–"))
        }
        let extras: [(Metric, String, Int)] = [
            (.outboundCalls, "Outbound calls", s.actions.outboundCalls), (.outboundEmails, "Emails", s.actions.emails),
            (.linkedin, "LinkedIn touches", s.actions.linkedin), (.meetings, "Meetings", s.actions.meetings),
            (.conversations, "Conversations", s.actions.conversations),
        ]
        for (metric, label, value) in extras where !shown.contains(metric) || metric == .outboundCalls {
            rows.append(Row(label: label + " (week)", actual: "\(value)", target: "–"))
        }
        rows.append(Row(label: "Working days", actual: "\(s.actions.workingDays)", target: "–"))
        return rows
    }
}
