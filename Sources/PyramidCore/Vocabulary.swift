/// What kind of touch an activity is, in Pyramid's canonical vocabulary.
///
/// Every CRM's own activity types, task subtypes and sequence steps are mapped onto these five values.
public enum ActivityKind: String, Sendable, Hashable, Codable, CaseIterable {
    case call, email, linkedin, meeting, other
}

/// Whether the seller reached out or the buyer did.
public enum Direction: String, Sendable, Hashable, Codable, CaseIterable {
    case outbound, inbound
}

/// What came of an activity, in Pyramid's canonical vocabulary.
///
/// Calls use `connected` … `notInterested`; emails and LinkedIn touches use `sent` … `bounced`;
/// meetings use `held`, `noShow` and `scheduled`. Any activity may be `unknown`; the CRM's own text is kept
/// beside it so nothing is lost.
public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
    case connected
    case voicemail
    case noAnswer = "no-answer"
    case busy
    case wrongNumber = "wrong-number"
    case gatekeeper
    case notInterested = "not-interested"
    case sent
    case replied
    case accepted
    case bounced
    case held
    case noShow = "no-show"
    case scheduled
    case unknown

    /// The outcomes that make sense for activities of `kind`.
    public static func valid(for kind: ActivityKind) -> Set<Outcome> {
        switch kind {
        case .call: [.connected, .voicemail, .noAnswer, .busy, .wrongNumber, .gatekeeper, .notInterested, .unknown]
        case .email, .linkedin: [.sent, .replied, .accepted, .bounced, .unknown]
        case .meeting: [.held, .noShow, .scheduled, .unknown]
        case .other: Set(Outcome.allCases)
        }
    }
}

/// Where a deal stands.
public enum DealStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case open, won, lost
}

/// What a CSV file holds.
public enum ExportKind: String, Sendable, Hashable, Codable, CaseIterable {
    case activities
    case deals
    case roster
    case timeOff = "time-off"
}

/// Where an activity's outcome was read from.
///
/// The store keeps it with the activity, so the coverage of a report can say how many outcomes the export
/// recorded and how many were inferred. (A call answered by its duration alone is inferred when tallied, from
/// the duration the activity keeps: its stored outcome stays `unknown`.)
public enum OutcomeSource: String, Sendable, Hashable, Codable, CaseIterable {
    /// The export's outcome or status column, or nothing at all (the outcome is then `unknown`).
    case export
    /// Words in the subject or notes, such as `Left VM` (see `OutcomeWords` in PyramidIngest).
    case words
}
