import PyramidCore

/// The extra activity of coached sellers' experiments, from its own random stream and its own id range, so
/// the rest of the simulated team is exactly what it is without experiments.
struct ExperimentStream {
    private var rng: SplitMix
    private var nextID = 800_000_001
    private var pending: [(day: LocalDate, seller: Int, company: String, contact: String)] = []
    let reportWeek: ISOWeek

    init(seed: UInt64, reportWeek: ISOWeek) {
        rng = SplitMix(seed: seed ^ 0x5EED_C0AC_4E00_0001)
        self.reportWeek = reportWeek
    }

    /// What `persona` did on `day` because of their experiment: the meetings it booked, and the extra calls
    /// on the experiment's days.
    mutating func day(seller: Int, persona: Persona, day: LocalDate, last: LocalDate) -> [SampleActivity] {
        var today: [SampleActivity] = []
        let due = pending.filter { $0.day == day && $0.seller == seller }
        pending.removeAll { $0.day == day && $0.seller == seller }
        for meeting in due {
            var held = activity(seller: seller, kind: .meeting, day: day, at: 14 * 3600)
            held.contact = meeting.contact
            held.company = meeting.company
            held.durationSeconds = 1800
            held.outcome = rng.chance(0.9) ? .held : .noShow
            today.append(held)
        }
        guard let plan = persona.experiment else { return today }
        let coached = reportWeek.adding(weeks: -plan.coachedWeeksBefore)
        let week = ISOWeek(containing: day)
        guard week > coached, week <= coached.adding(weeks: plan.weeks), plan.weekdays.contains(day.isoWeekday)
        else { return today }
        for _ in 0..<rng.around(plan.extraCallsPerDay) {
            today.append(call(seller: seller, persona: persona, plan: plan, day: day, last: last))
        }
        return today.sorted { $0.secondsOfDay < $1.secondsOfDay }
    }

    /// One call of a morning call block (9:30 to 11:00).
    private mutating func call(
        seller: Int, persona: Persona, plan: PersonaExperiment, day: LocalDate, last: LocalDate
    ) -> SampleActivity {
        var call = activity(
            seller: seller, kind: .call, day: day, at: 9 * 3600 + 1800 + Int.random(in: 0..<5400, using: &rng))
        if rng.chance(plan.connectRate) {
            if rng.chance(0.1) {
                call.outcome = .notInterested
                call.durationSeconds = Int.random(in: 15...70, using: &rng)
            } else if rng.chance(plan.conversationRate) {
                call.outcome = .connected
                call.durationSeconds = Int.random(in: 125...900, using: &rng)
                if rng.chance(persona.meetingRate) {
                    var meetingDay = day.adding(days: Int.random(in: 2...6, using: &rng))
                    while meetingDay.isoWeekday > 5 { meetingDay = meetingDay.adding(days: 1) }
                    if meetingDay <= last { pending.append((meetingDay, seller, call.company, call.contact)) }
                }
            } else {
                call.outcome = .connected
                call.durationSeconds = Int.random(in: 25...110, using: &rng)
            }
        } else {
            call.outcome = rng.chance(0.6) ? .noAnswer : .voicemail
            call.durationSeconds = Int.random(in: 5...40, using: &rng)
        }
        return call
    }

    private mutating func activity(seller: Int, kind: ActivityKind, day: LocalDate, at seconds: Int)
        -> SampleActivity
    {
        defer { nextID += 1 }
        return SampleActivity(
            id: nextID, seller: seller, kind: kind, direction: .outbound, outcome: .unknown, day: day,
            secondsOfDay: seconds, durationSeconds: 0, contact: rng.pick(Simulator.contacts),
            company: rng.pick(Simulator.companies), note: "")
    }
}
