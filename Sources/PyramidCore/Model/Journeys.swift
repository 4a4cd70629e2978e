import Foundation

/// One activity of a seller with one contact, as contact journeys read it: the model's input for crediting
/// conversations and meetings to the channels that led to them.
public struct ContactTouch: Sendable, Hashable, Codable {
    /// The contact's key (`ContactKey.of`): the same person across channels and exports.
    public var contact: String
    /// The local day.
    public var day: LocalDate
    public var kind: ActivityKind
    public var direction: Direction
    public var outcome: Outcome
    /// The duration in seconds, when the export records it.
    public var durationSeconds: Int?

    /// Creates a touch.
    public init(
        contact: String, day: LocalDate, kind: ActivityKind, direction: Direction = .outbound,
        outcome: Outcome = .unknown, durationSeconds: Int? = nil
    ) {
        self.contact = contact
        self.day = day
        self.kind = kind
        self.direction = direction
        self.outcome = outcome
        self.durationSeconds = durationSeconds
    }
}

/// Who an activity was with, as one key across channels: the email when the contact cell holds one, else the
/// name and the company, lowercased, without accents, with white space collapsed.
public enum ContactKey {
    /// The key of the contact named `contact` at `company`; empty when no contact is named.
    public static func of(contact: String, company: String) -> String {
        let contact = contact.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !contact.isEmpty else { return "" }
        if let email = contact.split(whereSeparator: { $0 == " " || $0 == "<" || $0 == ">" || $0 == "," || $0 == ";" })
            .first(where: { $0.contains("@") })
        {
            return fold(String(email))
        }
        let company = fold(company)
        return company.isEmpty ? fold(contact) : fold(contact) + " | " + company
    }

    private static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// How `JourneyRules` credits a conversation or meeting to the channels that touched the contact before it.
public enum JourneyCredit: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every channel that touched the contact within the window.
    case any
    /// The channel of the earliest touch within the window.
    case first
    /// The channel of the latest touch within the window (a conversation call is its own latest touch).
    case last
}

/// One channel's journeys over a span: the people touched on it, and how many went on to a conversation or a
/// meeting credited to it.
struct ChannelJourney {
    /// Distinct contacts touched on the channel (outbound).
    var contacts = 0
    /// Of those, contacts with at least one conversation or meeting credited to the channel.
    var reached = 0
    /// Outbound touches on the channel, and those that name no contact.
    var touches = 0
    var withoutContact = 0

    /// `reached` of `contacts`, as a rate. The people behind touches that name no contact are unrecorded: as
    /// many, in proportion, as the touches that do name one stand for.
    func rate(z: Double) -> Rate {
        let named = touches - withoutContact
        let unrecorded =
            named > 0 ? Int((Double(contacts) * Double(withoutContact) / Double(named)).rounded()) : withoutContact
        return Rate(hits: reached, attempts: contacts, unrecorded: unrecorded, z: z)
    }
}

/// A seller's contact journeys over a span, per prospecting channel.
struct JourneyView {
    var first: LocalDate
    var last: LocalDate
    var channels: [Channel: ChannelJourney]
    /// Meetings held in the span, and how many of them were with people first reached on each channel.
    var meetings = 0
    var meetingsFirstReachedOn: [Channel: Int] = [:]
    /// Calls in the span whose conversation is unknown (neither outcome nor duration).
    var callsUnobserved = 0
}

/// Builds contact journeys and credits conversations and meetings to channels.
enum JourneyRules {
    /// The journeys of `touches` (one seller's) for touches from `first` to `last`; results within the window
    /// after a touch are credited to its channel.
    static func view(
        _ touches: [ContactTouch], from first: LocalDate, to last: LocalDate, minimumCallSeconds: Int,
        rules: DiagnosisRules
    ) -> JourneyView {
        var view = JourneyView(first: first, last: last, channels: [:])
        var byContact: [String: [ContactTouch]] = [:]
        var contactsOn: [Channel: Set<String>] = [:]
        for touch in touches where touch.day >= first && touch.day <= last {
            if let channel = channel(of: touch), touch.direction == .outbound {
                view.channels[channel, default: ChannelJourney()].touches += 1
                if touch.contact.isEmpty {
                    view.channels[channel, default: ChannelJourney()].withoutContact += 1
                } else {
                    contactsOn[channel, default: []].insert(touch.contact)
                }
                if touch.kind == .call, touch.outcome == .unknown || touch.outcome == .connected {
                    let length = CallLength(seconds: touch.durationSeconds, minimum: minimumCallSeconds)
                    if length == .borderline || (length == .unknown && touch.outcome == .unknown) {
                        view.callsUnobserved += 1
                    }
                }
            }
            if touch.kind == .meeting, isHeld(touch, rules: rules) { view.meetings += 1 }
            guard !touch.contact.isEmpty else { continue }
            byContact[touch.contact, default: []].append(touch)
        }
        var reached: [Channel: Set<String>] = [:]
        for (contact, journey) in byContact {
            let ordered = journey.sorted { $0.day < $1.day }
            for (index, result) in ordered.enumerated()
            where isResult(result, minimumCallSeconds: minimumCallSeconds, rules: rules) {
                let from = result.day.adding(days: -rules.journeyWindowDays)
                // The touches before the result (and a call that is itself the result), within the window.
                let before = ordered[...index].filter {
                    $0.direction == .outbound && $0.day >= from && channel(of: $0) != nil
                }
                let credited: [Channel]
                switch rules.journeyCredit {
                case .any: credited = before.compactMap(channel(of:))
                case .first: credited = before.first.flatMap(channel(of:)).map { [$0] } ?? []
                case .last: credited = before.last.flatMap(channel(of:)).map { [$0] } ?? []
                }
                for channel in credited { reached[channel, default: []].insert(contact) }
                if result.kind == .meeting,
                    let opener = ordered.first(where: { $0.direction == .outbound && channel(of: $0) != nil }),
                    opener.day <= result.day, let channel = channel(of: opener)
                {
                    view.meetingsFirstReachedOn[channel, default: 0] += 1
                }
            }
        }
        for (channel, contacts) in contactsOn {
            view.channels[channel, default: ChannelJourney()].contacts = contacts.count
            view.channels[channel, default: ChannelJourney()].reached =
                reached[channel]?.intersection(contacts)
                .count ?? 0
        }
        return view
    }

    /// The prospecting channel a touch is on; nil for meetings and other activities.
    static func channel(of touch: ContactTouch) -> Channel? {
        switch touch.kind {
        case .call: .calls
        case .email: .emails
        case .linkedin: .linkedin
        case .meeting, .other: nil
        }
    }

    /// A conversation (a connected call long enough, or of unknown length; a call without an outcome that
    /// lasted long enough) or a held meeting.
    static func isResult(_ touch: ContactTouch, minimumCallSeconds: Int, rules: DiagnosisRules) -> Bool {
        switch touch.kind {
        case .call:
            let length = CallLength(seconds: touch.durationSeconds, minimum: minimumCallSeconds)
            if touch.outcome == .connected { return length == .long || length == .unknown }
            if touch.outcome == .unknown { return length == .long }
            return false
        case .meeting: return isHeld(touch, rules: rules)
        default: return false
        }
    }

    private static func isHeld(_ touch: ContactTouch, rules: DiagnosisRules) -> Bool {
        touch.outcome == .held || (touch.outcome == .unknown && rules.unknownMeetingsCountAsHeld)
    }
}
