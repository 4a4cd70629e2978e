import ArgumentParser
import Foundation
import PyramidCore
import PyramidStore
import Testing

@testable import pyramid

/// `pyramid coach`: what it parses, what it refuses and why, and what it records.
struct CoachCommandTests {
    func parse(_ arguments: [String]) throws -> CoachCommand {
        try #require(try Pyramid.parseAsRoot(["coach"] + arguments) as? CoachCommand)
    }

    @Test func parsesAOneToOneWithItsExperimentAndMeasure() throws {
        let command = try parse([
            "Ben Carter", "--week", "2026-W46", "--note", "Good talk", "--agree", "Call blocks", "--agree",
            "Log calls daily", "--experiment", "Phone-first", "--belief", "social-beats-calls", "--measure",
            "outbound-calls", "--per", "day", "--target", "12", "--on", "tue/thu", "--by", "2026-W48", "--by-manager",
            "dana@example.com",
        ])
        #expect(command.seller == "Ben Carter")
        #expect(command.week?.description == "2026-W46")
        #expect(command.agree == ["Call blocks", "Log calls daily"])
        #expect(command.experiment == "Phone-first")
        #expect(command.belief == "social-beats-calls")
        #expect(command.measureMetric == .outboundCalls)
        #expect(command.per == .day)
        #expect(command.target == 12)
        #expect(command.on == "tue/thu")
        #expect(command.lastWeek?.description == "2026-W48")
        #expect(command.byManager == "dana@example.com")
    }

    @Test func parsesTheShortPaths() throws {
        #expect(try parse(["ben@example.com", "--accept", "1"]).accept == 1)
        #expect(try parse(["ben@example.com", "--list", "--format", "json"]).list)
        #expect(try parse(["ben@example.com", "--edit", "3", "--target", "10"]).edit == 3)
        #expect(try parse(["ben@example.com", "--delete", "3"]).delete == 3)
    }

    @Test(arguments: [
        (["ben"], "nothing to record"),
        (["ben", "--list", "--note", "x"], "--list and --delete take no recording options"),
        (["ben", "--edit", "1", "--delete", "1"], "give one of --list, --edit ID and --delete ID"),
        (["ben", "--experiment", "x", "--accept", "1"], "give one of them"),
        (["ben", "--accept", "0"], "--accept takes the experience's number"),
        (["ben", "--note", "x", "--target", "8"], "describe an experiment"),
        (["ben", "--experiment", "x", "--belief", "phones-are-dead"], "'phones-are-dead' is not a belief"),
        (
            ["ben", "--experiment", "x", "--measure", "linkedin", "--target", "5", "--on", "someday"],
            "'someday' is not a weekday"
        ),
        (["ben", "--experiment", "x", "--measure", "won-amount", "--target", "5"], "is a result, not an action"),
        (
            ["ben", "--experiment", "x", "--measure", "linkedin", "--per", "quarter", "--target", "5"],
            "per day or per week"
        ),
        (["ben", "--experiment", "x", "--measure", "calls", "--target", "5"], "'calls'"),
        (["ben", "--note", "x", "--week", "2026-W54"], "2026 has weeks 1 to 53"),
    ])
    func badArgumentsSayWhatToDo(arguments: [String], message: String) {
        do {
            _ = try Pyramid.parseAsRoot(["coach"] + arguments)
            Issue.record("\(arguments) parsed")
        } catch {
            #expect(Pyramid.exitCode(for: error) == .validationFailure)
            #expect(Pyramid.message(for: error).contains(message), "\(Pyramid.message(for: error))")
        }
    }

    /// A workspace with the generic roster (Ben Carter managed by maria@example.com) and activities.
    func workspace() throws -> (folder: URL, db: String) {
        let folder = try scratchFolder()
        let db = folder.appendingPathComponent("w.sqlite").path
        var command = try Pyramid.parseAsRoot([
            "import", "--db", db, "--quiet", fixture("generic/roster.csv"), fixture("generic/activities.csv"),
        ])
        try command.run()
        return (folder, db)
    }

    func run(_ arguments: [String], db: String) throws {
        var command = try Pyramid.parseAsRoot(["coach"] + arguments + ["--db", db])
        try command.run()
    }

    @Test func aMeasureWithoutPerTakesTheStandardsPeriod() throws {
        let (folder, db) = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        // When an experiment's measure on outbound calls is recorded without --per
        try run(
            [
                "Ben Carter", "--week", "2026-W46", "--experiment", "Call blocks", "--measure", "outbound-calls",
                "--target", "12",
            ], db: db)
        // Then it is per day, as the default standard of 20 outbound calls a day is
        let log = try Store(url: URL(fileURLWithPath: db)).coachingLog(email: "ben@example.com")
        #expect(log.first?.experiment?.measure?.description == "outbound-calls per day >= 12")
        // And the builder says so
        let command = try #require(
            try Pyramid.parseAsRoot([
                "coach", "Ben Carter", "--experiment", "X", "--measure", "outbound-calls", "--target", "12", "--db", db,
            ]) as? CoachCommand)
        var builder = CoachEntryBuilder(options: command, store: try Store(url: URL(fileURLWithPath: db)))
        let ben = try #require(try Store(url: URL(fileURLWithPath: db)).sellers().first { $0.name == "Ben Carter" })
        builder.person = ben
        let entry = try builder.newEntry(for: ben)
        #expect(
            try builder.periodNote(entry)
                == "note: no --per given: the measure is per day, as the team's outbound-calls standard is")
    }

    @Test func recordsEditsListsAndDeletes() throws {
        let (folder, db) = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        // When a one-to-one is recorded for Ben by name
        try run(
            [
                "Ben Carter", "--week", "2026-W46", "--agree", "Call blocks", "--experiment", "Phone-first",
                "--measure", "connected-calls", "--target", "8",
            ], db: db)
        let store = try Store(url: URL(fileURLWithPath: db))
        var log = try store.coachingLog(email: "ben@example.com")
        // Then it is attributed to his manager on the roster, and runs two weeks by default
        let entry = try #require(log.first)
        #expect(entry.manager == "maria@example.com")
        #expect(entry.agreements == ["Call blocks"])
        #expect(entry.experiment?.lastWeek.description == "2026-W48")
        #expect(entry.experiment?.measure?.description == "connected-calls per week >= 8")
        // When the target and days are corrected
        try run(["ben@example.com", "--edit", "\(entry.id)", "--target", "6", "--on", "tue/thu"], db: db)
        log = try store.coachingLog(email: "ben@example.com")
        #expect(log.first?.experiment?.measure?.description == "connected-calls per week >= 6 on tue/thu")
        #expect(log.first?.agreements == ["Call blocks"])
        try run(["ben@example.com", "--list", "--format", "json"], db: db)
        // And the list names him and the corrected measure
        let ben = try #require(try store.sellers().first { $0.email == "ben@example.com" })
        let listed = try CoachText.list(log, seller: ben, format: .json)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [String: Any])
        #expect((json["seller"] as? [String: Any])?["email"] as? String == "ben@example.com")
        let entries = try #require(json["entries"] as? [[String: Any]])
        let measure = (entries.first?["experiment"] as? [String: Any])?["measure"] as? [String: Any]
        #expect(measure?["target"] as? Double == 6)
        #expect(try CoachText.list(log, seller: ben, format: .text).contains("on tue/thu"))
        // Another seller's entry cannot be changed through Ben
        let refused = #expect(throws: ValidationError.self) {
            try run(["Ana Lima", "--delete", "\(entry.id)"], db: db)
        }
        #expect(refused?.message.contains("is ben@example.com's") == true)
        // When it is deleted
        try run(["ben@example.com", "--delete", "\(entry.id)"], db: db)
        #expect(try store.coachingLog().isEmpty)
        do {
            try run(["ben@example.com", "--delete", "\(entry.id)"], db: db)
            Issue.record("deleted an entry twice")
        } catch {
            #expect(Pyramid.exitCode(for: error) == .validationFailure)
            #expect(Pyramid.message(for: error) == StoreError.unknownCoachingEntry(entry.id).description)
        }
    }

    @Test func acceptTakesTheAgendasSuggestedExperience() throws {
        let (folder, db) = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        // When the manager accepts the agenda's first experience, with their own days
        try run(
            ["ben@example.com", "--week", "2026-W46", "--accept", "1", "--on", "tue/thu", "--by-manager", "sam"], db: db
        )
        let entry = try #require(try Store(url: URL(fileURLWithPath: db)).coachingLog().first)
        // Then the experiment is the agenda's text with its suggested measure, on the days given
        #expect(entry.experiment?.name.hasPrefix("Block two 45-minute call sessions this week") == true)
        #expect(entry.experiment?.measure?.description == "outbound-calls per day >= 11 on tue/thu")
        #expect(entry.manager == "sam")
        // And an experience the agenda does not have is refused with what it has
        do {
            try run(["ben@example.com", "--week", "2026-W46", "--accept", "2"], db: db)
            Issue.record("accepted a second experience")
        } catch {
            #expect(
                Pyramid.message(for: error)
                    == "the agenda of Ben Carter for 2026-W46 suggests 1 experience; --accept takes 1 to 1")
        }
    }

    @Test func aSellerNobodyKnowsIsABadArgument() throws {
        let (folder, db) = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try run(["Nobody Here", "--note", "x"], db: db)
            Issue.record("coached nobody")
        } catch {
            #expect(Pyramid.exitCode(for: error) == .validationFailure)
            #expect(Pyramid.message(for: error).contains("'Nobody Here' is not a seller on the roster"))
        }
    }
}
