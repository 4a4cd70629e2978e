import PyramidCore

/// The agenda's coaching parts: last time's agreements with the follow-through of the experiments (only when
/// a coaching log exists), and the suggested experiences numbered for `pyramid coach --accept N`.
enum AgendaCoaching {
    // MARK: - Markdown

    /// "Last time's agreements", or nothing when no one-to-one was recorded before the week.
    static func markdown(_ s: SellerDiagnosis) -> [String] {
        guard let last = s.coaching.lastTime else { return [] }
        var out = ["## Last time's agreements", ""]
        out.append("_\(header(last))_" + (last.note.isEmpty ? "" : " \(Text.markdown(last.note))"))
        if !last.agreements.isEmpty {
            out.append("")
            for agreement in last.agreements { out.append("- \(Text.markdown(agreement))") }
        }
        for f in s.coaching.experiments {
            out.append("")
            let label = f.entry.id == last.id ? "Experiment" : "Earlier experiment (\(f.entry.week))"
            out.append(
                "**\(label): \(Text.markdown(f.experiment.name))** (\(Text.span(f))): **\(Text.status(f))**.")
            out.append("")
            for line in f.evidence { out.append("- \(Text.markdown(line))") }
            if let belief = f.belief { out.append("- Belief: \(Text.markdown(Text.beliefFollowUp(belief)))") }
        }
        out.append("")
        return out
    }

    /// "Learn from a teammate": who has a way that works on a belief the seller holds, with their numbers.
    static func peersMarkdown(_ s: SellerDiagnosis) -> [String] {
        guard !s.peerLessons.isEmpty else { return [] }
        var out = ["## Learn from a teammate", ""]
        for lesson in s.peerLessons {
            out.append(
                "- **\(Text.markdown(lesson.teacher.name))** (\(peerReason(lesson))): "
                    + lesson.evidence.map(Text.markdown).joined(separator: " "))
        }
        out.append("")
        return out
    }

    /// The suggested experiences, numbered, with the measure `--accept N` records, and the command.
    static func experiencesMarkdown(_ s: SellerDiagnosis, week: ISOWeek) -> [String] {
        guard !s.suggestedExperiments.isEmpty else {
            return ["Agree one thing to try this week: what, when, with whom, and what we will look at next week."]
        }
        var out: [String] = []
        for (index, suggestion) in s.suggestedExperiments.enumerated() {
            out.append("\(index + 1). \(Text.markdown(suggestion.text))")
            if let measure = suggestion.measure { out.append("   _Measure: \(measure.phrase)._") }
        }
        out.append("")
        out.append("_After the meeting: `\(command(s, week: week))`_")
        return out
    }

    // MARK: - HTML

    /// "Last time's agreements" as HTML, or nothing without a coaching log.
    static func html(_ s: SellerDiagnosis) -> String {
        guard let last = s.coaching.lastTime else { return "" }
        var html = "<h2>Last time's agreements</h2><p><em>\(Text.html(header(last)))</em>"
        html += last.note.isEmpty ? "</p>" : " \(Text.html(last.note))</p>"
        if !last.agreements.isEmpty {
            html += "<ul>" + last.agreements.map { "<li>\(Text.html($0))</li>" }.joined() + "</ul>"
        }
        for f in s.coaching.experiments {
            let label = f.entry.id == last.id ? "Experiment" : "Earlier experiment (\(f.entry.week))"
            html += "<p class=\"experiment\"><strong>\(label): \(Text.html(f.experiment.name))</strong> "
            html += "(\(Text.span(f))): <span class=\"verdict \(f.verdict.rawValue)\">\(Text.status(f))</span>.</p><ul>"
            html += f.evidence.map { "<li>\(Text.html($0))</li>" }.joined()
            if let belief = f.belief { html += "<li>Belief: \(Text.html(Text.beliefFollowUp(belief)))</li>" }
            html += "</ul>"
        }
        return html
    }

    /// "Learn from a teammate" as HTML, or nothing when no teammate's way answers the seller's beliefs.
    static func peersHTML(_ s: SellerDiagnosis) -> String {
        guard !s.peerLessons.isEmpty else { return "" }
        return "<h2>Learn from a teammate</h2><ul>"
            + s.peerLessons.map { lesson in
                "<li><strong>\(Text.html(lesson.teacher.name))</strong> (\(Text.html(peerReason(lesson)))): "
                    + lesson.evidence.map(Text.html).joined(separator: " ") + "</li>"
            }.joined() + "</ul>"
    }

    /// The suggested experiences as an HTML list, with the command that accepts one.
    static func experiencesHTML(_ s: SellerDiagnosis, week: ISOWeek) -> String {
        guard !s.suggestedExperiments.isEmpty else {
            return "<p>Agree one thing to try this week: what, when, with whom, and what we will look at next week.</p>"
        }
        var html = "<ol>"
        for suggestion in s.suggestedExperiments {
            html += "<li>\(Text.html(suggestion.text))"
            if let measure = suggestion.measure { html += "<br><em>Measure: \(Text.html(measure.phrase)).</em>" }
            html += "</li>"
        }
        return html + "</ol><p><em>After the meeting: <code>\(Text.html(command(s, week: week)))</code></em></p>"
    }

    // MARK: - Shared

    /// Why the teammate is worth learning from, in a few words.
    private static func peerReason(_ lesson: PeerLesson) -> String {
        switch lesson.kind {
        case .theirWayWorks: "their way works"
        case .experimentWorked: "their experiment worked"
        }
    }

    /// `2026-W43, with dana.reyes@example.com.`
    private static func header(_ entry: CoachingEntry) -> String {
        "\(entry.week)" + (entry.manager.isEmpty ? "." : ", with \(entry.manager).")
    }

    /// `pyramid coach ben@example.com --week 2026-W46 --accept 1 --agree "…"`.
    private static func command(_ s: SellerDiagnosis, week: ISOWeek) -> String {
        let email = s.seller.email.filter { $0 != "`" && $0 != "\"" && $0 != "'" && !$0.isWhitespace }
        return "pyramid coach \(email) --week \(week) --accept 1 --agree \"…\""
    }
}
