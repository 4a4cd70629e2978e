import Foundation
import PyramidCore
import Testing

@testable import PyramidIngest

/// More of each CRM's real export paths: Close's export_call_data.py and /activity/ exports, Dynamics 365's
/// Tasks and combined Activities views, and LinkedIn touches wherever teams log them.
struct MoreExportPathTests {
    @Test func closeCallDataScript() throws {
        let export = try readFixture("close/Acme Rockets Calls.csv")
        #expect(export.dialectID == "close-call-data")
        #expect(export.problems == [])
        #expect(export.kinds == [.call, .call, .call])
        #expect(export.activities.map(\.direction) == [.outbound, .outbound, .inbound])
        #expect(export.activities.map(\.durationSeconds) == [240, 0, 95])
        // No disposition: outcomes are unknown, and durations tell (240 s was answered, 0 s was not)
        #expect(export.outcomes == [.unknown, .unknown, .unknown])
        #expect(export.activities.map(\.owner) == ["Olivia Chen", "Olivia Chen", "Marcus Reed"])
        #expect(export.activities[0].key == "close:acti_11Kp7XnE4vQ2mB9sL0rT6yU1wZ")
        #expect(export.activities[0].occurredAt == 1_794_323_045)
    }

    @Test func closeActivitiesOfEveryType() throws {
        let export = try readFixture("close/close-activities-2026-11-16.csv")
        #expect(export.dialectID == "close-activities")
        #expect(export.problems == [])
        #expect(export.kinds == [.call, .email, .email, .meeting, .linkedin, .other, .other])
        #expect(export.outcomes == [.connected, .sent, .replied, .held, .unknown, .unknown, .unknown])
        #expect(export.activities.map(\.direction).prefix(3) == [.outbound, .outbound, .inbound])
        #expect(export.activities[0].durationSeconds == 310)
        #expect(export.activities[4].contact == "Sam Sage")
    }

    @Test func dynamicsTasksWithLinkedInByCategoryOrSubject() throws {
        let export = try readFixture("dynamics/My Tasks 11-16-2026 9-18-02 AM.csv")
        #expect(export.dialectID == "dynamics-tasks")
        #expect(export.problems == [])
        #expect(export.kinds == [.linkedin, .linkedin, .other])
        #expect(export.activities.map(\.done) == [true, true, false])
        #expect(export.outcomes == [.unknown, .unknown, .unknown])
    }

    @Test func dynamicsCombinedActivitiesView() throws {
        let export = try readFixture("dynamics/All Activities 11-16-2026 9-19-40 AM.csv")
        #expect(export.dialectID == "dynamics-activities")
        #expect(export.problems == [])
        #expect(export.kinds == [.call, .email, .meeting, .linkedin, .linkedin])
        #expect(export.outcomes == [.unknown, .sent, .held, .unknown, .unknown])
        #expect(export.activities.map(\.durationSeconds) == [720, nil, 3600, nil, nil])
        #expect(export.activities[0].direction == .outbound)
        #expect(export.activities[0].key == "dynamics:3f2c9a1e-5b7d-4e21-9c3a-1d2e3f405071")
    }
}
