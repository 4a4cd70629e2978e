/// What the seller has lived on each channel over the lookback window, as rates with intervals.
enum Experiences {
    static func of(
        _ tally: DayTally, wonDeals: Int, rejectionRun: Int, rejectionsRecorded: Bool = true, rules: DiagnosisRules
    ) -> ChannelExperience {
        let z = rules.confidenceZ
        let conversations = MetricCount.conversations(tally, rules: rules)
        let recordedCalls = tally.outboundCalls - tally.callsUnobserved
        return ChannelExperience(
            callConversations: Rate(
                hits: tally.callConversations, attempts: recordedCalls, unrecorded: tally.callsUnobserved, z: z),
            callConnects: connects(tally, z: z),
            linkedinReplies: Rate(
                hits: tally.linkedinReplies, attempts: tally.linkedinTouches - tally.linkedinUnobserved,
                unrecorded: tally.linkedinUnobserved, z: z),
            emailReplies: Rate(
                hits: tally.emailReplies, attempts: tally.outboundEmails - tally.emailsUnobserved,
                unrecorded: tally.emailsUnobserved, z: z),
            // Conversations held on calls of unknown end are not counted, the meetings that followed them are: the
            // rate is known as far as the calls are (the unobserved calls' share, in conversations).
            meetingsPerConversation: Rate(
                hits: MetricCount.meetingsHeld(tally, rules: rules), attempts: tally.callConversations,
                unrecorded: recordedCalls > 0
                    ? Int(
                        (Double(tally.callsUnobserved) * Double(tally.callConversations) / Double(recordedCalls))
                            .rounded(.up)) : tally.callsUnobserved, z: z),
            wonPerConversation: Rate(hits: wonDeals, attempts: conversations, z: z),
            recentRejectionRun: rejectionRun, rejectionsRecorded: rejectionsRecorded)
    }

    /// Outbound calls → connected, over the calls whose connection is known: an outcome recorded, or a duration
    /// long enough to say it was answered (a connected call of borderline length did connect).
    static func connects(_ tally: DayTally, z: Double) -> Rate {
        let unknown = tally.callsOutcomeUnknown - tally.callsAnsweredByDuration
        return Rate(hits: tally.connectedCalls, attempts: tally.outboundCalls - unknown, unrecorded: unknown, z: z)
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

    /// The channel as a noun before "replies": "call", "email", "LinkedIn".
    var noun: String {
        switch self {
        case .calls: "call"
        case .emails: "email"
        case .linkedin: "LinkedIn"
        }
    }

    /// How people were reached on the channel: "called", "emailed", "reached on LinkedIn".
    var reachedVerb: String {
        switch self {
        case .calls: "called"
        case .emails: "emailed"
        case .linkedin: "reached on LinkedIn"
        }
    }

    /// The channel as one bit of a set of channels.
    var bit: Int {
        switch self {
        case .calls: 1
        case .emails: 2
        case .linkedin: 4
        }
    }

    /// "conversations" for calls, "replies" otherwise.
    var responseWord: String { self == .calls ? "conversations" : "replies" }
}
