/// A seller's contact journeys for a channel belief: over the whole lookback, and, when their way changed,
/// since the change and before it.
struct SellerJourneys {
    /// The seller's touches, from which the views are built.
    let touches: [ContactTouch]
    let minimumCallSeconds: Int
    /// The last day the touches cover (the report week's end): results are looked for up to it.
    let dataEnd: LocalDate
    var whole: JourneyView
    /// The first week of the new way, with the journeys since it and before it.
    var change: (week: ISOWeek, since: JourneyView, before: JourneyView)?
    /// How many weeks the span since the change holds (for "at this pace").
    var weeksSince = 0
}

extension SellerJourneys {
    /// The journeys of `touches` over `from` … `to`; when the share of outbound touches on `channel` rose by at
    /// least `rules.mixChangeShare` (the week of the largest rise, with a week or more on each side), also since
    /// that week and before it. `weekly` is the seller's tally per lookback week, oldest first.
    init(
        _ touches: [ContactTouch], channel: Channel, weekly: [(week: ISOWeek, tally: DayTally)], from: LocalDate,
        to: LocalDate, dataEnd: LocalDate? = nil, minimumCallSeconds: Int, rules: DiagnosisRules
    ) {
        let dataEnd = dataEnd ?? to
        func view(_ first: LocalDate, _ last: LocalDate) -> JourneyView {
            JourneyRules.view(
                touches, from: first, to: last, dataEnd: dataEnd, minimumCallSeconds: minimumCallSeconds, rules: rules)
        }
        self.touches = touches
        self.minimumCallSeconds = minimumCallSeconds
        self.dataEnd = dataEnd
        whole = view(from, to)
        let shares: [(week: ISOWeek, share: Double)] = weekly.compactMap { week in
            let all = MetricCount.outboundTouches(week.tally)
            return all > 0 ? (week.week, Double(channel.touches(week.tally)) / Double(all)) : nil
        }
        var best: (index: Int, rise: Double)?
        for index in shares.indices.dropFirst() {
            let before = shares[..<index].map(\.share)
            let since = shares[index...].map(\.share)
            let rise = since.reduce(0, +) / Double(since.count) - before.reduce(0, +) / Double(before.count)
            if rise >= rules.mixChangeShare && rise > (best?.rise ?? -1) { best = (index, rise) }
        }
        if let best {
            let week = shares[best.index].week
            change = (week, view(week.monday, to), view(from, week.monday.adding(days: -1)))
            // Calendar weeks from the change to the span's end, weeks off included.
            weeksSince = (to.daysSinceEpoch - week.monday.daysSinceEpoch) / 7 + 1
        }
    }

    /// The same touches over `from` … `to` alone, as one span (an experiment's weeks).
    func over(from: LocalDate, to: LocalDate, channel: Channel, rules: DiagnosisRules) -> SellerJourneys {
        SellerJourneys(
            touches, channel: channel, weekly: [], from: from, to: to, dataEnd: dataEnd,
            minimumCallSeconds: minimumCallSeconds, rules: rules)
    }
}

/// `social-beats-calls` and `email-beats-calls`, judged on contact journeys: of the people the seller reached on
/// the channel, how many went on to a conversation or a meeting, against the people they called. Reply rates,
/// where the export records them, are supporting evidence only: a verdict never rests on them, so removing them
/// (or any other field) never turns a verdict around.
enum ChannelBelief {
    /// The beliefs judged here.
    static let ids: Set<String> = ["social-beats-calls", "email-beats-calls"]

    /// The channel a belief of `ids` is about.
    static func channel(of id: String) -> Channel { id == "email-beats-calls" ? .emails : .linkedin }

    static func assess(id: String, _ f: BeliefFacts, window: String, rules: DiagnosisRules) -> BeliefAssessment {
        let channel = channel(of: id)
        let statement =
            channel == .linkedin
            ? "LinkedIn gets me further with buyers than the phone does."
            : "Emails get me further with buyers than calls do."
        var evidence: [String] = []
        var facts = ["channel": channel.phrase]
        let verdict: Verdict
        if let journeys = f.journeys {
            let since = journeys.change?.since ?? journeys.whole
            let before = journeys.change?.before ?? journeys.whole
            let spanNew = journeys.change.map { "since \($0.week.monday)" } ?? "over \(window)"
            let spanCalls = journeys.change.map { "before \($0.week.monday)" } ?? "over \(window)"
            let theirs = rate(since, channel, rules: rules)
            let calls = rate(before, .calls, rules: rules)
            if let change = journeys.change {
                evidence.append(
                    "Your way changed in \(change.week): most of your outbound touches have gone to \(channel.phrase) "
                        + "since then, so that way is judged on its own weeks against the weeks before.")
            }
            evidence.append(
                line(
                    theirs, pending: since.channels[channel]?.pending ?? 0, channel: channel, span: spanNew,
                    rules: rules))
            evidence.append(
                line(
                    calls, pending: before.channels[.calls]?.pending ?? 0, channel: .calls, span: spanCalls,
                    rules: rules))
            if let first = since.meetingsFirstReachedOn[channel], since.meetings > 0 {
                evidence.append(
                    "\(first) of your \(since.meetings) meetings \(spanNew) \(first == 1 ? "was" : "were") with people you first "
                        + "\(channel.reachedVerb).")
            }
            let comparison = theirs.compared(
                to: calls, minimumSample: rules.minimumSample, minimumRecordedShare: rules.minimumRecordedShare)
            switch comparison {
            case .higher: verdict = .supported
            case .lower: verdict = .contradicted
            case .indistinguishable:
                verdict = .inconclusive
                evidence.append("No clear difference once the sample sizes are taken into account.")
            case .tooFewToTell:
                verdict = .inconclusive
                evidence.append(
                    tooEarly(
                        theirs, pending: since.channels[channel]?.pending ?? 0, journeys: journeys, channel: channel,
                        rules: rules))
            case .unrecorded:
                verdict = .inconclusive
                evidence.append(
                    "Unknown is not zero: without the contacts (or the calls' outcomes), this belief "
                        + "cannot be judged.")
            }
            if comparison != .unrecorded {
                facts["channel_people"] = "\(theirs.attempts)"
                facts["channel_reached"] = "\(theirs.hits)"
                facts["channel_rate"] = Percent.format(theirs.value)
                facts["compared_people"] = "\(calls.attempts)"
                facts["compared_call_rate"] = Percent.format(calls.value)
            }
        } else {
            verdict = .inconclusive
            evidence.append(
                "Contact journeys were not read for this seller, so the belief is not judged on the meetings that "
                    + "followed each channel.")
        }
        let replies = channel.responseRate(f.own)
        if replies.isRecorded(minimumShare: rules.minimumRecordedShare), replies.attempts > 0 {
            evidence.append("Supporting, not deciding: your \(channel.noun) replies over \(window): \(replies.phrase).")
        } else if replies.unrecorded > 0 {
            evidence.append(
                "Your CRM export records \(replies.attempts == 0 ? "no" : "too few") \(channel.noun) replies, so "
                    + "\(channel.noun) is judged by the meetings and conversations that followed it.")
        }
        if let pace = f.results.pace {
            evidence.append("Results: \(Percent.format(pace)) of pace this quarter.")
        } else {
            evidence.append("Results unknown: no deals imported.")
        }
        return BeliefAssessment(id: id, statement: statement, verdict: verdict, evidence: evidence, facts: facts)
    }

    /// The people reached on `channel` in `view` who went on to a conversation or meeting; unrecorded in
    /// proportion to the touches that name no contact and, for calls, to the calls whose end is unknown.
    static func rate(_ view: JourneyView, _ channel: Channel, rules: DiagnosisRules) -> Rate {
        let journey = view.channels[channel] ?? ChannelJourney()
        var rate = journey.rate(z: rules.confidenceZ)
        if channel == .calls, journey.touches > 0, view.callsUnobserved > 0 {
            let known = Double(journey.touches - view.callsUnobserved) / Double(journey.touches)
            let share = rate.recordedShare * known
            let unrecorded =
                share > 0
                ? Int((Double(rate.attempts) * (1 / share - 1)).rounded(.up)) : rate.unrecorded + view.callsUnobserved
            rate = Rate(hits: rate.hits, attempts: rate.attempts, unrecorded: unrecorded, z: rules.confidenceZ)
        }
        return rate
    }

    private static func line(_ rate: Rate, pending: Int, channel: Channel, span: String, rules: DiagnosisRules)
        -> String
    {
        let verb = channel.reachedVerb
        guard rate.isRecorded(minimumShare: rules.minimumRecordedShare) else {
            return "The people you \(verb) \(span): not known, as the export names no contact (or no outcome) for "
                + "too many touches (\(Percent.format(rate.recordedShare)) recorded)."
        }
        guard rate.attempts > 0 else {
            return pending > 0
                ? "\(pending) people \(verb) \(span), all too recently to tell (a result comes within "
                    + "\(rules.journeyWindowDays) days)."
                : "Nobody \(verb) \(span)."
        }
        return "Of the \(rate.attempts) people you \(verb) \(span), \(rate.hits) went on to a conversation or a "
            + "meeting within \(rules.journeyWindowDays) days (\(Percent.format(rate.value)), likely "
            + "\(Percent.range(rate.low, rate.high)))."
            + (pending > 0 ? " \(pending) more were reached too recently to tell." : "")
    }

    /// "Too early to tell: 8 people reached on LinkedIn since 2026-11-02; at this pace 2 more weeks are needed."
    private static func tooEarly(
        _ theirs: Rate, pending: Int, journeys: SellerJourneys, channel: Channel, rules: DiagnosisRules
    ) -> String {
        guard let change = journeys.change, theirs.attempts < rules.minimumSample else {
            return "Too few people to tell (at least \(rules.minimumSample) on each side are needed)."
        }
        let reached = theirs.attempts + pending
        let perWeek = Double(reached) / Double(max(1, journeys.weeksSince))
        let needed = rules.minimumSample - reached
        let text = "Too early to tell: \(reached) people \(channel.reachedVerb) since \(change.week.monday)"
        guard needed > 0 else {
            return text + "; their results come within \(rules.journeyWindowDays) days of each touch."
        }
        let weeks = perWeek > 0 ? Int((Double(needed) / perWeek).rounded(.up)) : nil
        return text + (weeks.map { "; at this pace \($0) more week\($0 == 1 ? "" : "s") needed." } ?? ".")
    }
}
