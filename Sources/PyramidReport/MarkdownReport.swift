import PyramidCore

/// The weekly team report and the one-to-one agenda as Markdown that reads well in a terminal and pastes
/// cleanly into Notion, Confluence or Slack. Every string from an export is escaped.
public enum MarkdownReport {
    /// The weekly team report.
    public static func team(_ team: TeamDiagnosis) -> String {
        var out: [String] = []
        out.append("# Team report, week \(team.week) (\(Text.range(team.week)))")
        out.append("")
        if team.sellers.isEmpty {
            out.append("No sellers to report for this week. Import a roster and activity exports first.")
            return out.joined(separator: "\n") + "\n"
        }
        out.append("| Seller | Team | Pattern | Calls a day | Conversations | Won this quarter | Pace |")
        out.append("|---|---|---|---:|---:|---:|---:|")
        for s in team.sellers {
            let won = s.results.wonThisQuarter.map(Numbers.money) ?? "unknown"
            out.append(
                "| \(Text.markdown(s.seller.name)) | \(Text.markdown(s.seller.team)) | \(s.pattern.rawValue) | "
                    + "\(Text.standard(Text.find(s.standards, .outboundCalls))) | "
                    + "\(Text.standard(Text.find(s.standards, .conversations))) | \(won) | \(Text.pace(s.results)) |")
        }
        out.append("")
        out.append(contentsOf: teamSection(team))
        for s in team.sellers {
            out.append("")
            out.append(contentsOf: sellerSection(s))
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func teamSection(_ team: TeamDiagnosis) -> [String] {
        var out = ["## The team", ""]
        let f = team.funnel
        let won = f.wonAmount.map { " (\(Numbers.money($0)))" } ?? " (results unknown: no deals imported)"
        out.append(
            "**Funnel:** \(f.calls) calls → \(f.connects) connects → \(f.conversations) conversations → "
                + "\(f.meetings) meetings → \(f.won) won\(won)")
        let touches = team.channelMix.values.reduce(0, +)
        if touches > 0 {
            let mix = ["calls", "emails", "linkedin", "meetings"].map { key in
                "\(key) \(Percent.format(Double(team.channelMix[key] ?? 0) / Double(touches)))"
            }
            out.append("")
            out.append("**Channel mix:** " + mix.joined(separator: ", "))
        }
        for health in team.standardsHealth {
            out.append("")
            out.append("**Standards health (\(health.metric.phrase)), \(health.verdict.rawValue):** \(health.summary)")
        }
        if !team.coverage.limits.isEmpty {
            out.append("")
            out.append("**What the exports do not record:**")
            for limit in team.coverage.limits { out.append("- \(Text.markdown(limit))") }
        }
        out.append("")
        if team.brightSpots.isEmpty {
            out.append("**What works:** no seller's different way is demonstrably working this week.")
        } else {
            out.append("**What works, for others to learn from:**")
            for spot in team.brightSpots { out.append("- \(Text.markdown(spot))") }
        }
        out.append(contentsOf: experiments(team.coaching))
        return out
    }

    static func sellerSection(_ s: SellerDiagnosis) -> [String] {
        // A seller without a team is named alone, not with empty brackets.
        let team = s.seller.team.isEmpty ? "" : " (\(Text.markdown(s.seller.team)))"
        var out = ["## \(Text.markdown(s.seller.name))\(team): \(s.pattern.rawValue)", ""]
        if !s.secondaryPatterns.isEmpty {
            out.append("Also: " + s.secondaryPatterns.map(\.rawValue).joined(separator: ", "))
            out.append("")
        }
        out.append("**Manager view.** \(Text.markdown(s.managerView))")
        out.append("")
        out.append("**Leader view.**")
        if s.differentWayWorks {
            out.append("- Their different way works: the standard may be what needs to change, not the seller.")
        }
        for belief in s.beliefs {
            out.append("- Belief: \"\(Text.markdown(belief.statement))\": **\(belief.verdict.rawValue)**")
            for line in belief.evidence { out.append("  - \(Text.markdown(line))") }
        }
        if let prompt = s.prompts.first { out.append("- Ask: \(Text.markdown(prompt))") }
        if let experience = s.experiences.first { out.append("- Experience to create: \(Text.markdown(experience))") }
        for f in s.coaching.experiments {
            out.append(
                "- Experiment \"\(Text.markdown(f.experiment.name))\" (\(Text.span(f)), \(Text.status(f))): "
                    + Text.markdown(f.summary))
        }
        if s.beliefs.isEmpty && s.prompts.isEmpty { out.append("- Nothing to coach this week.") }
        for flag in s.dataQuality { out.append("- Check the data: \(Text.markdown(flag.detail))") }
        if !s.trailing.isEmpty {
            let gaps = s.trailing.map {
                "\($0.metric) \(Numbers.format($0.actual)) (team median \(Numbers.format($0.teamMedian)))"
            }
            out.append("- Trails the team most on: " + gaps.joined(separator: "; "))
        }
        if let funnel = s.reverseFunnel { out.append("- Reverse funnel: " + Text.markdown(Text.funnel(funnel))) }
        return out
    }

    /// The team's experiments: still running, ended, and what worked for whom; nothing without a coaching log.
    static func experiments(_ coaching: TeamCoaching) -> [String] {
        guard !coaching.open.isEmpty || !coaching.finished.isEmpty else { return [] }
        var out: [String] = []
        let lists: [(String, [TeamExperiment])] = [
            ("Experiments still running", coaching.open), ("Experiments that ended", coaching.finished),
        ]
        for (title, experiments) in lists where !experiments.isEmpty {
            out.append("")
            out.append("**\(title):**")
            for experiment in experiments { out.append("- \(Text.markdown(Text.teamExperiment(experiment)))") }
        }
        out.append("")
        if coaching.worked.isEmpty {
            out.append("**What worked, for whom:** no finished experiment has clearly worked yet.")
        } else {
            out.append("**What worked, for whom (to suggest to someone else):**")
            for experiment in coaching.worked { out.append("- \(Text.markdown(Text.worked(experiment)))") }
        }
        return out
    }
}
