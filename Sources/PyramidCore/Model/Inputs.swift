/// What one seller did on one day, counted by the store: the model's input for actions and experiences.
///
/// Only done activities are counted (planned and canceled tasks are not).
public struct DayTally: Sendable, Hashable, Codable {
    /// The seller's email.
    public var email: String
    /// The local day.
    public var day: LocalDate
    /// Outbound calls dialled.
    public var outboundCalls = 0
    /// Outbound calls that connected, or whose outcome the export does not record but whose duration says they
    /// were answered (`callsAnsweredByDuration`).
    public var connectedCalls = 0
    /// Connected calls long enough to count as a conversation (or of unknown length), and calls without an
    /// outcome lasting that long.
    public var callConversations = 0
    /// Outbound calls without a recorded outcome whose duration (at least `conversation.min_call_seconds`) says
    /// they were answered.
    public var callsAnsweredByDuration = 0
    /// Outbound calls whose outcome neither the export nor words in their subject or notes record.
    public var callsOutcomeUnknown = 0
    /// Outbound calls with neither an outcome nor a duration: whether they became a conversation is unknown.
    public var callsUnobserved = 0
    /// Outbound calls whose outcome was read from words in the subject or notes.
    public var callsOutcomeFromWords = 0
    /// Outbound calls whose duration the export records.
    public var callsTimed = 0
    /// Calls that ended in a rejection (`not-interested`).
    public var rejections = 0
    /// Outbound calls of a few seconds or less: possibly logged rather than made.
    public var shortCalls = 0
    /// Outbound emails.
    public var outboundEmails = 0
    /// Outbound emails whose outcome the export does not record: whether the buyer replied is unknown.
    public var emailsUnobserved = 0
    /// Buyer replies to emails (inbound emails, or emails marked replied).
    public var emailReplies = 0
    /// Outbound LinkedIn touches (connection requests, messages, InMail).
    public var linkedinTouches = 0
    /// Outbound LinkedIn touches whose outcome the export does not record: whether the buyer replied is unknown.
    public var linkedinUnobserved = 0
    /// LinkedIn replies (inbound messages, or touches marked replied).
    public var linkedinReplies = 0
    /// LinkedIn connection requests accepted.
    public var linkedinAccepted = 0
    /// Meetings held.
    public var meetingsHeld = 0
    /// Meetings whose outcome the export does not say.
    public var meetingsUnknown = 0
    /// Meetings the buyer did not attend.
    public var meetingsNoShow = 0
    /// All done activities of any kind.
    public var activities = 0
    /// Outbound calls, emails and LinkedIn touches, and meetings, that name a contact (for the coverage).
    public var callsWithContact = 0
    public var emailsWithContact = 0
    public var linkedinWithContact = 0
    public var meetingsWithContact = 0
    /// All meetings (held, of unknown outcome, no-shows and scheduled).
    public var meetings = 0

    /// An empty tally.
    public init(email: String, day: LocalDate) {
        self.email = email
        self.day = day
    }

    /// Adds `other`'s counts to this tally.
    public mutating func add(_ other: DayTally) {
        outboundCalls += other.outboundCalls
        connectedCalls += other.connectedCalls
        callConversations += other.callConversations
        callsAnsweredByDuration += other.callsAnsweredByDuration
        callsUnobserved += other.callsUnobserved
        callsOutcomeUnknown += other.callsOutcomeUnknown
        callsOutcomeFromWords += other.callsOutcomeFromWords
        callsTimed += other.callsTimed
        emailsUnobserved += other.emailsUnobserved
        linkedinUnobserved += other.linkedinUnobserved
        callsWithContact += other.callsWithContact
        emailsWithContact += other.emailsWithContact
        linkedinWithContact += other.linkedinWithContact
        meetingsWithContact += other.meetingsWithContact
        meetings += other.meetings
        rejections += other.rejections
        shortCalls += other.shortCalls
        outboundEmails += other.outboundEmails
        emailReplies += other.emailReplies
        linkedinTouches += other.linkedinTouches
        linkedinReplies += other.linkedinReplies
        linkedinAccepted += other.linkedinAccepted
        meetingsHeld += other.meetingsHeld
        meetingsUnknown += other.meetingsUnknown
        meetingsNoShow += other.meetingsNoShow
        activities += other.activities
    }
}

/// A deal as the model needs it: whose, how much, how it ended, when.
public struct DealFact: Sendable, Hashable, Codable {
    /// The owner's email (deals whose owner matches nobody are not facts about a seller).
    public var email: String
    /// Open, won or lost.
    public var status: DealStatus
    /// The amount, in the workspace's currency units (not cents).
    public var amount: Double
    /// When it closed or is expected to.
    public var closeDate: LocalDate?
    /// When it was created.
    public var createdDate: LocalDate?

    /// Creates a fact.
    public init(email: String, status: DealStatus, amount: Double, closeDate: LocalDate?, createdDate: LocalDate? = nil)
    {
        self.email = email
        self.status = status
        self.amount = amount
        self.closeDate = closeDate
        self.createdDate = createdDate
    }
}

/// Signs that a seller's activity was logged rather than done, counted by the store for one week.
public struct LoggingPattern: Sendable, Hashable, Codable {
    /// The most activities stamped within one minute.
    public var mostInOneMinute = 0
    /// The most activities entered on one day other than the day they are dated.
    public var mostLoggedLaterOnOneDay = 0
    /// The day those were entered.
    public var loggedLaterDay: LocalDate?
    /// The longest run of consecutive rejected calls among the seller's most recent calls.
    public var recentRejectionRun = 0
    /// The seller's outbound calls over the last two weeks, and those whose outcome is recorded (not
    /// `unknown`): a run of rejections is known only as far as the outcomes are.
    public var recentCalls = 0
    public var recentCallsWithOutcome = 0

    /// Nothing unusual.
    public init() {}
}

/// Everything the model needs to diagnose a team for one week: plain values, no database.
public struct TeamSnapshot: Sendable, Hashable, Codable {
    /// The report week.
    public var week: ISOWeek
    /// Everyone on the roster (and owners known only by email).
    public var sellers: [Seller]
    /// Time off.
    public var timeOff: [TimeOff]
    /// Daily tallies from the start of the lookback (or the quarter, whichever is earlier) to the week's end.
    public var tallies: [DayTally]
    /// Deals with their status, amount and dates; empty when no deals were imported.
    public var deals: [DealFact]
    /// True when the workspace holds any deals at all (so missing results are zero, not unknown).
    public var dealsImported: Bool
    /// Logging patterns per seller email for the report week.
    public var logging: [String: LoggingPattern]
    /// The coaching log: one-to-ones recorded up to the report week.
    public var coaching: [CoachingEntry]
    /// Contact journeys over the lookback window, per seller email, for the sellers whose channel beliefs are
    /// judged (see `PyramidModel.sellersNeedingJourneys`); a seller missing here has none read.
    public var journeys: [String: [ContactTouch]] = [:]

    /// Creates a snapshot.
    public init(
        week: ISOWeek, sellers: [Seller], timeOff: [TimeOff] = [], tallies: [DayTally], deals: [DealFact] = [],
        dealsImported: Bool? = nil, logging: [String: LoggingPattern] = [:], coaching: [CoachingEntry] = []
    ) {
        self.week = week
        self.sellers = sellers
        self.timeOff = timeOff
        self.tallies = tallies
        self.deals = deals
        self.dealsImported = dealsImported ?? !deals.isEmpty
        self.logging = logging
        self.coaching = coaching
    }
}

extension DayTally {
    /// Adds `count` activities of one kind, direction and outcome; `longEnough` of them last long enough to be
    /// a conversation when connected (or are of unknown length), `short` are few-second calls, `untimed` have no
    /// duration, `withoutContact` name no contact, `fromWords` had their outcome read from words and
    /// `borderline` last a whole number of minutes too near the conversation threshold to tell (`CallLength`).
    ///
    /// A call whose outcome the export does not record but whose duration is long enough was answered: it
    /// counts as connected and as a conversation. One with neither outcome nor duration is unobserved, and so is
    /// a connected (or unrecorded) call of borderline length.
    public mutating func count(
        kind: ActivityKind, direction: Direction, outcome: Outcome, count: Int, longEnough: Int, short: Int,
        untimed: Int = 0, withoutContact: Int = 0, fromWords: Int = 0, borderline: Int = 0
    ) {
        activities += count
        let named = count - withoutContact
        let outbound = direction == .outbound
        switch kind {
        case .call:
            // Of unknown outcome: long enough with a known duration means answered.
            let answered = outcome == .unknown ? longEnough - untimed : 0
            if outbound {
                outboundCalls += count
                shortCalls += short
                callsTimed += count - untimed
                callsOutcomeFromWords += fromWords
                callsWithContact += named
                if outcome == .connected {
                    connectedCalls += count
                    callsUnobserved += borderline
                }
                if outcome == .unknown {
                    callsOutcomeUnknown += count
                    callsAnsweredByDuration += answered
                    connectedCalls += answered
                    callsUnobserved += untimed + borderline
                }
            }
            if outcome == .connected { callConversations += longEnough }
            callConversations += answered
            if outcome == .notInterested { rejections += count }
        case .email:
            if outbound {
                outboundEmails += count
                emailsWithContact += named
                if outcome == .unknown { emailsUnobserved += count }
            }
            if direction == .inbound || outcome == .replied { emailReplies += count }
        case .linkedin:
            if outbound {
                linkedinTouches += count
                linkedinWithContact += named
                if outcome == .unknown { linkedinUnobserved += count }
            }
            if direction == .inbound || outcome == .replied { linkedinReplies += count }
            if outcome == .accepted { linkedinAccepted += count }
        case .meeting:
            meetings += count
            meetingsWithContact += named
            switch outcome {
            case .held: meetingsHeld += count
            case .unknown: meetingsUnknown += count
            case .noShow: meetingsNoShow += count
            default: break
            }
        case .other:
            break
        }
    }
}
