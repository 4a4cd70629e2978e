/// The sentences of a follow-through, in the seller's terms and with the sample sizes.
struct FollowThroughWords {
    let experiment: Experiment
    let first: ISOWeek
    let span: [ISOWeek]
    let weeks: [ExperimentWeek]
    let rules: DiagnosisRules
    /// "Conversations" or "Held meetings".
    let outcomeName: String

    private var measure: ExperimentMeasure? { experiment.measure }

    /// `2026-W44 to 2026-W45`.
    private var spanPhrase: String {
        guard let last = span.last, last != first else { return first.description }
        return "\(first) to \(last)"
    }

    /// Was the agreed action done, week by week.
    func doneLine(doneWeeks: Int, worked: Int) -> String {
        guard let measure else { return "No measure was agreed, so the data cannot tell whether it was done." }
        guard worked > 0 else {
            return "Agreed: \(measure.phrase). No working days on \(measure.daysPhrase) in \(spanPhrase): on leave."
        }
        let values = weeks.compactMap { week in week.actual.map { "\(Numbers.format($0)) in \(week.week)" } }
        return "Agreed: \(measure.phrase). Done in \(doneWeeks) of the \(count(worked, "week")) worked: "
            + values.joined(separator: ", ") + "."
    }

    /// What the seller reached on the measure's days, against the same days before; with the channel the
    /// targeted belief favours, over the same weeks.
    func reachLine(before: Window, during: Window) -> String? {
        guard let measure, during.coveredWeeks > 0, before.coveredWeeks > 0 else { return nil }
        let reached: (DayTally) -> Int
        let what: (String) -> String
        var byPhone = false
        switch measure.metric {
        case .outboundEmails:
            reached = { $0.emailReplies }
            what = { "\($0) replied to your emails" }
        case .linkedin:
            reached = { $0.linkedinReplies }
            what = { "\($0) replied on LinkedIn" }
        case .meetings, .meetingsHeld:
            reached = { $0.meetingsHeld }
            what = { "you held \($0)" }
        default:
            reached = { $0.connectedCalls }
            what = { "you reached \($0) by phone" }
            byPhone = true
        }
        let noun = measure.metric == .meetings || measure.metric == .meetingsHeld ? "meeting" : "buyer"
        let reachedDuring = reached(during.covered)
        let perWeekBefore = Double(reached(before.covered)) / Double(before.coveredWeeks)
        let start = measure.weekdays.isEmpty ? "During the experiment" : "On \(measure.daysPhrase)"
        var line =
            "\(start) \(what(count(reachedDuring, noun))) in \(count(during.coveredWeeks, "week"))"
            + " (\(Numbers.format(Double(reachedDuring) / Double(during.coveredWeeks))) a week), against "
            + "\(Numbers.format(perWeekBefore)) a week in the \(count(before.coveredWeeks, "week")) before"
        // Replies are quoted only where the export records them: a count of replies never recorded is not zero.
        let tally = during.tally
        if byPhone, let belief = experiment.belief {
            if belief == "social-beats-calls", tally.linkedinUnobserved == 0 {
                line += "; LinkedIn gave \(count(tally.linkedinReplies, "reply", "replies")) in those weeks"
            } else if belief == "email-beats-calls", tally.emailsUnobserved == 0 {
                line += "; emails got \(count(tally.emailReplies, "reply", "replies")) in those weeks"
            }
        }
        return line + "."
    }

    /// The outcome that decides whether it worked, per working day against the baseline.
    func outcomeLine(_ change: CountChange, baselineWeeks: Int) -> String {
        "\(outcomeName): \(Numbers.format(change.perDayDuring)) a working day during the experiment "
            + "(\(change.during) in \(count(change.duringDays, "day"))), against "
            + "\(Numbers.format(change.perDayBefore)) in the \(count(baselineWeeks, "week")) before "
            + "(\(change.before) in \(count(change.beforeDays, "day"))): \(words(change.comparison, more: "more", fewer: "fewer"))."
    }

    /// Calls that connected, against the baseline.
    func connectLine(_ change: RateChange) -> String {
        "Calls that connected: \(change.during.phrase), against \(change.before.phrase) before: "
            + words(change.comparison, more: "higher", fewer: "lower") + "."
    }

    /// New deals opened during the experiment against the baseline weeks; nil when there were none.
    func dealsLine(_ deals: [DealFact], before: [ISOWeek], during: [ISOWeek]) -> String? {
        func opened(_ weeks: [ISOWeek]) -> [DealFact] {
            guard let first = weeks.first, let last = weeks.last else { return [] }
            let end = last.monday.adding(days: 6)
            return deals.filter { deal in deal.createdDate.map { $0 >= first.monday && $0 <= end } == true }
        }
        let (was, now) = (opened(before), opened(during))
        guard !was.isEmpty || !now.isEmpty else { return nil }
        func amount(_ deals: [DealFact]) -> String { Numbers.money(deals.map(\.amount).reduce(0, +)) }
        return "New deals opened: \(now.count) (\(amount(now))) during the experiment, against \(was.count) "
            + "(\(amount(was))) in the \(count(before.count, "week")) before."
    }

    /// One line for the team report: what happened, without the verdict (shown next to it).
    func summary(_ verdict: ExperimentVerdict, doneWeeks: Int, worked: Int, outcome: CountChange) -> String {
        guard let measure else { return "no measure was agreed, so the data cannot judge it" }
        switch verdict {
        case .onLeave: return "no working days on \(measure.daysPhrase) during the experiment"
        case .notDone:
            return "\(measure.phrase) in \(doneWeeks) of the \(count(worked, "week")) worked"
        default:
            return "done in \(doneWeeks) of the \(count(worked, "week")) worked; \(outcomeName.lowercased()) "
                + "\(Numbers.format(outcome.perDayDuring)) a working day against \(Numbers.format(outcome.perDayBefore)) "
                + "before (\(words(outcome.comparison, more: "more", fewer: "fewer")))"
        }
    }

    private func words(_ comparison: Rate.Comparison, more: String, fewer: String) -> String {
        switch comparison {
        case .higher: "clearly \(more)"
        case .lower: "clearly \(fewer)"
        case .indistinguishable: "no clear difference once the sample sizes are taken into account"
        case .tooFewToTell: "too few to tell yet (at least \(rules.minimumSample) are needed)"
        case .unrecorded: "unknown: the export does not record enough of the outcomes"
        }
    }

    /// `1 week`, `2 weeks`.
    private func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }
}
