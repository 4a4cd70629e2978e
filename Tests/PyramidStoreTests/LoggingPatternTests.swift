import Foundation
import PyramidCore
import PyramidIngest
import Testing

@testable import PyramidStore

/// What a snapshot says about how each seller's week was logged: bursts in one minute, days entered later,
/// and runs of rejected calls.
struct LoggingPatternTests {
    @Test func burstsLateEntriesAndRejectionRunsAreCounted() throws {
        let week = try #require(ISOWeek("2026-W46"))  // Monday 9 to Sunday 15 November 2026
        // Given Ben's fortnight: four activities in one minute this week (three in one minute the week before),
        // two entered on Saturday the 14th and two on Sunday the 15th for earlier days, and outbound calls over
        // both weeks: rejected twice, connected, then rejected three times (an inbound and a planned rejection
        // between them do not count)
        let store = try Store.inMemory()
        var rows = "id,owner,kind,direction,outcome,timestamp,logged_at,status\n"
        func add(
            _ id: String, _ kind: String, _ direction: String, _ outcome: String, _ at: String,
            logged: String = "", status: String = "Completed"
        ) {
            rows += "\(id),ben@example.com,\(kind),\(direction),\(outcome),\(at),\(logged),\(status)\n"
        }
        for second in 0..<3 { add("prior-\(second)", "email", "outbound", "", "2026-11-03 10:15:\(10 + second)") }
        for second in 0..<4 { add("burst-\(second)", "email", "outbound", "", "2026-11-10 09:30:\(10 + second)") }
        add("late-1", "email", "outbound", "", "2026-11-09 11:00", logged: "2026-11-14 20:00")
        add("late-2", "email", "outbound", "", "2026-11-10 11:00", logged: "2026-11-14 20:05")
        add("late-3", "email", "outbound", "", "2026-11-11 11:00", logged: "2026-11-15 20:00")
        add("late-4", "email", "outbound", "", "2026-11-12 11:00", logged: "2026-11-15 20:05")
        add("same-day", "email", "outbound", "", "2026-11-12 12:00", logged: "2026-11-12 18:00")
        add("c1", "call", "outbound", "not interested", "2026-11-04 09:00")
        add("c2", "call", "outbound", "not interested", "2026-11-05 09:00")
        add("c3", "call", "outbound", "connected", "2026-11-10 10:00")
        add("c4", "call", "outbound", "not interested", "2026-11-10 10:30")
        add("c5", "call", "inbound", "connected", "2026-11-10 10:45")
        add("c6", "call", "outbound", "connected", "2026-11-10 10:50", status: "Not Started")
        add("c7", "call", "outbound", "not interested", "2026-11-11 09:00")
        add("c8", "call", "outbound", "not interested", "2026-11-12 09:00")
        add("c9", "call", "outbound", "no answer", "2026-11-12 09:30")
        // And Ada, with one activity
        rows += "a1,ada@example.com,email,outbound,,2026-11-10 09:00,,Completed\n"
        try importText(store, rows, options: ImportOptions(timeZone: try #require(TimeZone(identifier: "UTC"))))

        // When the week's snapshot is taken, for everyone and for Ben alone
        let all = try store.snapshot(week: week, config: WorkspaceConfig())
        let ben = try store.snapshot(week: week, config: WorkspaceConfig(), loggingOf: ["ben@example.com"])

        // Then Ben's patterns count this week's minute and days, and the calls of both weeks in order
        var expected = LoggingPattern()
        expected.mostInOneMinute = 4
        expected.mostLoggedLaterOnOneDay = 2
        let loggedLaterDay = try #require(LocalDate(iso: "2026-11-14"))
        expected.loggedLaterDay = loggedLaterDay
        expected.recentRejectionRun = 3
        // Seven outbound calls done over the fortnight, each with its outcome recorded
        expected.recentCalls = 7
        expected.recentCallsWithOutcome = 7
        #expect(all.logging["ben@example.com"] == expected)
        #expect(ben.logging == ["ben@example.com": expected])
        var ada = LoggingPattern()
        ada.mostInOneMinute = 1
        #expect(all.logging["ada@example.com"] == ada)
    }
}

extension LoggingPatternTests {
    @Test func aCallAnsweredByItsDurationEndsARunOfRejections() throws {
        // Given two rejections, a five-minute call whose outcome the export does not record, and two more
        let store = try Store.inMemory()
        let rows = """
            id,owner,kind,direction,outcome,timestamp,duration
            r1,ben@example.com,call,outbound,not interested,2026-11-10T09:00:00Z,30
            r2,ben@example.com,call,outbound,not interested,2026-11-10T09:10:00Z,25
            u1,ben@example.com,call,outbound,,2026-11-10T09:20:00Z,300
            r3,ben@example.com,call,outbound,not interested,2026-11-10T09:30:00Z,20
            r4,ben@example.com,call,outbound,not interested,2026-11-10T09:40:00Z,40

            """
        try importText(store, rows)
        // When the week is read
        let week = try #require(ISOWeek("2026-W46"))
        let ben = try store.snapshot(week: week, config: WorkspaceConfig()).logging["ben@example.com"]
        // Then the answered call broke the run: two in a row, not four
        #expect(ben?.recentRejectionRun == 2)
        #expect(ben?.recentCalls == 5)
        #expect(ben?.recentCallsWithOutcome == 4)
    }
}
