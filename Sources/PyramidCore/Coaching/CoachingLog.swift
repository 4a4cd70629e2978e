import Foundation

/// One one-to-one as the manager recorded it after the meeting: notes, the agreements, and the experiment
/// the seller and the manager agreed to try.
public struct CoachingEntry: Sendable, Hashable, Codable {
    /// The entry's id in the coaching log (0 before it is stored).
    public var id: Int64
    /// The seller's email.
    public var email: String
    /// Who coached: the roster's manager for the seller, or whoever `--by-manager` names.
    public var manager: String
    /// The week the one-to-one was about (the agenda's week); the experiment starts the week after.
    public var week: ISOWeek
    /// Free notes.
    public var note: String
    /// What was agreed, in the words used in the meeting.
    public var agreements: [String]
    /// The experiment agreed, if any.
    public var experiment: Experiment?

    /// Creates an entry.
    public init(
        id: Int64 = 0, email: String, manager: String = "", week: ISOWeek, note: String = "",
        agreements: [String] = [], experiment: Experiment? = nil
    ) {
        self.id = id
        self.email = email
        self.manager = manager
        self.week = week
        self.note = note
        self.agreements = agreements
        self.experiment = experiment
    }
}

/// An experience to create, agreed in a one-to-one: what the seller will try, the belief it tests, the
/// measure that tells whether it was done, and the last week it runs.
public struct Experiment: Sendable, Hashable, Codable {
    /// What the seller will try, e.g. "Two 45-minute call blocks on Tuesday and Thursday mornings".
    public var name: String
    /// The id of the belief it tests (`social-beats-calls`, …), when it targets one.
    public var belief: String?
    /// How the data will tell whether it was done; without one, Pyramid cannot judge it.
    public var measure: ExperimentMeasure?
    /// The experiment's last week; it runs from the week after the one-to-one to this one.
    public var lastWeek: ISOWeek

    /// Weeks an experiment runs when no end is given: two, so the data has a chance to say something.
    public static let defaultWeeks = 2

    /// Creates an experiment.
    public init(name: String, belief: String? = nil, measure: ExperimentMeasure? = nil, lastWeek: ISOWeek) {
        self.name = name
        self.belief = belief
        self.measure = measure
        self.lastWeek = lastWeek
    }
}

extension CoachingEntry {
    /// The experiment's first week: the one after the one-to-one.
    public var firstExperimentWeek: ISOWeek { week.adding(weeks: 1) }

    /// Checks what a person could get wrong: an experiment without a name, or one that ends before it starts.
    public func validated() throws(CoachingError) -> CoachingEntry {
        guard let experiment else { return self }
        if experiment.name.trimmingCharacters(in: .whitespaces).isEmpty { throw .unnamedExperiment }
        if experiment.lastWeek < firstExperimentWeek {
            throw .endsBeforeItStarts(last: experiment.lastWeek.description, first: firstExperimentWeek.description)
        }
        return self
    }
}

/// A mistake in what was said about a one-to-one, with what to do instead.
public enum CoachingError: Error, Equatable, CustomStringConvertible {
    /// A measure on a metric that is not an action.
    case notAnActionMetric(String)
    /// A measure per quarter.
    case periodNotWeekly(String)
    /// A target that is not a number of zero or more.
    case badTarget(String)
    /// A weekday name nobody uses.
    case badWeekday(String)
    /// An experiment with an empty name.
    case unnamedExperiment
    /// An experiment whose last week comes before its first.
    case endsBeforeItStarts(last: String, first: String)

    public var description: String {
        switch self {
        case .notAnActionMetric(let metric):
            "'\(metric)' is a result, not an action to measure (use outbound-calls, connected-calls, conversations, "
                + "outbound-emails, linkedin, meetings, meetings-held or activities)"
        case .periodNotWeekly(let per): "a measure is per day or per week, not per '\(per)'"
        case .badTarget(let target): "'\(target)' is not a target (expected a number of 0 or more, e.g. 12)"
        case .badWeekday(let day): "'\(day)' is not a weekday (expected names such as tue/thu or mon,wed,fri)"
        case .unnamedExperiment: "the experiment needs a name that says what the seller will try"
        case .endsBeforeItStarts(let last, let first):
            "the experiment would end in \(last), before it starts in \(first) (the week after the one-to-one)"
        }
    }
}
