import ArgumentParser
import Foundation
import PyramidCore
import PyramidDemo

/// `pyramid sample`: writes a generated team's exports at any scale, for benchmarks and trials.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write generated CRM exports (the demo's generator, at any scale) without importing them.",
        discussion: """
            Example: pyramid sample --sellers 500 --rows 1000000 --layout hubspot --out /tmp/bench
            With --rows, every seller makes calls only, over --weeks weeks (13 by default), until the file holds \
            that many activities; without it, the demo team's eight weeks. --order writes the rows as real \
            exports list them (newest first, grouped by owner, shuffled as a merge of several exports).
            """)

    @Option(name: .long, help: "Where to write the files.")
    var out: String

    @Option(name: .long, help: "How many sellers (with --rows).")
    var sellers = 500

    @Option(name: .long, help: "How many activities to write (calls only, over one quarter).")
    var rows: Int?

    @Option(name: .long, help: "How many weeks the --rows activities span, ending with --week.")
    var weeks = 13

    @Option(name: .long, help: "mixed (East on HubSpot, West on Salesforce), hubspot or salesforce.")
    var layout: SampleExports.Layout = .mixed

    @Option(name: .long, help: "The random seed.")
    var seed: UInt64 = 42

    @Option(name: .long, help: "The last week (default: the last complete week).")
    var week: ISOWeek?

    @Option(
        name: .long,
        help: "The order of each export's rows: oldest-first, newest-first, grouped (by owner, then date) or shuffled.")
    var order: RowOrder = .oldestFirst

    @Option(
        name: .long,
        help:
            "The number of the first activity's id (with --rows), e.g. past an earlier sample's for the next week's export."
    )
    var firstID = 1

    func validate() throws {
        if let rows, rows < 1 { throw ValidationError("--rows must be at least 1") }
        if weeks < 1 || weeks > 520 { throw ValidationError("--weeks must be from 1 to 520") }
        if sellers < 1 { throw ValidationError("--sellers must be at least 1") }
        // The generated coaching experiments' activities are numbered from 800,000,001 on.
        if firstID < 1 || firstID > 700_000_000 { throw ValidationError("--first-id must be from 1 to 700000000") }
    }

    func run() throws {
        let lastWeek = week ?? Weekly.lastCompleteWeek(today: Date(), timeZone: TimeZone(identifier: "UTC") ?? .gmt)
        var rng = SplitMix(seed: seed)
        let exports: SampleExports
        if let rows {
            let personas = Persona.generated(count: sellers, week: lastWeek, rng: &rng).map { persona in
                var caller = persona
                // A little over the exact share, so the file reaches `rows` before the quarter ends.
                caller.callsPerDay = [1.05 * Double(rows) / Double(sellers * weeks * 5)]
                caller.linkedinPerDay = 0
                caller.emailsPerDay = 0
                caller.meetingRate = 0
                caller.verboseNotes = true
                return caller
            }
            exports = SampleExports(
                personas: personas, week: lastWeek, weeks: weeks, seed: seed,
                layout: layout, limit: rows, firstID: firstID)
        } else {
            exports = SampleExports(
                personas: Persona.sampleTeam(week: lastWeek), week: lastWeek, seed: seed,
                layout: layout)
        }
        let written = try exports.write(to: URL(fileURLWithPath: out))
        for file in written.files where !["roster.csv", "time-off.csv"].contains(file.lastPathComponent) {
            try order.apply(to: file, seed: seed)
        }
        Terminal.print("wrote \(written.activities) activities and \(written.deals) deals to \(out)")
        for file in written.files { Terminal.print("  \(file.lastPathComponent)") }
    }
}

extension SampleExports.Layout: ExpressibleByArgument {}
extension RowOrder: ExpressibleByArgument {}
