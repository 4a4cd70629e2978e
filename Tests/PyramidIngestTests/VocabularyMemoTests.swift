import Foundation
import PyramidCore
import Testing

@testable import PyramidIngest

/// The normalizer remembers what each vocabulary text means, the first eight by their bytes and more by text:
/// a row must read the same among many different texts as it does alone.
struct VocabularyMemoTests {
    private static let header = "owner,kind,direction,status,outcome,timestamp\n"

    @Test func eachRowReadsAsItDoesAlone() throws {
        // Given twelve rows, each with its own kind, direction, status and outcome text, read twice over
        let rows = [
            "call,Outbound,Completed,Connected", "Call,INBOUND,completed,no answer", "CALL,incoming,Done,Voicemail",
            "email,outgoing,Sent,replied", "E-mail,Inbound call,Planned,bounced", "Email,out,Canceled,Busy",
            "meeting,OUTBOUND,Scheduled,No show", "Meeting,inbound,Held,completed", "LinkedIn,Outbound,Done,Accepted",
            "linked_in,in,Deferred,", "Task,,Open,Wrong number", "Réunion,Entrant,Terminé,Gatekeeper",
        ].enumerated().map { index, cells in
            "ben@example.com,\(cells),2026-11-\(10 + index) 09:00\n"
        }
        let together = try read(Self.header + (rows + rows).joined())
        // When each row is also read on its own
        let alone = try rows.map { try #require(try read(Self.header + $0).first) }
        // Then every row reads the same both ways
        #expect(together.count == 24)
        #expect(Array(together.prefix(12)) == alone)
        #expect(Array(together.suffix(12)) == alone)
        #expect(Set(alone.map(\.kind)).count > 3)
        #expect(Set(alone.map(\.outcome)).count > 5)
    }

    @Test func anOutcomeIsRememberedWithItsStatus() throws {
        // Given meetings whose outcome is blank or the same text, told apart only by a status of the same length
        let rows = [
            "meeting,outbound,Completed,", "meeting,outbound,Scheduled,", "meeting,outbound,Completed,",
            "call,outbound,Completed,Busy", "call,outbound,Cancelled,Busy", "call,outbound,Completed,Busy",
        ].enumerated().map { index, cells in "ben@example.com,\(cells),2026-11-\(10 + index) 09:00\n" }
        // When they are read together and each alone
        let together = try read(Self.header + rows.joined())
        let alone = try rows.map { try #require(try read(Self.header + $0).first) }
        // Then each reads the same both ways, and the status made a difference
        #expect(together == alone)
        #expect(alone[0].outcome != alone[1].outcome)
        #expect(alone[3].done != alone[4].done)
    }

    private func read(_ text: String) throws -> [Activity] {
        let reader = try ExportReader(name: "activities.csv", size: Int64(text.utf8.count), options: ImportOptions()) {
            MemoryByteSource(text)
        }
        var activities: [Activity] = []
        while let row = try reader.next() {
            guard case .record(.activity(let activity), _) = row else {
                Issue.record("not an activity: \(row)")
                continue
            }
            activities.append(activity)
        }
        return activities
    }
}
