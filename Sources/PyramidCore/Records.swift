/// One touch a seller made or received: a call, an email, a LinkedIn step, a meeting.
public struct Activity: Sendable, Hashable, Codable {
    /// A key that stays the same across exports: the CRM's record id, else a hash of the row's content.
    public var key: String
    /// The owner exactly as the export names them: an email, a full name or a CRM user id.
    public var owner: String
    /// What kind of touch it is.
    public var kind: ActivityKind
    /// Who reached out.
    public var direction: Direction
    /// What came of it.
    public var outcome: Outcome
    /// The CRM's own words for the outcome or disposition, kept when they say more than `outcome`.
    public var outcomeText: String
    /// Where `outcome` was read from.
    public var outcomeSource: OutcomeSource
    /// When it happened, in seconds since 1970-01-01 UTC.
    public var occurredAt: Int64
    /// The UTC offset the export stated or implied for `occurredAt`, in minutes.
    public var utcOffsetMinutes: Int
    /// How long it lasted, in seconds, when the export says.
    public var durationSeconds: Int?
    /// The subject or title.
    public var subject: String
    /// The contact, lead or person it was with.
    public var contact: String
    /// The account or company.
    public var company: String
    /// False for a task that is planned or canceled (`Not Started`, `To do`, `Canceled`): stored, not counted.
    public var done: Bool
    /// When it was entered in the CRM, when the export says (to spot a week logged on one evening).
    public var loggedAt: Int64?

    /// Creates an activity.
    public init(
        key: String, owner: String, kind: ActivityKind, direction: Direction, outcome: Outcome,
        outcomeText: String = "", outcomeSource: OutcomeSource = .export, occurredAt: Int64, utcOffsetMinutes: Int = 0,
        durationSeconds: Int? = nil,
        subject: String = "", contact: String = "", company: String = "", done: Bool = true,
        loggedAt: Int64? = nil
    ) {
        self.key = key
        self.owner = owner
        self.kind = kind
        self.direction = direction
        self.outcome = outcome
        self.outcomeText = outcomeText
        self.outcomeSource = outcomeSource
        self.occurredAt = occurredAt
        self.utcOffsetMinutes = utcOffsetMinutes
        self.durationSeconds = durationSeconds
        self.subject = subject
        self.contact = contact
        self.company = company
        self.done = done
        self.loggedAt = loggedAt
    }

    /// The calendar day the activity happened on, in the seller's local time as the export gave it.
    public var localDate: LocalDate {
        LocalDate(epochSeconds: occurredAt, offsetSeconds: utcOffsetMinutes * 60)
    }

    /// `localDate` as days since 1970-01-01, without making the date.
    public var localDay: Int {
        LocalDate.daysSinceEpoch(epochSeconds: occurredAt, offsetSeconds: utcOffsetMinutes * 60)
    }
}

/// An opportunity: what the pyramid calls results.
public struct Deal: Sendable, Hashable, Codable {
    /// The CRM's record id, else a hash of name, owner and created date.
    public var key: String
    /// The owner as the export names them.
    public var owner: String
    /// The deal's name or title.
    public var name: String
    /// The amount in minor units (cents), when the export has one.
    public var amountCents: Int64?
    /// The ISO 4217 code when the export has one, else empty.
    public var currency: String
    /// The stage as the CRM names it.
    public var stage: String
    /// Open, won or lost.
    public var status: DealStatus
    /// When it closed or is expected to close.
    public var closeDate: LocalDate?
    /// When it was created, when the export says.
    public var createdDate: LocalDate?

    /// Creates a deal.
    public init(
        key: String, owner: String, name: String, amountCents: Int64?, currency: String = "", stage: String = "",
        status: DealStatus, closeDate: LocalDate?, createdDate: LocalDate? = nil
    ) {
        self.key = key
        self.owner = owner
        self.name = name
        self.amountCents = amountCents
        self.currency = currency
        self.stage = stage
        self.status = status
        self.closeDate = closeDate
        self.createdDate = createdDate
    }
}

/// A person on the roster: who sells, on which team, since when.
public struct Seller: Sendable, Hashable, Codable {
    /// The seller's email, lowercased; the key everything else hangs on.
    public var email: String
    /// The full name.
    public var name: String
    /// The team, empty when unknown.
    public var team: String
    /// The manager's email or name, empty when unknown.
    public var manager: String
    /// The role (e.g. `SDR`, `AE`), empty when unknown.
    public var role: String
    /// The first day, which starts the ramp.
    public var startDate: LocalDate?
    /// The last day, for people who left.
    public var endDate: LocalDate?
    /// The CRM's user id, for exports that name owners only by id.
    public var crmID: String
    /// False for people marked inactive in the CRM, even when no end date is known.
    public var active: Bool

    /// Creates a roster entry.
    public init(
        email: String, name: String, team: String = "", manager: String = "", role: String = "",
        startDate: LocalDate? = nil, endDate: LocalDate? = nil, crmID: String = "", active: Bool = true
    ) {
        self.email = email
        self.name = name
        self.team = team
        self.manager = manager
        self.role = role
        self.startDate = startDate
        self.endDate = endDate
        self.crmID = crmID
        self.active = active
    }
}

extension Seller {
    /// `ben.carter@example.com` → `Ben Carter`, for an owner known only by email.
    public static func name(fromEmail email: String) -> String {
        let local = email.split(separator: "@").first.map(String.init) ?? email
        return local.split(whereSeparator: { $0 == "." || $0 == "_" || $0 == "-" })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}

/// Days a seller did not work: leave, sickness, training.
public struct TimeOff: Sendable, Hashable, Codable {
    /// The seller's email, lowercased.
    public var email: String
    /// The first day off.
    public var start: LocalDate
    /// The last day off (inclusive).
    public var end: LocalDate

    /// Creates a span of time off.
    public init(email: String, start: LocalDate, end: LocalDate) {
        self.email = email
        self.start = start
        self.end = end
    }

    /// Whether `date` falls within the span.
    public func contains(_ date: LocalDate) -> Bool { start <= date && date <= end }
}
