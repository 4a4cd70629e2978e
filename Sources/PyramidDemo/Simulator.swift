import PyramidCore

/// One simulated activity, in the seller's local time.
public struct SampleActivity: Sendable {
    public var id: Int
    public var seller: Int
    public var kind: ActivityKind
    public var direction: Direction
    public var outcome: Outcome
    public var day: LocalDate
    public var secondsOfDay: Int
    public var durationSeconds: Int
    public var contact: String
    public var company: String
    public var note: String
}

/// One simulated deal.
public struct SampleDeal: Sendable {
    public var id: Int
    public var seller: Int
    public var name: String
    public var amount: Double
    public var status: DealStatus
    public var closeDate: LocalDate
    public var createdDate: LocalDate
}

/// Lives the personas' working days and emits what they did, day by day, so even millions of rows stream
/// to disk in flat memory. Same seed, same week: same team.
public struct Simulator {
    public let personas: [Persona]
    public let reportWeek: ISOWeek
    public let weeks: Int
    private var rng: SplitMix
    private var nextID: Int
    /// Meetings and deals waiting for their day.
    private var pendingMeetings: [(day: LocalDate, seller: Int, company: String, contact: String)] = []
    /// Coached sellers' experiments, on their own random stream.
    private var experiments: ExperimentStream
    public private(set) var deals: [SampleDeal] = []

    static let companies = [
        "Acme Logistics", "Globex", "Initech", "Umbrella Health", "Hooli", "Stark Components", "Wayne Freight",
        "Tyrell Labs", "Soylent Foods", "Vandelay Imports", "Cyberdyne", "Wonka Retail", "Gringotts Bank",
        "Oceanic Air", "Monarch Energy",
    ]
    static let contacts = [
        "Lea Martin", "Tom Stone", "Ivy Chen", "Bo Ray", "Ada Ng", "Omar Haddad", "Zoë Dupont", "Lukas Weber",
        "Mia Rossi", "Raj Patel", "Sara Lind", "Kenji Sato", "Nora O'Neil", "Pablo Ruiz", "Eva Novak",
    ]
    private static let notes = [
        "Asked about pricing, \"per seat\" vs flat; send deck", "Gatekeeper, try after 4pm",
        "Interested in Q1 pilot,\nwants references", "Wrong person; referred to ops lead, \"Sam\"",
        "Follow up next week, budget \"approved\" but not signed",
    ]

    /// A simulation of `weeks` weeks ending with `reportWeek`, whose activities are numbered from `firstID` on.
    public init(personas: [Persona], reportWeek: ISOWeek, weeks: Int, seed: UInt64, firstID: Int = 1) {
        self.personas = personas
        nextID = firstID
        self.reportWeek = reportWeek
        self.weeks = weeks
        rng = SplitMix(seed: seed)
        experiments = ExperimentStream(seed: seed, reportWeek: reportWeek)
    }

    /// Runs every working day, oldest first, calling `emit` for each activity.
    public mutating func run(emit: (SampleActivity) throws -> Void) rethrows {
        let first = reportWeek.adding(weeks: -(weeks - 1))
        let last = reportWeek.monday.adding(days: 6)
        for index in 0..<weeks {
            let week = first.adding(weeks: index)
            for offset in 0..<5 {
                let day = week.monday.adding(days: offset)
                for (seller, persona) in personas.enumerated() {
                    guard day >= persona.startDate, persona.endDate.map({ day <= $0 }) ?? true else { continue }
                    if persona.onLeaveInReportWeek && week == reportWeek { continue }
                    try work(seller: seller, persona: persona, day: day, weekIndex: index, last: last, emit: emit)
                    for extra in experiments.day(seller: seller, persona: persona, day: day, last: last) {
                        try emit(extra)
                    }
                }
            }
        }
    }

    private mutating func work(
        seller: Int, persona: Persona, day: LocalDate, weekIndex: Int, last: LocalDate,
        emit: (SampleActivity) throws -> Void
    ) rethrows {
        var today: [SampleActivity] = []
        let weeksEmployed = max(
            0,
            (day.daysSinceEpoch - max(persona.startDate, reportWeek.adding(weeks: -(weeks - 1)).monday).daysSinceEpoch)
                / 7)
        let pace = persona.callsPerDay[min(weeksEmployed, persona.callsPerDay.count - 1)]
        let calls = rng.around(pace)
        for _ in 0..<calls { today.append(call(seller: seller, persona: persona, day: day, last: last)) }
        if persona.logsShortCalls && day == reportWeek.monday.adding(days: 1) {
            for _ in 0..<14 {
                var quick = call(seller: seller, persona: persona, day: day, last: last)
                quick.outcome = .noAnswer
                quick.durationSeconds = Int.random(in: 0...3, using: &rng)
                quick.secondsOfDay = 17 * 3600 + Int.random(in: 0..<600, using: &rng)
                today.append(quick)
            }
        }
        for (kind, perDay, replyRate) in [
            (ActivityKind.linkedin, persona.linkedinPerDay, persona.linkedinReplyRate),
            (.email, persona.emailsPerDay, persona.emailReplyRate),
        ] {
            for _ in 0..<rng.around(perDay) {
                var touch = activity(seller: seller, kind: kind, day: day)
                touch.outcome = kind == .linkedin && rng.chance(0.3) ? .accepted : .sent
                today.append(touch)
                if rng.chance(replyRate) {
                    var reply = activity(seller: seller, kind: kind, day: day)
                    reply.direction = .inbound
                    reply.outcome = .replied
                    reply.contact = touch.contact
                    reply.company = touch.company
                    today.append(reply)
                    bookMeeting(seller: seller, persona: persona, from: day, touch: reply, last: last)
                }
            }
        }
        let due = pendingMeetings.filter { $0.day == day && $0.seller == seller }
        pendingMeetings.removeAll { $0.day == day && $0.seller == seller }
        for meeting in due {
            var held = activity(seller: seller, kind: .meeting, day: day)
            held.contact = meeting.contact
            held.company = meeting.company
            held.durationSeconds = 1800
            held.outcome = rng.chance(0.9) ? .held : .noShow
            today.append(held)
            if held.outcome == .held {
                maybeDeal(seller: seller, persona: persona, from: day, company: held.company, last: last)
            }
        }
        for activity in today.sorted(by: { $0.secondsOfDay < $1.secondsOfDay }) { try emit(activity) }
    }

    private mutating func call(seller: Int, persona: Persona, day: LocalDate, last: LocalDate) -> SampleActivity {
        var call = activity(seller: seller, kind: .call, day: day)
        if persona.verboseNotes && call.note.isEmpty && rng.chance(0.7) {
            call.note = (0..<Int.random(in: 1...3, using: &rng)).map { _ in rng.pick(Simulator.notes) }
                .joined(separator: "; ")
        }
        if rng.chance(persona.connectRate) {
            if rng.chance(persona.rejectionRate) {
                call.outcome = .notInterested
                call.durationSeconds = Int.random(in: 15...70, using: &rng)
            } else if rng.chance(persona.conversationRate) {
                call.outcome = .connected
                call.durationSeconds = Int.random(in: 125...900, using: &rng)
                bookMeeting(seller: seller, persona: persona, from: day, touch: call, last: last)
            } else {
                call.outcome = .connected
                call.durationSeconds = Int.random(in: 25...110, using: &rng)
            }
        } else {
            let roll = Double.random(in: 0..<1, using: &rng)
            call.outcome = roll < 0.55 ? .noAnswer : roll < 0.9 ? .voicemail : roll < 0.95 ? .busy : .wrongNumber
            call.durationSeconds =
                call.outcome == .voicemail ? Int.random(in: 20...45, using: &rng) : Int.random(in: 5...30, using: &rng)
        }
        return call
    }

    private mutating func activity(seller: Int, kind: ActivityKind, day: LocalDate) -> SampleActivity {
        defer { nextID += 1 }
        let note = rng.chance(0.1) ? rng.pick(Simulator.notes) : ""
        return SampleActivity(
            id: nextID, seller: seller, kind: kind, direction: .outbound, outcome: .unknown, day: day,
            secondsOfDay: 8 * 3600 + 30 * 60 + Int.random(in: 0..<(9 * 3600), using: &rng), durationSeconds: 0,
            contact: Self.prospect(rng.pick(Simulator.contacts), id: nextID), company: rng.pick(Simulator.companies),
            note: note)
    }

    /// A prospect's name: the first name of `person` and a family name chosen by the activity's id, so that a
    /// seller meets hundreds of different people over a quarter and a contact's journey is their own (replies
    /// and meetings keep the contact of the touch that led to them).
    static func prospect(_ person: String, id: Int) -> String {
        let first = person.split(separator: " ").first.map(String.init) ?? person
        return first + " " + familyNames[(id &* 7_919) % familyNames.count]
    }

    static let familyNames = [
        "Abbott", "Bauer", "Castillo", "Dimitrov", "Eriksen", "Fischer", "Garnier", "Horvath", "Ibsen", "Jansen",
        "Kowalczyk", "Lindqvist", "Moreau", "Nakamura", "Okonkwo", "Petrov", "Quintero", "Romano", "Schulz",
        "Tanaka", "Urquhart", "Varga", "Wagner", "Xavier", "Yilmaz", "Zielinski", "Almeida", "Brennan", "Costa",
        "Delgado", "Engel", "Ferreira", "Gallagher", "Hoffmann", "Iversen", "Jovanovic", "Keller", "Larsen",
        "Marchetti", "Novak", "Oliveira", "Pereira", "Rinaldi", "Sorensen", "Teixeira", "Ulrich", "Vogel",
        "Weiss", "Young", "Zimmermann", "Andersen", "Bianchi", "Coleman", "Dubois", "Esposito", "Fontaine",
        "Grant", "Hansen", "Iglesias", "Jensen", "Kramer",
    ]

    private mutating func bookMeeting(
        seller: Int, persona: Persona, from day: LocalDate, touch: SampleActivity, last: LocalDate
    ) {
        guard rng.chance(persona.meetingRate) else { return }
        var meetingDay = day.adding(days: Int.random(in: 2...6, using: &rng))
        while meetingDay.isoWeekday > 5 { meetingDay = meetingDay.adding(days: 1) }
        guard meetingDay <= last else { return }
        pendingMeetings.append((meetingDay, seller, touch.company, touch.contact))
    }

    private mutating func maybeDeal(
        seller: Int, persona: Persona, from day: LocalDate, company: String, last: LocalDate
    ) {
        let created = day
        let close = day.adding(days: Int.random(in: 5...25, using: &rng))
        let amount = (persona.dealSize * Double.random(in: 0.6...1.5, using: &rng) / 100).rounded() * 100
        let status: DealStatus
        if close > last {
            status = .open
        } else if rng.chance(persona.winRate) {
            status = .won
        } else {
            status = rng.chance(0.5) ? .lost : .open
        }
        deals.append(
            SampleDeal(
                id: deals.count + 1, seller: seller,
                name: "\(company) \(rng.pick(["pilot", "expansion", "renewal", "rollout"]))",
                amount: amount, status: status, closeDate: close, createdDate: created))
    }
}
