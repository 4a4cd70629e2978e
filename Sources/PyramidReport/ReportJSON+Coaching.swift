import PyramidCore

/// The `coaching` keys of the report and agenda JSON (README, docs/follow-through.md).
enum CoachingJSON {
    /// A seller's `coaching`: last time's one-to-one and the follow-through of their experiments.
    struct SellerCoachingEntry: Encodable {
        var lastTime: LastTimeEntry?
        var experiments: [ExperimentEntry]

        init(_ c: SellerCoaching) {
            lastTime = c.lastTime.map(LastTimeEntry.init)
            experiments = c.experiments.map(ExperimentEntry.init)
        }

        enum Keys: String, CodingKey { case lastTime, experiments }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(lastTime, forKey: .lastTime)
            try c.encode(experiments, forKey: .experiments)
        }
    }

    /// The latest one-to-one before the report week.
    struct LastTimeEntry: Encodable {
        var id: Int64
        var week: String
        var manager: String
        var note: String
        var agreements: [String]
        var experiment: String?

        init(_ e: CoachingEntry) {
            id = e.id
            week = e.week.description
            manager = e.manager
            note = e.note
            agreements = e.agreements
            experiment = e.experiment?.name
        }
    }

    /// A measure: its parts, and the form `pyramid coach` prints.
    struct MeasureEntry: Encodable {
        var metric: String
        var per: String
        var target: Double
        var weekdays: [String]
        var text: String

        init(_ m: ExperimentMeasure) {
            metric = m.metric.rawValue
            per = m.per.rawValue
            target = round2(m.target)
            weekdays = m.weekdayNames
            text = m.description
        }
    }

    /// One experiment's follow-through.
    struct ExperimentEntry: Encodable {
        var id: Int64
        var agreedIn: String
        var name: String
        var belief: String?
        var measure: MeasureEntry?
        var firstWeek: String
        var lastWeek: String
        var status: String
        var verdict: String
        var weeks: [WeekEntry]
        var outcome: String
        var conversations: CountEntry
        var meetings: CountEntry
        var connectRate: RateChangeEntry
        var beliefFollowUp: BeliefFollowUp?
        var evidence: [String]
        var summary: String

        init(_ f: ExperimentFollowThrough) {
            id = f.entry.id
            agreedIn = f.entry.week.description
            name = f.experiment.name
            belief = f.experiment.belief
            measure = f.experiment.measure.map(MeasureEntry.init)
            firstWeek = f.firstWeek.description
            lastWeek = f.experiment.lastWeek.description
            status = f.finished ? "finished" : "running"
            verdict = f.verdict.rawValue
            weeks = f.weeks.map(WeekEntry.init)
            outcome = f.outcome
            conversations = CountEntry(f.conversations)
            meetings = CountEntry(f.meetings)
            connectRate = RateChangeEntry(f.connectRate)
            beliefFollowUp = f.belief
            evidence = f.evidence
            summary = f.summary
        }

        enum Keys: String, CodingKey {
            case id, agreedIn, name, belief, measure, firstWeek, lastWeek, status, verdict, weeks, outcome
            case conversations, meetings, connectRate, beliefFollowUp, evidence, summary
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(id, forKey: .id)
            try c.encode(agreedIn, forKey: .agreedIn)
            try c.encode(name, forKey: .name)
            try c.encode(belief, forKey: .belief)
            try c.encode(measure, forKey: .measure)
            try c.encode(firstWeek, forKey: .firstWeek)
            try c.encode(lastWeek, forKey: .lastWeek)
            try c.encode(status, forKey: .status)
            try c.encode(verdict, forKey: .verdict)
            try c.encode(weeks, forKey: .weeks)
            try c.encode(outcome, forKey: .outcome)
            try c.encode(conversations, forKey: .conversations)
            try c.encode(meetings, forKey: .meetings)
            try c.encode(connectRate, forKey: .connectRate)
            try c.encode(beliefFollowUp, forKey: .beliefFollowUp)
            try c.encode(evidence, forKey: .evidence)
            try c.encode(summary, forKey: .summary)
        }
    }

    /// One experiment week; `actual`, `target` and `done` are null without working days.
    struct WeekEntry: Encodable {
        var week: String
        var workingDays: Int
        var actual: Double?
        var target: Double?
        var done: Bool?

        init(_ w: ExperimentWeek) {
            week = w.week.description
            workingDays = w.workingDays
            actual = w.actual.map(round2)
            target = w.target.map(round2)
            done = w.done
        }

        enum Keys: String, CodingKey { case week, workingDays, actual, target, done }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(week, forKey: .week)
            try c.encode(workingDays, forKey: .workingDays)
            try c.encode(actual, forKey: .actual)
            try c.encode(target, forKey: .target)
            try c.encode(done, forKey: .done)
        }
    }

    /// A count per working day against the baseline.
    struct CountEntry: Encodable {
        var before: Int
        var beforeDays: Int
        var during: Int
        var duringDays: Int
        var perDayBefore: Double
        var perDayDuring: Double
        var comparison: String

        init(_ c: CountChange) {
            before = c.before
            beforeDays = c.beforeDays
            during = c.during
            duringDays = c.duringDays
            perDayBefore = round2(c.perDayBefore)
            perDayDuring = round2(c.perDayDuring)
            comparison = c.comparison.rawValue
        }
    }

    /// A rate against the baseline, with both Wilson intervals.
    struct RateChangeEntry: Encodable {
        var before: RateEntry
        var during: RateEntry
        var comparison: String

        init(_ r: RateChange) {
            before = RateEntry(r.before)
            during = RateEntry(r.during)
            comparison = r.comparison.rawValue
        }
    }

    struct RateEntry: Encodable {
        var hits: Int
        var attempts: Int
        var low: Double
        var high: Double

        init(_ r: Rate) {
            hits = r.hits
            attempts = r.attempts
            low = round2(r.low)
            high = round2(r.high)
        }
    }

    /// An experience the agenda suggests, numbered for `pyramid coach --accept N`.
    struct SuggestionEntry: Encodable {
        var number: Int
        var text: String
        var belief: String?
        var measure: MeasureEntry?

        enum Keys: String, CodingKey { case number, text, belief, measure }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(number, forKey: .number)
            try c.encode(text, forKey: .text)
            try c.encode(belief, forKey: .belief)
            try c.encode(measure, forKey: .measure)
        }
    }

    /// The team's `coaching`: experiments still running, those that ended, and what worked for whom.
    struct TeamCoachingEntry: Encodable {
        var openExperiments: [TeamExperimentEntry]
        var finishedExperiments: [TeamExperimentEntry]
        var worked: [String]

        init(_ c: TeamCoaching) {
            openExperiments = c.open.map(TeamExperimentEntry.init)
            finishedExperiments = c.finished.map(TeamExperimentEntry.init)
            worked = c.worked.map(Text.worked)
        }
    }

    struct TeamExperimentEntry: Encodable {
        var seller: SellerRef
        var id: Int64
        var name: String
        var firstWeek: String
        var lastWeek: String
        var status: String
        var verdict: String
        var summary: String

        init(_ t: TeamExperiment) {
            seller = t.seller
            id = t.followThrough.entry.id
            name = t.followThrough.experiment.name
            firstWeek = t.followThrough.firstWeek.description
            lastWeek = t.followThrough.experiment.lastWeek.description
            status = t.followThrough.finished ? "finished" : "running"
            verdict = t.followThrough.verdict.rawValue
            summary = t.followThrough.summary
        }
    }
}
