import Foundation
import PostgresNIO
import PyramidCore
import Testing

@testable import PyramidPostgres
@testable import PyramidStore

/// A manager's database role reads their own teams only, through Pyramid and through plain SQL; a sales-ops role
/// reads and imports everything (row-level security, set up with `grant`).
@Suite(.serialized, .enabled(if: TestPostgres.server != nil, TestPostgres.skipped))
struct PostgresRoleTests {
    /// Runs `sql` as the store's role and returns the first column of each row, as text.
    func column(_ store: PostgresStore, _ sql: String) throws -> [String] {
        let logger = store.logger
        return try store.run { connection in
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).collect().map {
                try $0.decode(String.self)
            }
        }
    }

    @Test func aManagersRoleReadsTheirTeamsOnlyAndSalesOpsEverything() throws {
        // Roles belong to the server, not to the test's database: made before it, dropped after it.
        let server = try PostgresLocation(try #require(TestPostgres.server))
        let suffix = UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        let (maria, ops) = ("pyramid_maria_\(suffix)", "pyramid_ops_\(suffix)")
        for role in [maria, ops] { try PostgresAdmin.execute(#"CREATE ROLE "\#(role)" LOGIN"#, on: server) }
        defer { for role in [maria, ops] { try? PostgresAdmin.execute(#"DROP ROLE "\#(role)""#, on: server) } }
        try TestPostgres.withDatabase { location in
            let owner = try PostgresStore(location: location)
            for name in ["roster", "time-off", "deals", "activities"] {
                try importFile(owner, fixture("generic/\(name).csv"))
            }
            try importText(
                owner,
                "id,owner,name,amount,currency,stage,status,close_date,created_date\n"
                    + "d9,jose@example.com,Initech renewal,9000,EUR,Closed Won,won,2026-11-10,2026-10-01\n",
                name: "west-deals.csv")
            let week = try #require(ISOWeek("2026-W46"))
            for email in ["ben@example.com", "jose@example.com"] {
                try owner.recordCoaching(CoachingEntry(email: email, week: week, note: "1:1", agreements: ["call"]))
            }
            try owner.grant(role: maria, manager: "MARIA@example.com")
            try owner.grant(role: ops, manager: nil)
            var asMaria = location
            asMaria.user = maria
            let manager = try PostgresStore(location: asMaria)

            // Through Pyramid: Maria's two sellers, their rows, their coaching log, no import log or quarantine.
            let east = ["ana@example.com", "ben@example.com"]
            #expect(try manager.sellers().map(\.email).sorted() == east)
            let snapshot = try manager.snapshot(week: week, config: WorkspaceConfig())
            #expect(!snapshot.tallies.isEmpty)
            #expect(Set(snapshot.tallies.map(\.email)).isSubset(of: east))
            #expect(Set(snapshot.deals.map(\.email)).isSubset(of: east))
            #expect(try manager.coachingLog().map(\.email) == ["ben@example.com"])
            #expect(try manager.imports().isEmpty)
            #expect(try manager.quarantine().isEmpty)
            #expect(try manager.unmatchedOwners().isEmpty)

            // Through plain SQL, whatever the query.
            #expect(try Set(column(manager, "SELECT email FROM seller")) == Set(east))
            #expect(
                try Set(
                    column(manager, "SELECT DISTINCT o.seller_email FROM activity a JOIN owner o ON o.id = a.owner_id"))
                    == Set(east))
            #expect(
                try column(manager, "SELECT count(*)::text FROM activity WHERE owner_id NOT IN (SELECT id FROM owner)")
                    == ["0"])
            #expect(try column(manager, "SELECT count(*)::text FROM deal") == ["2"])
            #expect(try column(manager, "SELECT seller_email FROM coaching_entry") == ["ben@example.com"])
            #expect(try column(manager, "SELECT count(*)::text FROM coaching_agreement") == ["1"])
            #expect(try column(manager, "SELECT count(*)::text FROM quarantine") == ["0"])
            #expect(try column(owner, "SELECT count(*)::text FROM deal") == ["3"])

            // Maria records her sellers' one-to-ones, not another team's; she cannot import.
            try manager.recordCoaching(CoachingEntry(email: "ana@example.com", week: week, note: "1:1"))
            #expect(throws: (any Error).self) {
                try manager.recordCoaching(CoachingEntry(email: "jose@example.com", week: week, note: "1:1"))
            }
            #expect(throws: (any Error).self) { try importFile(manager, fixture("generic/activities.csv")) }

            // Sales ops reads and imports everything.
            var asOps = location
            asOps.user = ops
            let salesOps = try PostgresStore(location: asOps)
            #expect(try salesOps.sellers().count == 4)
            #expect(try importFile(salesOps, fixture("generic/deals.csv")).unchanged == 2)
            #expect(try salesOps.imports().count == 6)
            #expect(try salesOps.coachingLog().count == 3)

            // Revoked, Maria reads nothing.
            try owner.revoke(role: maria)
            #expect(throws: (any Error).self) { try column(manager, "SELECT email FROM seller") }
        }
    }

    @Test func salesOpsMakesTheFirstImportOfAnEmptyWorkspace() throws {
        // The owner's first import sets the indexes aside; another role's cannot, and keeps them.
        let server = try PostgresLocation(try #require(TestPostgres.server))
        let ops = "pyramid_ops_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        try PostgresAdmin.execute(#"CREATE ROLE "\#(ops)" LOGIN"#, on: server)
        defer { try? PostgresAdmin.execute(#"DROP ROLE "\#(ops)""#, on: server) }
        try TestPostgres.withDatabase { location in
            try PostgresStore(location: location).grant(role: ops, manager: nil)
            var asOps = location
            asOps.user = ops
            let salesOps = try PostgresStore(location: asOps)
            try importFile(salesOps, fixture("generic/roster.csv"))
            #expect(try importFile(salesOps, fixture("generic/activities.csv")).added == 7)
            #expect(try importFile(salesOps, fixture("generic/activities.csv")).unchanged == 7)
        }
    }

    @Test func aGrantNamesARoleThatExists() throws {
        try TestPostgres.withDatabase { location in
            let owner = try PostgresStore(location: location)
            #expect(throws: PostgresStoreError.unknownRole("nobody_here")) {
                try owner.grant(role: "nobody_here", manager: "maria@example.com")
            }
        }
    }
}
