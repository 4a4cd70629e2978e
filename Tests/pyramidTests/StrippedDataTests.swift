import Foundation
import PyramidCore
import PyramidDemo
import PyramidIngest
import PyramidStore
import Testing

/// A property that cannot be gamed: removing from an export what real exports lack never turns a verdict
/// around. The demo team is written with every field recorded, then again with one thing removed at a time;
/// each seller's pattern and each belief's verdict must stay what it was or become explicitly unknown
/// (`insufficient-data`, `inconclusive`), and "their way works" may only disappear.
@Suite(.serialized)
struct StrippedDataTests {
    static let week = ISOWeek("2026-W46") ?? ISOWeek(containing: LocalDate(daysSinceEpoch: 20_400))

    /// What one export leaves out.
    enum Strip: String, CaseIterable {
        case nothing
        case linkedinReplies = "LinkedIn replies"
        case emailReplies = "email replies"
        case callOutcomes = "call outcomes (durations kept)"
        case outcomesInSubject = "call outcomes moved into the subject"
        case contacts
        case durationsInMinutes = "durations rounded to minutes"
        case newestFirst = "nothing, rows newest first"
    }

    /// One seller's diagnosis as this property compares it.
    struct Judgement: Equatable, CustomStringConvertible {
        var pattern: Pattern
        var verdicts: [String: Verdict]
        var works: Bool

        var description: String { "\(pattern.rawValue) \(verdicts.sorted { $0.key < $1.key }) works: \(works)" }
    }

    static let personas = Persona.sampleTeam(week: week)

    /// The demo team's simulated activities and deals, once.
    static let simulated: (activities: [SampleActivity], deals: [SampleDeal]) = {
        var simulator = Simulator(personas: personas, reportWeek: week, weeks: 9, seed: 42)
        var activities: [SampleActivity] = []
        simulator.run { activities.append($0) }
        return (activities, simulator.deals)
    }()

    /// The generic activities export of the demo team with `strip` left out.
    static func activities(_ strip: Strip) -> String {
        var lines = ["id,owner,kind,direction,outcome,timestamp,duration,subject,contact,company"]
        let subjectWords: [Outcome: [String]] = [
            .connected: ["Outbound call – Connected", "Anruf: erreicht"], .voicemail: ["Left VM", "Anrufbeantworter"],
            .noAnswer: ["Call - no answer", "Appel – pas de réponse"], .busy: ["Busy", "Besetzt"],
            .wrongNumber: ["Wrong number", "Número equivocado"], .notInterested: ["Not interested", "Kein Interesse"],
        ]
        for a in simulated.activities {
            let persona = personas[a.seller]
            if strip == .linkedinReplies && a.kind == .linkedin && a.direction == .inbound { continue }
            if strip == .emailReplies && a.kind == .email && a.direction == .inbound { continue }
            var outcome = a.outcome.rawValue
            var subject = "\(a.kind.rawValue) with \(a.contact)"
            var duration = a.kind == .call || a.kind == .meeting ? "\(a.durationSeconds)" : ""
            switch strip {
            case .linkedinReplies where a.kind == .linkedin, .emailReplies where a.kind == .email,
                .callOutcomes where a.kind == .call:
                outcome = ""
            case .outcomesInSubject where a.kind == .call:
                let words = subjectWords[a.outcome] ?? ["Call"]
                subject = words[a.id % words.count]
                outcome = ""
            case .durationsInMinutes where !duration.isEmpty:
                duration = "\((a.durationSeconds + 30) / 60 * 60)"
            default:
                break
            }
            let contact = strip == .contacts ? "" : a.contact
            let time = "\(a.day)T\(clock(a.secondsOfDay))"
            lines.append(
                [
                    "a\(a.id)", persona.email, a.kind.rawValue, a.direction.rawValue, outcome, time, duration, subject,
                    contact, a.company,
                ].map(csv).joined(separator: ","))
        }
        if strip == .newestFirst { lines = [lines[0]] + lines.dropFirst().reversed() }
        return lines.joined(separator: "\n") + "\n"
    }

    static func clock(_ seconds: Int) -> String {
        let parts = [seconds / 3600, seconds / 60 % 60, seconds % 60]
        return parts.map { ($0 < 10 ? "0" : "") + "\($0)" }.joined(separator: ":")
    }

    static func csv(_ value: String) -> String {
        value.contains(",") || value.contains("\"") || value.contains("\n")
            ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }

    static var roster: String {
        (["email,name,team,manager,role,start_date,end_date"]
            + personas.map { p in
                [p.email, p.name, p.team, p.manager, p.role, p.startDate.description, p.endDate?.description ?? ""]
                    .map(csv).joined(separator: ",")
            }).joined(separator: "\n") + "\n"
    }

    static var timeOff: String {
        (["email,start,end"]
            + personas.filter(\.onLeaveInReportWeek).map {
                "\($0.email),\(week.monday),\(week.monday.adding(days: 4))"
            }).joined(separator: "\n") + "\n"
    }

    static var deals: String {
        (["id,owner,name,amount,status,close_date,created_date"]
            + simulated.deals.map { d in
                [
                    "d\(d.id)", personas[d.seller].email, d.name, Numbers.format(d.amount), d.status.rawValue,
                    d.closeDate.description, d.createdDate.description,
                ].map(csv).joined(separator: ",")
            }).joined(separator: "\n") + "\n"
    }

    /// Each seller's judgement of the report week, from a workspace holding the exports with `strip` left out.
    static func judgements(_ strip: Strip) throws -> [String: Judgement] {
        let store = try Store.inMemory()
        for (name, text) in [
            ("roster.csv", roster), ("time-off.csv", timeOff), ("deals.csv", deals),
            ("activities.csv", activities(strip)),
        ] {
            let reader = try ExportReader(name: name, size: Int64(text.utf8.count), options: ImportOptions()) {
                MemoryByteSource(text)
            }
            _ = try store.importFile(reader, path: name)
        }
        let diagnosis = try store.diagnose(week: week, config: WorkspaceConfig())
        var judgements: [String: Judgement] = [:]
        for seller in diagnosis.sellers {
            judgements[seller.seller.name] = Judgement(
                pattern: seller.pattern,
                verdicts: Dictionary(uniqueKeysWithValues: seller.beliefs.map { ($0.id, $0.verdict) }),
                works: seller.differentWayWorks)
        }
        return judgements
    }

    static let full = Result { try judgements(.nothing) }

    /// Each seller's judgement with every field and without `strip`, as a Markdown table.
    static func table(full: [String: Judgement], stripped: [String: Judgement], strip: Strip) -> String {
        func cell(_ j: Judgement?) -> String {
            guard let j else { return "–" }
            let verdicts = j.verdicts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.rawValue)" }
            return ([j.pattern.rawValue] + verdicts + (j.works ? ["their way works"] : [])).joined(separator: "; ")
        }
        var lines = ["", "Changed: \(strip.rawValue)", "", "| seller | every field | changed |", "|---|---|---|"]
        for seller in full.keys.sorted() {
            lines.append("| \(seller) | \(cell(full[seller])) | \(cell(stripped[seller])) |")
        }
        return lines.joined(separator: "\n")
    }

    @Test func withEveryFieldTheDemoShowsItsVerdicts() throws {
        let full = try Self.full.get()
        // The property below would hold vacuously on a team with no verdicts: this one has them.
        #expect(full["Priya Shah"]?.verdicts["social-beats-calls"] == .supported)
        #expect(full["Priya Shah"]?.works == true)
        #expect(full["Ben Carter"]?.verdicts["social-beats-calls"] == .contradicted)
        #expect(full["Noah Kim"]?.verdicts["email-beats-calls"] == .contradicted)
        let decisive = full.values.flatMap(\.verdicts.values).filter { $0 != .inconclusive }
        #expect(decisive.count >= 8)
    }

    @Test(arguments: Strip.allCases.filter { $0 != .nothing })
    func removingDataNeverTurnsAVerdictAround(strip: Strip) throws {
        let full = try Self.full.get()
        let stripped = try Self.judgements(strip)
        if ProcessInfo.processInfo.environment["PYRAMID_PRINT_STRIPPED"] == "1" {
            // For a person to read side by side: `PYRAMID_PRINT_STRIPPED=1 swift test --filter StrippedDataTests`.
            print(Self.table(full: full, stripped: stripped, strip: strip))
        }
        #expect(Set(stripped.keys) == Set(full.keys))
        for (seller, before) in full {
            let after = try #require(stripped[seller])
            if strip == .newestFirst {
                #expect(after == before, "\(seller), rows newest first")
                continue
            }
            #expect(
                after.pattern == before.pattern || after.pattern == .insufficientData,
                "\(seller) without \(strip.rawValue): \(before) -> \(after)")
            for (belief, verdict) in after.verdicts {
                let was = before.verdicts[belief]
                #expect(
                    verdict == was || verdict == .inconclusive,
                    "\(seller) without \(strip.rawValue): \(belief) \(was?.rawValue ?? "not judged") -> \(verdict)")
            }
            #expect(!after.works || before.works, "\(seller) without \(strip.rawValue): works only when stripped")
        }
    }
}
