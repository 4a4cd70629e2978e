import PyramidCore

/// What a coached sample seller agreed in a one-to-one and did afterwards: the experiment, as the manager
/// records it, and the extra call blocks the simulator adds on its days.
public struct PersonaExperiment: Sendable {
    /// How many weeks before the report week the one-to-one was (its week is the agenda's week).
    public var coachedWeeksBefore: Int
    /// How many weeks the experiment ran, from the week after the one-to-one.
    public var weeks: Int
    /// The days the extra call blocks happened, ISO weekdays.
    public var weekdays: [Int]
    /// Extra outbound calls on those days, on top of the seller's usual ones.
    public var extraCallsPerDay: Double
    /// Share of the extra calls that connect.
    public var connectRate: Double
    /// Share of those connects that become conversations (two minutes or more).
    public var conversationRate: Double
    /// The experiment's name, as recorded.
    public var name: String
    /// The belief it tests.
    public var belief: String
    /// The measure agreed.
    public var measure: ExperimentMeasure
    /// The manager's notes.
    public var note: String
    /// What was agreed.
    public var agreements: [String]
}

/// The demo's coaching log: one entry per persona with an experiment.
public enum SampleCoaching {
    /// Ben Carter's experiment in the sample team: phone-first on Tuesdays and Thursdays for two weeks, agreed
    /// three weeks before the report week.
    public static func phoneFirst() -> PersonaExperiment? {
        guard let measure = try? ExperimentMeasure(metric: .outboundCalls, per: .day, target: 15, weekdays: [2, 4])
        else { return nil }
        return PersonaExperiment(
            coachedWeeksBefore: 3, weeks: 2, weekdays: [2, 4], extraCallsPerDay: 16, connectRate: 0.35,
            conversationRate: 0.5,
            name: "Phone-first on Tuesday and Thursday: call first, then connect on LinkedIn the same day",
            belief: "social-beats-calls", measure: measure,
            note: "Ben trusts LinkedIn more than the phone; we agreed to test it on his own numbers.",
            agreements: [
                "Two 45-minute call blocks on Tuesday and Thursday mornings, with the opener we practised",
                "Log every call the same day",
            ])
    }

    /// The coaching entries of `personas` with an experiment, for report week `week`.
    public static func entries(personas: [Persona], week: ISOWeek) -> [CoachingEntry] {
        personas.compactMap { persona in
            guard let plan = persona.experiment else { return nil }
            let coached = week.adding(weeks: -plan.coachedWeeksBefore)
            return CoachingEntry(
                email: persona.email, manager: persona.manager, week: coached, note: plan.note,
                agreements: plan.agreements,
                experiment: Experiment(
                    name: plan.name, belief: plan.belief, measure: plan.measure,
                    lastWeek: coached.adding(weeks: plan.weeks)))
        }
    }
}
