/// What a standard counts.
public enum Metric: String, Sendable, Hashable, Codable, CaseIterable {
    case outboundCalls = "outbound-calls"
    case connectedCalls = "connected-calls"
    case conversations
    case outboundEmails = "outbound-emails"
    case linkedin
    case meetings
    case meetingsHeld = "meetings-held"
    case activities
    case wonAmount = "won-amount"

    /// How the metric reads in a sentence ("outbound calls").
    public var phrase: String {
        switch self {
        case .outboundCalls: "outbound calls"
        case .connectedCalls: "connected calls"
        case .conversations: "conversations"
        case .outboundEmails: "outbound emails"
        case .linkedin: "LinkedIn touches"
        case .meetings: "meetings"
        case .meetingsHeld: "meetings held"
        case .activities: "activities"
        case .wonAmount: "new business won"
        }
    }
}

/// The period a standard's target is per.
public enum Period: String, Sendable, Hashable, Codable, CaseIterable {
    case day, week, quarter
}

/// One activity or results standard: a metric, a target per period, and who it applies to.
///
/// A standard with a `team` or `role` overrides the team-wide one for the same metric and period.
public struct Standard: Sendable, Hashable, Codable {
    /// What is counted.
    public var metric: Metric
    /// Per day (working day), week or quarter.
    public var per: Period
    /// The target per period.
    public var target: Double
    /// Only this team, when set.
    public var team: String?
    /// Only this role, when set.
    public var role: String?

    /// Creates a standard.
    public init(metric: Metric, per: Period, target: Double, team: String? = nil, role: String? = nil) {
        self.metric = metric
        self.per = per
        self.target = target
        self.team = team
        self.role = role
    }

    /// The classic outbound playbook: 20 outbound calls per working day, 5 conversations per week,
    /// 100,000 of new business per quarter.
    public static let defaults: [Standard] = [
        Standard(metric: .outboundCalls, per: .day, target: 20),
        Standard(metric: .conversations, per: .week, target: 5),
        Standard(metric: .wonAmount, per: .quarter, target: 100_000),
    ]
}
