/// The drift pattern that explains a seller's week.
public enum Pattern: String, Sendable, Hashable, Codable, CaseIterable {
    case onStandard = "on-standard"
    case channelSubstitution = "channel-substitution"
    case underActivity = "under-activity"
    case activityWithoutConversations = "activity-without-conversations"
    case conversationsWithoutResults = "conversations-without-results"
    case fading
    case ramping
    case onLeave = "on-leave"
    case insufficientData = "insufficient-data"
}

/// What the seller's own numbers say about a belief.
public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable {
    case supported, contradicted, inconclusive
}

/// Who a line of the report is about.
public struct SellerRef: Sendable, Hashable, Codable {
    public var email: String
    public var name: String
    public var team: String
}

extension SellerRef {
    /// `seller`, as a line of a report names them.
    public init(_ seller: Seller) {
        self.init(email: seller.email, name: seller.name, team: seller.team)
    }
}

/// The week's actions, counted (DESIGN.md's `actions`).
public struct WeekActions: Sendable, Hashable, Codable {
    public var outboundCalls = 0
    public var emails = 0
    public var linkedin = 0
    public var meetings = 0
    public var conversations = 0
    public var workingDays = 0
}

/// One standard against the seller's actual, per the standard's period.
public struct StandardResult: Sendable, Hashable, Codable {
    public var metric: Metric
    public var per: Period
    /// The target the seller is held to (after the ramp and pro-rating for days off).
    public var target: Double
    /// The actual, per the period (a per-day standard is averaged over working days).
    public var actual: Double
    public var met: Bool
    /// The ramp share applied, when below 1.
    public var rampShare: Double?
}

/// Results against the quarter target. Unknown (nil) when no deals were imported — never zero.
public struct ResultsView: Sendable, Hashable, Codable {
    public var wonThisQuarter: Double?
    public var quarterTarget: Double?
    /// Won ÷ (target × share of the quarter's working days gone by).
    public var pace: Double?
    /// Deals won this quarter.
    public var dealsWon: Int?
    /// Open pipeline amount.
    public var openPipeline: Double?
}

/// A belief the seller probably holds, with the verdict of their own numbers.
public struct BeliefAssessment: Sendable, Hashable, Codable {
    /// A stable id such as `social-beats-calls`.
    public var id: String
    /// The belief in the seller's words.
    public var statement: String
    public var verdict: Verdict
    /// The numbers behind the verdict, with sample sizes.
    public var evidence: [String]
    /// Values the coaching wording may quote (`{linkedin_rate}`, `{call_rate}`, …).
    public var facts: [String: String]
}

extension BeliefAssessment {
    /// The ids of the beliefs the model judges (docs/diagnosis.md), which an experiment may target.
    public static let knownIDs = [
        "social-beats-calls", "email-beats-calls", "standard-unrealistic", "quality-over-quantity",
        "calls-dont-work-after-rejections", "volume-is-enough", "buyers-not-ready", "pipeline-is-enough",
        "still-learning",
    ]
}

/// Something in the data that looks logged rather than done: for the manager's eye, never silently counted
/// or dropped.
public struct DataQualityFlag: Sendable, Hashable, Codable {
    /// `short-calls`, `same-minute`, `logged-at-once`.
    public var id: String
    /// What was seen, with the numbers.
    public var detail: String
}

/// A metric where the seller trails the team most, by the team's distribution.
public struct PeerGap: Sendable, Hashable, Codable {
    public var metric: String
    public var actual: Double
    public var teamMedian: Double
    /// 0 = lowest on the team, 1 = highest.
    public var percentile: Double
}

/// What this seller needs per week and day to reach the quarter target, from conversion rates.
public struct ReverseFunnel: Sendable, Hashable, Codable {
    public var remainingAmount: Double
    public var averageDealSize: Double
    public var dealsNeeded: Double
    public var conversationsPerDeal: Double
    public var callsPerConversation: Double
    public var weeksLeft: Double
    public var conversationsPerWeekNeeded: Double
    public var callsPerDayNeeded: Double
    /// Where the rates come from: `own` or `team`.
    public var rateSource: String
    /// Whether the calls a day needed stay within `rules.reachable_calls_per_day`: when not, activity alone
    /// cannot close the gap (bigger deals, better conversion or more pipeline must).
    public var activityCanClose = true
}

/// The per-channel experiences behind the beliefs.
public struct ChannelExperience: Sendable, Hashable, Codable {
    /// Outbound calls → conversations.
    public var callConversations: Rate
    /// Outbound calls → connected.
    public var callConnects: Rate
    /// LinkedIn touches → replies.
    public var linkedinReplies: Rate
    /// Emails → replies.
    public var emailReplies: Rate
    /// Conversations → meetings held.
    public var meetingsPerConversation: Rate
    /// Conversations → won deals.
    public var wonPerConversation: Rate
    /// The longest recent run of rejected calls.
    public var recentRejectionRun: Int
    /// Whether the export records the outcome of enough of the recent calls for `recentRejectionRun` to be known.
    public var rejectionsRecorded = true
}

/// One seller's week, diagnosed.
public struct SellerDiagnosis: Sendable, Hashable, Codable {
    public var seller: SellerRef
    public var pattern: Pattern
    public var secondaryPatterns: [Pattern]
    public var actions: WeekActions
    public var standards: [StandardResult]
    public var results: ResultsView
    public var beliefs: [BeliefAssessment]
    /// The compliance line a manager would write.
    public var managerView: String
    /// What is working, from the seller's own evidence: the agenda opens with it.
    public var strengths: [String] = []
    /// Questions for the one-to-one (filled from the coaching wording).
    public var prompts: [String] = []
    /// The experiences to create (filled from the coaching wording).
    public var experiences: [String] = []
    /// Why the pattern was chosen, rule by rule.
    public var reasons: [String]
    public var dataQuality: [DataQualityFlag]
    public var trailing: [PeerGap]
    public var reverseFunnel: ReverseFunnel?
    public var experience: ChannelExperience
    /// True when the seller's different way demonstrably works: the standard may be what needs to change.
    public var differentWayWorks: Bool
    /// The main channel standard over the report week and the five before it, oldest first.
    public var history: [WeekPoint]
    /// The experiences of `experiences`, with the belief or pattern each came from and the measure
    /// `pyramid coach --accept N` records with it.
    public var suggestedExperiments: [SuggestedExperiment] = []
    /// Last time's one-to-one and the follow-through of the seller's experiments; empty without a log.
    public var coaching = SellerCoaching()
    /// What the exports record of the seller's touches over the lookback window, and what that limits.
    public var coverage = Coverage()
    /// Teammates whose way works, or whose experiment worked, on a belief this seller holds without their own
    /// numbers backing it.
    public var peerLessons: [PeerLesson] = []
}

/// One week of a seller's main channel against its standard, for the six-week chart.
public struct WeekPoint: Sendable, Hashable, Codable {
    public var week: ISOWeek
    /// The actual per the standard's period; nil in a week without working days.
    public var value: Double?
    /// The target the seller was held to that week.
    public var target: Double?
}

/// Does meeting the activity standard go with more conversations and results in this team's data?
public struct StandardsHealth: Sendable, Hashable, Codable {
    public var metric: Metric
    /// Seller-weeks that met the standard, and their average conversations per week.
    public var weeksMet: Int
    public var conversationsWhenMet: Double
    /// Seller-weeks that did not.
    public var weeksMissed: Int
    public var conversationsWhenMissed: Double
    public var verdict: Verdict
    public var summary: String
}

/// The team's funnel for the week: calls → connects → conversations → meetings → won.
public struct TeamFunnel: Sendable, Hashable, Codable {
    public var calls = 0
    public var connects = 0
    public var conversations = 0
    public var meetings = 0
    public var won = 0
    public var wonAmount: Double?
}

/// A whole team's week.
public struct TeamDiagnosis: Sendable, Hashable, Codable {
    public var week: ISOWeek
    public var sellers: [SellerDiagnosis]
    public var funnel: TeamFunnel
    public var standardsHealth: [StandardsHealth]
    /// Sellers whose different way works, for others to learn from.
    public var brightSpots: [String]
    /// Channel mix of the team's outbound touches this week.
    public var channelMix: [String: Int]
    /// Experiments still running, and those that ended within the lookback.
    public var coaching = TeamCoaching()
    /// What the exports record of the team's touches over the lookback window, and what that limits.
    public var coverage = Coverage()
}
