import ArgumentParser
import Foundation
import PyramidCore
import PyramidStore

extension Metric: ExpressibleByArgument {
    /// The metrics a measure may count: every action (`won-amount` is a result).
    public static var allValueStrings: [String] { allCases.filter { $0 != .wonAmount }.map(\.rawValue) }
}

extension Period: ExpressibleByArgument {
    /// The periods a measure may be per.
    public static var allValueStrings: [String] { [Period.day.rawValue, Period.week.rawValue] }
}

/// `pyramid coach SELLER`: records a one-to-one in the coaching log, lists it, corrects it.
struct CoachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coach",
        abstract: "Record a one-to-one: notes, agreements, and the experiment to try.",
        discussion: """
            The experiment starts the week after --week and runs to --by (default: two weeks). Its measure \
            (--measure METRIC --target N [--per day|week] [--on tue/thu]) is what the next agendas and team \
            reports check against the imported activities: was it done, and what did it produce against the \
            seller's own baseline.

            Examples:
              pyramid coach ben@example.com --accept 1 --agree "Call blocks Tue/Thu 9:30"
              pyramid coach "Ben Carter" --experiment "Phone-first" \\
                --measure outbound-calls --per day --target 12 --on tue/thu --by 2026-W48
              pyramid coach ben@example.com --list
              pyramid coach ben@example.com --edit 3 --target 10
              pyramid coach ben@example.com --delete 3
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The seller's email or name.")
    var seller: String

    @Option(
        name: .long, help: "The week the one-to-one was about, e.g. 2026-W46 (default: the last complete week).",
        transform: WeekOutputOptions.week)
    var week: ISOWeek?

    @Option(name: .long, help: "Free notes.")
    var note: String?

    @Option(name: .long, help: "Something agreed; repeat for several.")
    var agree: [String] = []

    @Option(name: .long, help: "What the seller will try.")
    var experiment: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Take the agenda's suggested experience number N as the experiment, with its measure.", valueName: "n"))
    var accept: Int?

    @Option(name: .long, help: "The belief the experiment tests, e.g. social-beats-calls.")
    var belief: String?

    @Option(
        name: .customLong("measure"),
        help: ArgumentHelp("The metric that tells whether the experiment was done.", valueName: "metric"))
    var measureMetric: Metric?

    @Option(name: .long, help: ArgumentHelp("The least count per --per that means it was done.", valueName: "n"))
    var target: Double?

    @Option(name: .long, help: ArgumentHelp("Per working day or per week (default: week).", valueName: "period"))
    var per: Period?

    @Option(name: .long, help: ArgumentHelp("Only on these weekdays, e.g. tue/thu.", valueName: "days"))
    var on: String?

    @Option(
        name: .customLong("by"),
        help: ArgumentHelp("The experiment's last week (default: two weeks after --week).", valueName: "week"),
        transform: WeekOutputOptions.week)
    var lastWeek: ISOWeek?

    @Option(
        name: .long, help: ArgumentHelp("Who coached (default: the seller's manager on the roster).", valueName: "name")
    )
    var byManager: String?

    @Flag(name: .long, help: "Show the seller's coaching log.")
    var list = false

    @Option(
        name: .long,
        help: ArgumentHelp("Correct entry ID: the options given replace what was recorded.", valueName: "id"))
    var edit: Int64?

    @Option(name: .long, help: ArgumentHelp("Delete entry ID.", valueName: "id"))
    var delete: Int64?

    @Option(name: .long, help: "text or json (with --list).")
    var format: ListFormat = .text

    /// Whether any option that records something was given.
    var recordsSomething: Bool {
        note != nil || !agree.isEmpty || experiment != nil || accept != nil || belief != nil || measureMetric != nil
            || target != nil || per != nil || on != nil || lastWeek != nil || byManager != nil || week != nil
    }

    func validate() throws {
        if [list, edit != nil, delete != nil].filter({ $0 }).count > 1 {
            throw ValidationError("give one of --list, --edit ID and --delete ID")
        }
        if (list || delete != nil) && recordsSomething {
            throw ValidationError("--list and --delete take no recording options (--note, --agree, --experiment, …)")
        }
        if edit != nil && accept != nil { throw ValidationError("--accept records a new entry; it cannot --edit one") }
        if experiment != nil && accept != nil {
            throw ValidationError("--experiment and --accept both name the experiment; give one of them")
        }
        if let accept, accept < 1 {
            throw ValidationError("--accept takes the experience's number in the agenda (1, 2)")
        }
        if !list && edit == nil && delete == nil && note == nil && agree.isEmpty && experiment == nil && accept == nil {
            throw ValidationError("nothing to record: give --note, --agree, --experiment or --accept N (or --list)")
        }
        if edit == nil && experiment == nil && accept == nil
            && (belief != nil || measureMetric != nil || target != nil || per != nil || on != nil || lastWeek != nil)
        {
            throw ValidationError(
                "--belief, --measure, --target, --per, --on and --by describe an experiment: add --experiment NAME or --accept N"
            )
        }
        if let belief, !BeliefAssessment.knownIDs.contains(belief) {
            throw ValidationError(
                "'\(belief)' is not a belief Pyramid judges (known: \(BeliefAssessment.knownIDs.joined(separator: ", ")))"
            )
        }
        if let on {
            do { _ = try Weekdays.parse(on) } catch { throw ValidationError(error.description) }
        }
        if measureMetric == .wonAmount || per == .quarter || (target ?? 0) < 0 {
            do {
                _ = try ExperimentMeasure(
                    metric: measureMetric ?? .outboundCalls, per: per ?? .week, target: target ?? 0)
            } catch { throw ValidationError(error.description) }
        }
    }

    func run() throws {
        let store = try workspace.openStore()
        let sellers = try store.sellers()
        guard let email = OwnerMatcher(sellers: sellers).match(seller),
            let person = sellers.first(where: { $0.email == email })
        else { throw ValidationError(StoreError.unknownSeller(seller).description) }
        if list {
            return Terminal.print(
                try CoachText.list(try store.coachingLog(email: email), seller: person, format: format))
        }
        if let id = delete ?? edit {
            let entry: CoachingEntry
            do {
                entry = try store.coachingEntry(id: id)
            } catch let error as StoreError {
                throw ValidationError(error.description)
            }
            guard entry.email == email else {
                throw ValidationError("coaching entry \(id) is \(entry.email)'s, not \(person.name)'s")
            }
            if delete != nil {
                try store.deleteCoaching(id: id)
                return Terminal.print("deleted coaching entry \(id) (\(person.name), \(entry.week))")
            }
            var builder = CoachEntryBuilder(options: self, store: store)
            builder.person = person
            let changed = try builder.changing(entry)
            try store.updateCoaching(changed)
            return Terminal.print("updated " + CoachText.summary(changed, seller: person))
        }
        var builder = CoachEntryBuilder(options: self, store: store)
        builder.person = person
        let entry = try builder.newEntry(for: person)
        if let note = try builder.periodNote(entry) { Terminal.note(note) }
        if entry.manager.isEmpty {
            Terminal.note("note: the roster names no manager for \(person.name); pass --by-manager to attribute it")
        }
        let stored = try store.recordCoaching(entry)
        Terminal.print("recorded " + CoachText.summary(stored, seller: person))
    }
}
