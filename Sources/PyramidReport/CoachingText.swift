import PyramidCore

/// Coaching phrases shared by the Markdown, HTML and JSON renderers.
extension Text {
    /// `2026-W44 to 2026-W45`.
    static func span(_ f: ExperimentFollowThrough) -> String {
        f.firstWeek == f.experiment.lastWeek ? "\(f.firstWeek)" : "\(f.firstWeek) to \(f.experiment.lastWeek)"
    }

    /// `done and working`, or `running, week 1 of 2, so far inconclusive` while it runs.
    static func status(_ f: ExperimentFollowThrough) -> String {
        guard !f.finished else { return f.verdict.phrase }
        let total = (f.experiment.lastWeek.monday.daysSinceEpoch - f.firstWeek.monday.daysSinceEpoch) / 7 + 1
        return "running, week \(f.weeks.count) of \(total), so far \(f.verdict.phrase)"
    }

    /// `Ben Carter: Phone-first … (2026-W44 to 2026-W45): done in 2 of the 2 weeks worked; …`, for "what worked
    /// for whom".
    static func worked(_ t: TeamExperiment) -> String {
        "\(t.seller.name): \(t.followThrough.experiment.name) (\(span(t.followThrough))): \(t.followThrough.summary)"
            + (t.couldHelp.isEmpty ? "" : " — could help: " + t.couldHelp.map(\.name).joined(separator: ", "))
    }

    /// One line per experiment for the team view: who, what, when, where it stands.
    static func teamExperiment(_ t: TeamExperiment) -> String {
        let f = t.followThrough
        return "\(t.seller.name): \(f.experiment.name) (\(span(f)), \(status(f))): \(f.summary)"
    }

    /// The belief follow-up in one sentence.
    static func beliefFollowUp(_ b: BeliefFollowUp) -> String {
        let change =
            b.before == b.during
            ? "still \(b.during.rawValue) by the experiment weeks alone"
            : "now \(b.during.rawValue) by the experiment weeks alone"
        return "\"\(b.statement)\" was \(b.before.rawValue) before the experiment; \(change). "
            + b.evidence.joined(separator: " ")
    }
}
