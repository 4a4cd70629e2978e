import Foundation

/// One activity of a seller with one contact, as contact journeys read it: the model's input for crediting
/// conversations and meetings to the channels that led to them.
public struct ContactTouch: Sendable, Hashable, Codable {
    /// The contact's number (`ContactKey.number`): the same person across channels and exports has the same one;
    /// nil when the activity names no contact.
    public var contact: Int?
    /// The local day.
    public var day: LocalDate
    public var kind: ActivityKind
    public var direction: Direction
    public var outcome: Outcome
    /// The duration in seconds, when the export records it.
    public var durationSeconds: Int?

    /// Creates a touch.
    public init(
        contact: Int?, day: LocalDate, kind: ActivityKind, direction: Direction = .outbound,
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
/// name and the company, lowercased, without accents, trimmed, with each run of white space made one space.
public enum ContactKey {
    /// The key of the contact named `contact` at `company`; empty when no contact is named.
    public static func of(contact: String, company: String) -> String {
        var contact = contact
        var company = company
        var key: [UInt8] = []
        contact.withUTF8 { name in company.withUTF8 { company in write(name: name, company: company, to: &key) } }
        return String(decoding: key, as: UTF8.self)
    }

    /// The contact's number: a 64-bit digest of its key (`of`), so that reading a quarter of activities makes no
    /// text per row. Two different people share one with a chance of about 2⁻⁶⁴. Nil when no contact is named.
    /// `scratch` is reused from call to call.
    public static func number(
        contact: UnsafeBufferPointer<UInt8>, company: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8]
    ) -> Int? {
        scratch.removeAll(keepingCapacity: true)
        write(name: contact, company: company, to: &scratch)
        guard !scratch.isEmpty else { return nil }
        var digest: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
        for byte in scratch {
            digest ^= UInt64(byte)
            digest = digest &* 0x0000_0100_0000_01B3
        }
        return Int(bitPattern: UInt(digest))
    }

    /// The number of the contact named `contact` at `company` (`number(contact:company:scratch:)` on texts).
    public static func number(contact: String, company: String) -> Int? {
        var scratch: [UInt8] = []
        var contact = contact
        var company = company
        return contact.withUTF8 { name in
            company.withUTF8 { company in number(contact: name, company: company, scratch: &scratch) }
        }
    }

    /// Writes the key of `name` at `company` to `key`.
    private static func write(
        name: UnsafeBufferPointer<UInt8>, company: UnsafeBufferPointer<UInt8>, to key: inout [UInt8]
    ) {
        fold(name, to: &key)
        guard !key.isEmpty else { return }
        if let at = key.firstIndex(of: UInt8(ascii: "@")) {
            // The email: the word around the "@".
            let separators: [UInt8] = Array(" <>,;".utf8)
            let start = key[..<at].lastIndex { separators.contains($0) }.map { $0 + 1 } ?? 0
            let end = key[at...].firstIndex { separators.contains($0) } ?? key.count
            key = Array(key[start..<end])
            return
        }
        let nameEnd = key.count
        key.append(contentsOf: " | ".utf8)
        fold(company, to: &key)
        if key.count == nameEnd + 3 { key.removeLast(3) }
    }

    /// Appends `text` lowercased, without accents, trimmed, with each run of white space made one space. ASCII
    /// (most names) is folded byte by byte, other text through Foundation.
    private static func fold(_ text: UnsafeBufferPointer<UInt8>, to key: inout [UInt8]) {
        let start = key.count
        guard text.allSatisfy({ $0 < 0x80 }) else {
            let folded = String(decoding: text, as: UTF8.self)
                .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
            key.append(contentsOf: folded.split(whereSeparator: \.isWhitespace).joined(separator: " ").utf8)
            return
        }
        var space = false
        for byte in text {
            if byte == 32 || (byte >= 9 && byte <= 13) {
                space = key.count > start
                continue
            }
            if space { key.append(32) }
            space = false
            key.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
        }
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
    /// People reached on the channel too late for the window to have passed, without a conversation or meeting
    /// yet: too early to tell, so not counted in `contacts` (nor as unrecorded: the export is not missing them).
    var pending = 0

    /// `reached` of `contacts`, as a rate. The people behind touches that name no contact are unrecorded: as
    /// many, in proportion, as the touches that do name one stand for.
    func rate(z: Double) -> Rate {
        let named = touches - withoutContact
        let unnamed =
            named > 0 ? Int((Double(contacts) * Double(withoutContact) / Double(named)).rounded()) : withoutContact
        return Rate(hits: reached, attempts: contacts, unrecorded: unnamed, z: z)
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
    ///
    /// A person reached in the span may go on to a conversation or meeting up to `journeyWindowDays` after it, as
    /// far as the touches go (`dataEnd`); one reached less than that before `dataEnd` who has not yet is pending
    /// (`ChannelJourney.pending`): unknown, not a miss.
    static func view(
        _ touches: [ContactTouch], from first: LocalDate, to last: LocalDate, dataEnd: LocalDate? = nil,
        minimumCallSeconds: Int, rules: DiagnosisRules
    ) -> JourneyView {
        var view = JourneyView(first: first, last: last, channels: [:])
        let dataEnd = dataEnd ?? last
        let resultsEnd = min(last.adding(days: rules.journeyWindowDays), dataEnd)
        let pendingFrom = dataEnd.adding(days: 1 - rules.journeyWindowDays)
        // The touches of named contacts from the span's start to the last result it can credit, by contact and
        // day: each contact's journey is one run.
        var named: [(contact: Int, touch: ContactTouch)] = []
        for touch in touches where touch.day >= first && touch.day <= resultsEnd {
            if let contact = touch.contact { named.append((contact, touch)) }
            guard touch.day <= last else { continue }
            if let channel = channel(of: touch), touch.direction == .outbound {
                view.channels[channel, default: ChannelJourney()].touches += 1
                if touch.contact == nil { view.channels[channel, default: ChannelJourney()].withoutContact += 1 }
                if touch.kind == .call, touch.outcome == .unknown || touch.outcome == .connected {
                    let length = CallLength(seconds: touch.durationSeconds, minimum: minimumCallSeconds)
                    if length == .borderline || (length == .unknown && touch.outcome == .unknown) {
                        view.callsUnobserved += 1
                    }
                }
            }
            if touch.kind == .meeting, isHeld(touch, rules: rules) { view.meetings += 1 }
        }
        named.sort { ($0.contact, $0.touch.day) < ($1.contact, $1.touch.day) }
        var start = 0
        while start < named.count {
            var end = start
            while end < named.count && named[end].contact == named[start].contact { end += 1 }
            credit(
                named[start..<end].map(\.touch), to: &view, span: first...last, pendingFrom: pendingFrom,
                minimumCallSeconds: minimumCallSeconds, rules: rules)
            start = end
        }
        return view
    }

    /// Counts one contact's journey (their touches in day order) into `view`: the channels they were reached on in
    /// `span`, and those credited with a conversation or meeting; reached only from `pendingFrom` on and not
    /// credited, they are pending on that channel.
    private static func credit(
        _ journey: [ContactTouch], to view: inout JourneyView, span: ClosedRange<LocalDate>, pendingFrom: LocalDate,
        minimumCallSeconds: Int, rules: DiagnosisRules
    ) {
        // Channels as bits (a report reads hundreds of thousands of touches: no set is made per person).
        var reachedOn = 0
        var reachedEarly = 0
        var credited = 0
        let opener = journey.first { $0.direction == .outbound && channel(of: $0) != nil }
        for (index, touch) in journey.enumerated() {
            if touch.direction == .outbound, span.contains(touch.day), let channel = channel(of: touch) {
                reachedOn |= channel.bit
                if touch.day < pendingFrom { reachedEarly |= channel.bit }
            }
            guard isResult(touch, minimumCallSeconds: minimumCallSeconds, rules: rules) else { continue }
            let from = touch.day.adding(days: -rules.journeyWindowDays)
            // The touches before the result within the window, in order: every touch of its day counts as before
            // it (an export gives days, and which of a day's rows was stored first says nothing), and a call that
            // is itself the result touches the person last.
            var first: Channel?
            var last: Channel?
            var any = 0
            let sameDay = journey[index...].prefix { $0.day == touch.day }.filter { $0 != touch }
            for earlier in journey[..<index] + sameDay + [touch]
            where earlier.direction == .outbound && earlier.day >= from && span.contains(earlier.day) {
                guard let channel = channel(of: earlier) else { continue }
                first = first ?? channel
                last = channel
                any |= channel.bit
            }
            switch rules.journeyCredit {
            case .any: credited |= any
            case .first: credited |= first?.bit ?? 0
            case .last: credited |= last?.bit ?? 0
            }
            if touch.kind == .meeting, span.contains(touch.day), let opener, opener.day <= touch.day,
                let channel = channel(of: opener)
            {
                view.meetingsFirstReachedOn[channel, default: 0] += 1
            }
        }
        for channel in Channel.allCases where reachedOn & channel.bit != 0 {
            if credited & channel.bit != 0 {
                view.channels[channel, default: ChannelJourney()].contacts += 1
                view.channels[channel, default: ChannelJourney()].reached += 1
            } else if reachedEarly & channel.bit != 0 {
                view.channels[channel, default: ChannelJourney()].contacts += 1
            } else {
                view.channels[channel, default: ChannelJourney()].pending += 1
            }
        }
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
