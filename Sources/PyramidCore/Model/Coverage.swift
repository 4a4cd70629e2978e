/// What an export records of one channel's touches over the lookback window: how many have an outcome (and
/// where it came from), a duration, a contact. What it does not record is unknown, never a miss.
public struct ChannelCoverage: Sendable, Hashable, Codable {
    /// `calls`, `emails`, `linkedin` or `meetings`.
    public var channel: String
    /// Outbound calls, emails and LinkedIn touches; all meetings.
    public var rows: Int
    /// Rows with an outcome: from the export's columns, from words in the subject or notes, or (calls) from a
    /// duration long enough to have been answered.
    public var withOutcome: Int
    /// Of those, outcomes read from words.
    public var outcomeFromWords: Int
    /// Of those, calls answered by their duration alone.
    public var outcomeFromDuration: Int
    /// Rows with a duration (calls only; nil for other channels).
    public var withDuration: Int?
    /// Rows that name a contact.
    public var withContact: Int
    /// `withOutcome`, `withDuration` and `withContact` as shares of `rows` (nil without rows).
    public var outcomeShare: Double?
    public var durationShare: Double?
    public var contactShare: Double?

    init(
        channel: String, rows: Int, withOutcome: Int, outcomeFromWords: Int = 0, outcomeFromDuration: Int = 0,
        withDuration: Int? = nil, withContact: Int
    ) {
        self.channel = channel
        self.rows = rows
        self.withOutcome = withOutcome
        self.outcomeFromWords = outcomeFromWords
        self.outcomeFromDuration = outcomeFromDuration
        self.withDuration = withDuration
        self.withContact = withContact
        func share(_ count: Int?) -> Double? {
            guard let count, rows > 0 else { return nil }
            return Double(count) / Double(rows)
        }
        outcomeShare = share(withOutcome)
        durationShare = share(withDuration)
        contactShare = share(withContact)
    }
}

/// What the exports record for a seller (or the team) over the lookback window, and what that limits.
public struct Coverage: Sendable, Hashable, Codable {
    /// Per channel, in the order calls, emails, LinkedIn, meetings; channels without rows are left out.
    public var channels: [ChannelCoverage] = []
    /// What the export lacks and what that limits, in the manager's words ("Your CRM export records no LinkedIn
    /// replies, so …").
    public var limits: [String] = []

    /// No rows.
    public init() {}
}

enum CoverageRules {
    /// The coverage of `tally`, a window of one seller's or the team's days; `whose` starts the sentences of
    /// `limits` ("Your", "The team's").
    static func of(_ tally: DayTally, whose: String, rules: DiagnosisRules) -> Coverage {
        var coverage = Coverage()
        let calls = ChannelCoverage(
            channel: "calls", rows: tally.outboundCalls,
            withOutcome: tally.outboundCalls - tally.callsOutcomeUnknown + tally.callsAnsweredByDuration,
            outcomeFromWords: tally.callsOutcomeFromWords, outcomeFromDuration: tally.callsAnsweredByDuration,
            withDuration: tally.callsTimed, withContact: tally.callsWithContact)
        let emails = ChannelCoverage(
            channel: "emails", rows: tally.outboundEmails, withOutcome: tally.outboundEmails - tally.emailsUnobserved,
            withContact: tally.emailsWithContact)
        let linkedin = ChannelCoverage(
            channel: "linkedin", rows: tally.linkedinTouches,
            withOutcome: tally.linkedinTouches - tally.linkedinUnobserved, withContact: tally.linkedinWithContact)
        let meetings = ChannelCoverage(
            channel: "meetings", rows: tally.meetings, withOutcome: tally.meetings - tally.meetingsUnknown,
            withContact: tally.meetingsWithContact)
        coverage.channels = [calls, emails, linkedin, meetings].filter { $0.rows > 0 }

        let minimum = rules.minimumRecordedShare
        let recordedCalls = tally.outboundCalls - tally.callsUnobserved
        if tally.outboundCalls > 0, Double(recordedCalls) < minimum * Double(tally.outboundCalls) {
            coverage.limits.append(
                "\(whose) CRM export records neither an outcome nor a duration for \(tally.callsUnobserved) of "
                    + "\(tally.outboundCalls) calls, so their conversations are unknown and no verdict rests on them.")
        }
        for (channel, rows, unobserved) in [
            ("LinkedIn", tally.linkedinTouches, tally.linkedinUnobserved),
            ("email", tally.outboundEmails, tally.emailsUnobserved),
        ] where rows > 0 && Double(rows - unobserved) < minimum * Double(rows) {
            coverage.limits.append(
                "\(whose) CRM export records no \(channel) replies for \(unobserved) of \(rows) touches, so "
                    + "\(channel) is not judged by replies.")
        }
        var inferred: [String] = []
        if tally.callsOutcomeFromWords > 0 {
            inferred.append("\(tally.callsOutcomeFromWords) read from words in subjects or notes")
        }
        if tally.callsAnsweredByDuration > 0 {
            inferred.append("\(tally.callsAnsweredByDuration) answered by their duration")
        }
        if !inferred.isEmpty {
            coverage.limits.append("Call outcomes inferred, not recorded: \(inferred.joined(separator: ", ")).")
        }
        if tally.meetingsUnknown > 0 {
            coverage.limits.append(
                "\(tally.meetingsUnknown) of \(tally.meetings) meetings have no outcome in the export"
                    + (rules.unknownMeetingsCountAsHeld ? "; they count as held." : "; they do not count as held."))
        }
        return coverage
    }
}
