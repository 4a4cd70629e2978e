/// What following one seller's experiments looks at.
struct FollowThroughContext {
    let history: SellerHistory
    let config: WorkspaceConfig
    /// The report week.
    let week: ISOWeek
    /// The seller's belief facts at the report week; re-judging swaps in the window's own experience.
    let beliefs: BeliefFacts
    /// The seller's weeks against the main standard (not ramping, with working days).
    let ownWeeks: [(week: ISOWeek, met: Bool, value: Double)]
    /// The seller's deals.
    let deals: [DealFact]
    let dealsImported: Bool

    var rules: DiagnosisRules { config.rules }
}

/// Follow-through: for each experiment, was the agreed action done week by week, and what did it produce
/// against the seller's own baseline — with the same small-sample honesty as the belief verdicts.
enum FollowThroughRules {
    /// Last time's one-to-one and every experiment still running or ended within the lookback, newest first.
    static func coaching(_ entries: [CoachingEntry], context c: FollowThroughContext) -> SellerCoaching {
        let past = entries.filter { $0.week < c.week }.sorted { ($0.week, $0.id) < ($1.week, $1.id) }
        guard let last = past.last else { return SellerCoaching() }
        let followed = past.reversed().compactMap { entry -> ExperimentFollowThrough? in
            guard let experiment = entry.experiment, entry.isFollowed(at: c.week, rules: c.rules) else { return nil }
            return follow(entry, experiment, c)
        }
        return SellerCoaching(lastTime: last, experiments: followed)
    }

    static func follow(_ entry: CoachingEntry, _ experiment: Experiment, _ c: FollowThroughContext)
        -> ExperimentFollowThrough
    {
        let rules = c.rules
        let first = entry.firstExperimentWeek
        let span = weeks(from: first, to: min(experiment.lastWeek, c.week))
        let baseline = weeks(from: entry.week.adding(weeks: 1 - rules.experimentBaselineWeeks), to: entry.week)
        let measure = experiment.measure
        let judged = span.map { week(of: $0, measure: measure, c) }
        let before = Window(baseline, measure: measure, c)
        let during = Window(span, measure: measure, c)
        let conversations = change(
            MetricCount.conversations(before.tally, rules: rules), before.workingDays,
            MetricCount.conversations(during.tally, rules: rules), during.workingDays, rules)
        let meetings = change(
            MetricCount.meetingsHeld(before.tally, rules: rules), before.workingDays,
            MetricCount.meetingsHeld(during.tally, rules: rules), during.workingDays, rules)
        let z = rules.confidenceZ
        let connectsBefore = Experiences.connects(before.tally, z: z)
        let connectsDuring = Experiences.connects(during.tally, z: z)
        let connectRate = RateChange(
            before: connectsBefore, during: connectsDuring,
            comparison: connectsDuring.compared(
                to: connectsBefore, minimumSample: rules.minimumSample, minimumRecordedShare: rules.minimumRecordedShare
            ))
        let meetingsMeasure = measure.map { $0.metric == .meetings || $0.metric == .meetingsHeld } ?? false
        let outcome = meetingsMeasure ? meetings : conversations
        let worked = judged.filter { $0.workingDays > 0 }
        let doneWeeks = worked.filter { $0.done == true }.count
        let done = doneWeeks > 0 && Double(doneWeeks) >= rules.experimentDoneShare * Double(worked.count)
        let verdict: ExperimentVerdict
        if worked.isEmpty {
            verdict = .onLeave
        } else if measure == nil {
            verdict = .inconclusive
        } else if !done {
            verdict = .notDone
        } else {
            switch outcome.comparison {
            case .higher: verdict = .doneAndWorking
            case .lower, .indistinguishable: verdict = .doneNotWorking
            case .tooFewToTell, .unrecorded: verdict = .inconclusive
            }
        }
        let words = FollowThroughWords(
            experiment: experiment, first: first, span: span, weeks: judged, rules: rules,
            outcomeName: meetingsMeasure ? "Held meetings" : "Conversations")
        var evidence = [words.doneLine(doneWeeks: doneWeeks, worked: worked.count)]
        if !worked.isEmpty {
            if let reach = words.reachLine(before: before, during: during) { evidence.append(reach) }
            evidence.append(words.outcomeLine(outcome, baselineWeeks: baseline.count))
            if during.tally.outboundCalls > 0 {
                evidence.append(words.connectLine(connectRate))
            }
            if c.dealsImported, let deals = words.dealsLine(c.deals, before: baseline, during: span) {
                evidence.append(deals)
            }
        }
        return ExperimentFollowThrough(
            entry: entry, experiment: experiment, firstWeek: first, finished: experiment.lastWeek <= c.week,
            weeks: judged, verdict: verdict, outcome: meetingsMeasure ? "meetings-held" : "conversations",
            conversations: conversations, meetings: meetings, connectRate: connectRate,
            belief: experiment.belief.flatMap { rejudge($0, entry: entry, span: span, c) }, evidence: evidence,
            summary: words.summary(verdict, doneWeeks: doneWeeks, worked: worked.count, outcome: outcome),
            reportWeek: experiment.lastWeek < c.week ? week(of: c.week, measure: measure, c) : nil)
    }

    /// The weeks from `first` to `last`, inclusive (none when `last` comes first).
    static func weeks(from first: ISOWeek, to last: ISOWeek) -> [ISOWeek] {
        var weeks: [ISOWeek] = []
        var week = first
        while week <= last {
            weeks.append(week)
            week = week.adding(weeks: 1)
        }
        return weeks
    }

    /// One week of the measure: the seller's working days among the days it covers, the count, the target.
    static func week(of week: ISOWeek, measure: ExperimentMeasure?, _ c: FollowThroughContext) -> ExperimentWeek {
        let covered = week.days.filter { measure?.covers($0) ?? true }
        let working = covered.filter(c.history.calendar.isWorkingDay)
        guard let measure, !working.isEmpty else {
            return ExperimentWeek(week: week, workingDays: working.count, actual: nil, target: nil, done: nil)
        }
        let count = working.reduce(0.0) { sum, day in
            sum + MetricCount.count(measure.metric, in: c.history.tally(from: day, to: day), rules: c.rules)
        }
        let actual = measure.actual(count: count, workingDays: working.count)
        let target = measure.target(
            workingDays: working.count, nominalDays: covered.filter(c.config.isWorkingDay).count)
        return ExperimentWeek(
            week: week, workingDays: working.count, actual: actual, target: target,
            done: actual >= target * c.rules.metRatio)
    }

    /// A count during the experiment against the baseline, per working day (see `CountChange`).
    static func change(_ before: Int, _ beforeDays: Int, _ during: Int, _ duringDays: Int, _ rules: DiagnosisRules)
        -> CountChange
    {
        let comparison: Rate.Comparison
        if beforeDays == 0 || duringDays == 0 {
            comparison = .tooFewToTell
        } else {
            let share = Double(duringDays) / Double(beforeDays + duringDays)
            comparison = Rate(hits: during, attempts: before + during, z: rules.confidenceZ)
                .compared(
                    toShare: share, minimumSample: rules.minimumSample, minimumRecordedShare: rules.minimumRecordedShare
                )
        }
        return CountChange(
            before: before, beforeDays: beforeDays, during: during, duringDays: duringDays, comparison: comparison)
    }

    /// The targeted belief judged on the seller's numbers up to the one-to-one and on the experiment weeks.
    static func rejudge(_ id: String, entry: CoachingEntry, span: [ISOWeek], _ c: FollowThroughContext)
        -> BeliefFollowUp?
    {
        guard let first = span.first, let last = span.last else { return nil }
        let lookbackStart = entry.week.adding(weeks: -c.rules.lookbackWeeks)
        func facts(_ from: ISOWeek, _ to: ISOWeek, window: String) -> BeliefFacts {
            var facts = c.beliefs
            let start = from.monday
            let end = to.monday.adding(days: 6)
            let won = c.deals.filter { deal in
                deal.status == .won && deal.closeDate.map { $0 >= start && $0 <= end } == true
            }
            facts.own = Experiences.of(
                c.history.tally(from: start, to: end), wonDeals: won.count,
                rejectionRun: c.beliefs.own.recentRejectionRun, rejectionsRecorded: c.beliefs.own.rejectionsRecorded,
                rules: c.rules)
            let own = c.ownWeeks.filter { $0.week >= from && $0.week <= to }
            facts.ownWeeks = own.count
            facts.ownWeeksMet = own.filter(\.met).count
            facts.ownBest = own.map(\.value).max() ?? 0
            facts.window = window
            facts.journeys = c.beliefs.journeys?.over(
                from: start, to: end, channel: ChannelBelief.channel(of: id), rules: c.rules)
            return facts
        }
        let experimentWindow =
            first == last ? "the experiment week (\(first))" : "the experiment weeks (\(first) to \(last))"
        guard
            let before = BeliefRules.assess(
                id: id,
                facts(lookbackStart, entry.week, window: "the \(c.rules.lookbackWeeks + 1) weeks to \(entry.week)"),
                rules: c.rules),
            let during = BeliefRules.assess(id: id, facts(first, last, window: experimentWindow), rules: c.rules)
        else { return nil }
        return BeliefFollowUp(
            id: id, statement: during.statement, before: before.verdict, during: during.verdict,
            evidence: during.evidence)
    }
}

/// The seller's tallies over some weeks: every day, and the days a measure covers.
struct Window {
    /// Everything in the weeks.
    let tally: DayTally
    /// The seller's working days in the weeks.
    let workingDays: Int
    /// Only the days the measure covers.
    let covered: DayTally
    /// Weeks with at least one working day the measure covers.
    let coveredWeeks: Int

    init(_ weeks: [ISOWeek], measure: ExperimentMeasure?, _ c: FollowThroughContext) {
        let email = c.history.seller.email
        var tally = DayTally(email: email, day: weeks.first?.monday ?? c.week.monday)
        var covered = tally
        var workingDays = 0
        var coveredWeeks = 0
        for week in weeks {
            var coveredThisWeek = false
            for day in week.days {
                let dayTally = c.history.tally(from: day, to: day)
                tally.add(dayTally)
                let working = c.history.calendar.isWorkingDay(day)
                if working { workingDays += 1 }
                if measure?.covers(day) ?? true {
                    covered.add(dayTally)
                    if working { coveredThisWeek = true }
                }
            }
            if coveredThisWeek { coveredWeeks += 1 }
        }
        self.tally = tally
        self.covered = covered
        self.workingDays = workingDays
        self.coveredWeeks = coveredWeeks
    }
}
