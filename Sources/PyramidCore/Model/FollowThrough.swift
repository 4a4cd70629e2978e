/// How an experiment went, from the data: was the agreed action done, and did it produce more than the
/// seller's own baseline?
public enum ExperimentVerdict: String, Sendable, Hashable, Codable, CaseIterable {
    /// The measure was met and the outcome is clearly above the baseline.
    case doneAndWorking = "done-and-working"
    /// The measure was met; the outcome is not clearly above the baseline.
    case doneNotWorking = "done-not-working"
    /// The measure was missed in most weeks worked.
    case notDone = "not-done"
    /// No working days on the days the measure covers.
    case onLeave = "on-leave"
    /// Too little data to judge what it produced, or no measure was agreed.
    case inconclusive

    /// `done and working`.
    public var phrase: String { rawValue.replacingOccurrences(of: "-", with: " ") }
}

/// One week of an experiment: the measure against its target.
public struct ExperimentWeek: Sendable, Hashable, Codable {
    /// The week.
    public var week: ISOWeek
    /// The seller's working days among the days the measure covers.
    public var workingDays: Int
    /// The measure's actual (per day or for the week); nil without working days or without a measure.
    public var actual: Double?
    /// The target for the week (pro-rated per week); nil without working days or without a measure.
    public var target: Double?
    /// Whether the agreed action was done; nil when it cannot be told.
    public var done: Bool?
}

/// A count per working day during an experiment against the seller's baseline before it, with the honest
/// comparison: the share of all the events that fell in the experiment, with its Wilson interval, against the
/// experiment's share of the days.
public struct CountChange: Sendable, Hashable, Codable {
    /// Events in the baseline weeks.
    public var before: Int
    /// The seller's working days in the baseline weeks.
    public var beforeDays: Int
    /// Events in the experiment weeks so far.
    public var during: Int
    /// The seller's working days in the experiment weeks so far.
    public var duringDays: Int
    /// `higher` when clearly more per working day during the experiment.
    public var comparison: Rate.Comparison

    /// Events per working day in the baseline.
    public var perDayBefore: Double { beforeDays > 0 ? Double(before) / Double(beforeDays) : 0 }
    /// Events per working day during the experiment.
    public var perDayDuring: Double { duringDays > 0 ? Double(during) / Double(duringDays) : 0 }
}

/// A rate during an experiment against the same rate in the seller's baseline (`Rate.compared`).
public struct RateChange: Sendable, Hashable, Codable {
    /// The rate in the baseline weeks.
    public var before: Rate
    /// The rate in the experiment weeks so far.
    public var during: Rate
    /// `higher` when the experiment's interval lies wholly above the baseline's.
    public var comparison: Rate.Comparison
}

/// The belief an experiment targeted, judged again: on the seller's numbers up to the one-to-one, and on the
/// experiment weeks alone — did their own experience change the verdict?
public struct BeliefFollowUp: Sendable, Hashable, Codable {
    /// The belief's id.
    public var id: String
    /// The belief in the seller's words.
    public var statement: String
    /// The verdict of the seller's numbers up to the one-to-one.
    public var before: Verdict
    /// The verdict of the experiment weeks alone.
    public var during: Verdict
    /// The numbers behind `during`, with sample sizes.
    public var evidence: [String]
}

/// Everything the data says about one agreed experiment so far.
public struct ExperimentFollowThrough: Sendable, Hashable, Codable {
    /// The one-to-one it was agreed in.
    public var entry: CoachingEntry
    /// The experiment.
    public var experiment: Experiment
    /// Its first week (the one after the one-to-one).
    public var firstWeek: ISOWeek
    /// True when its last week is the report week or earlier; false while it runs.
    public var finished: Bool
    /// Each week from the first to the report week (or the last, when finished).
    public var weeks: [ExperimentWeek]
    /// The verdict (so far, while it runs).
    public var verdict: ExperimentVerdict
    /// The outcome that decides whether it worked: conversations, or held meetings for a meetings measure.
    public var outcome: String
    /// Conversations per working day against the baseline.
    public var conversations: CountChange
    /// Held meetings per working day against the baseline.
    public var meetings: CountChange
    /// Outbound calls that connected, against the baseline.
    public var connectRate: RateChange
    /// The targeted belief, judged again.
    public var belief: BeliefFollowUp?
    /// What the data says, in the seller's terms, with sample sizes.
    public var evidence: [String]
    /// One line for the team report.
    public var summary: String
    /// Once it has ended, the agreed measure in the report week: whether the new way stuck.
    public var reportWeek: ExperimentWeek?

    /// Whether it ended done and working and the seller is back to the old way: the report week missed the
    /// measure that the experiment weeks met.
    public var backToOldWay: Bool { finished && verdict == .doneAndWorking && reportWeek?.done == false }
}

/// A seller's coaching log as the agenda and the report use it.
public struct SellerCoaching: Sendable, Hashable, Codable {
    /// The latest one-to-one before the report week; nil when none was recorded.
    public var lastTime: CoachingEntry?
    /// Experiments still running or ended within the lookback, last time's first.
    public var experiments: [ExperimentFollowThrough]

    /// No coaching recorded.
    public init(lastTime: CoachingEntry? = nil, experiments: [ExperimentFollowThrough] = []) {
        self.lastTime = lastTime
        self.experiments = experiments
    }
}

/// One seller's experiment, for the team view.
public struct TeamExperiment: Sendable, Hashable, Codable {
    /// Whose experiment it is.
    public var seller: SellerRef
    /// What the data says about it.
    public var followThrough: ExperimentFollowThrough
    /// Teammates who could learn from it: those who hold the belief it tested without their numbers backing it.
    public var couldHelp: [SellerRef] = []
}

/// The team's experiments: those still running, and those that ended within the lookback.
public struct TeamCoaching: Sendable, Hashable, Codable {
    /// Experiments still running at the report week.
    public var open: [TeamExperiment]
    /// Experiments that ended within the lookback, with their verdicts.
    public var finished: [TeamExperiment]

    /// No experiments.
    public init(open: [TeamExperiment] = [], finished: [TeamExperiment] = []) {
        self.open = open
        self.finished = finished
    }

    /// Finished experiments that were done and worked: what a manager could suggest to someone else.
    public var worked: [TeamExperiment] { finished.filter { $0.followThrough.verdict == .doneAndWorking } }
}

extension CoachingEntry {
    /// Whether the follow-through at `week` covers this entry's experiment: recorded before the week, with an
    /// experiment still running or ended within the lookback.
    func isFollowed(at week: ISOWeek, rules: DiagnosisRules) -> Bool {
        guard let experiment, self.week < week else { return false }
        return experiment.lastWeek >= week.adding(weeks: -rules.lookbackWeeks)
    }
}

extension TeamSnapshot {
    /// The first day whose tallies the model reads for `week`: the start of the lookback or of the quarter,
    /// whichever is earlier, or earlier still for the baselines of the experiments it follows.
    public static func firstDay(week: ISOWeek, config: WorkspaceConfig, coaching: [CoachingEntry]) -> LocalDate {
        let rules = config.rules
        let lookback = week.monday.adding(days: -7 * rules.lookbackWeeks)
        var first = min(QuarterProgress(week: week, config: config).start, lookback)
        let reach = max(rules.lookbackWeeks, rules.experimentBaselineWeeks - 1)
        for entry in coaching where entry.isFollowed(at: week, rules: rules) {
            first = min(first, entry.week.adding(weeks: -reach).monday)
        }
        return first
    }
}
