import Foundation
import GRDB
import PyramidCore
import PyramidIngest
import Testing

@testable import PyramidStore

/// What an export does not record reaches the model counted, never as zero: calls without an outcome, without
/// a duration, without a contact, and outcomes read from words, the same from the kept tallies as from the
/// activities.
struct CoverageTallyTests {
    let week = ISOWeek("2026-W46") ?? ISOWeek(containing: LocalDate(daysSinceEpoch: 20_400))
    static let roster = """
        email,name,team,manager,role,start_date
        lukas@example.com,Lukas Novak,East,,SDR,2024-01-08
        emma@example.com,Emma Laurent,East,,SDR,2024-01-08

        """

    func weekOf(_ email: String, _ snapshot: TeamSnapshot) -> DayTally {
        snapshot.tallies.filter { $0.email == email }.reduce(into: DayTally(email: email, day: week.monday)) {
            $0.add($1)
        }
    }

    @Test func aPipedriveDialerExportIsCountedWithWhatItDoesNotRecord() throws {
        // Given the roster and a Pipedrive export whose outcomes are in subjects and notes, newest first
        let store = try Store.inMemory()
        try importText(store, Self.roster, name: "roster.csv")
        var options = ImportOptions(timeZone: TimeZone(identifier: "Europe/Berlin") ?? .gmt)
        options.outcomeWords = OutcomeWords()
        let summary = try importFile(store, fixture("pipedrive/activities-dialer-2026-11-16.csv"), options: options)
        #expect(summary.outcomesFromWords == 7)
        // When the week is read from the tallies the import kept, and by counting the activities
        let kept = try store.snapshot(week: week, config: WorkspaceConfig())
        try store.writer.write { db in try db.execute(sql: "DELETE FROM tally_basis") }
        let counted = try store.snapshot(week: week, config: WorkspaceConfig())
        // Then both say the same
        #expect(Set(kept.tallies) == Set(counted.tallies))
        // Lukas: four outcomes from words, a 15-minute call without one answered by its duration
        let lukas = weekOf("lukas@example.com", kept)
        #expect(lukas.outboundCalls == 5)
        #expect(lukas.callsOutcomeFromWords == 4)
        #expect(lukas.callsAnsweredByDuration == 1)
        #expect(lukas.callConversations == 2)
        #expect(lukas.connectedCalls == 2)
        #expect(lukas.callsUnobserved == 0)
        #expect(lukas.callsTimed == 2)
        #expect(lukas.callsWithContact == 5)
        // Emma: three from words (one from a note), and a call with neither outcome nor duration: unknown
        let emma = weekOf("emma@example.com", kept)
        #expect(emma.outboundCalls == 4)
        #expect(emma.callsOutcomeFromWords == 3)
        #expect(emma.callsOutcomeUnknown == 1)
        #expect(emma.callsUnobserved == 1)
        #expect(emma.callConversations == 0)
        #expect(emma.callsTimed == 0)
    }

    @Test func touchesWithoutARecordedReplyAreUnobserved() throws {
        // Given LinkedIn touches without outcomes (a task export), one with a contact, and an email marked sent
        let store = try Store.inMemory()
        let text = """
            id,owner,kind,direction,outcome,timestamp,duration,contact
            l1,ben@example.com,linkedin,outbound,,2026-11-09T09:00:00Z,,Ivy Chen
            l2,ben@example.com,linkedin,outbound,,2026-11-09T09:05:00Z,,
            e1,ben@example.com,email,outbound,sent,2026-11-10T10:00:00Z,,Ada Ng

            """
        try importText(store, text, name: "touches.csv")
        let ben = weekOf("ben@example.com", try store.snapshot(week: week, config: WorkspaceConfig()))
        #expect(ben.linkedinTouches == 2)
        #expect(ben.linkedinUnobserved == 2)
        #expect(ben.linkedinWithContact == 1)
        #expect(ben.outboundEmails == 1)
        #expect(ben.emailsUnobserved == 0)
        #expect(ben.emailsWithContact == 1)
    }
}
