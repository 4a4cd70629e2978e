/// What the seller has lived on each channel over the lookback window, as rates with intervals.
enum Experiences {
    static func of(
        _ tally: DayTally, wonDeals: Int, rejectionRun: Int, rules: DiagnosisRules
    ) -> ChannelExperience {
        let z = rules.confidenceZ
        let conversations = MetricCount.conversations(tally, rules: rules)
        return ChannelExperience(
            callConversations: Rate(hits: tally.callConversations, attempts: tally.outboundCalls, z: z),
            callConnects: Rate(hits: tally.connectedCalls, attempts: tally.outboundCalls, z: z),
            linkedinReplies: Rate(hits: tally.linkedinReplies, attempts: tally.linkedinTouches, z: z),
            emailReplies: Rate(hits: tally.emailReplies, attempts: tally.outboundEmails, z: z),
            meetingsPerConversation: Rate(
                hits: MetricCount.meetingsHeld(tally, rules: rules), attempts: tally.callConversations, z: z),
            wonPerConversation: Rate(hits: wonDeals, attempts: conversations, z: z),
            recentRejectionRun: rejectionRun)
    }
}

/// Which prospecting channel an activity standard is about, and how to read it in a tally.
enum Channel: String, CaseIterable {
    case calls, emails, linkedin

    init?(_ metric: Metric) {
        switch metric {
        case .outboundCalls: self = .calls
        case .outboundEmails: self = .emails
        case .linkedin: self = .linkedin
        default: return nil
        }
    }

    func touches(_ tally: DayTally) -> Int {
        switch self {
        case .calls: tally.outboundCalls
        case .emails: tally.outboundEmails
        case .linkedin: tally.linkedinTouches
        }
    }

    /// How the channel reads in a sentence.
    var phrase: String {
        switch self {
        case .calls: "calls"
        case .emails: "emails"
        case .linkedin: "LinkedIn"
        }
    }

    /// What a buyer's response is on this channel, as a rate of the seller's experience.
    func responseRate(_ experience: ChannelExperience) -> Rate {
        switch self {
        case .calls: experience.callConversations
        case .emails: experience.emailReplies
        case .linkedin: experience.linkedinReplies
        }
    }

    /// "conversations" for calls, "replies" otherwise.
    var responseWord: String { self == .calls ? "conversations" : "replies" }
}
