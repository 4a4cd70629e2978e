import Logging
import PostgresNIO
import PyramidStore

extension PostgresStore: RoleGrants {
    /// Lets the database role `role` read the sellers the roster gives `manager` (a name or email, as the roster's
    /// manager column has it) and their activities, deals, time off and coaching log, and write that coaching log;
    /// or, when `manager` is nil, read and import everything (sales ops). Grants add up: a director's role may be
    /// given several managers. Run by the workspace's owner (the role that created its tables).
    ///
    /// - Throws: `PostgresStoreError.unknownRole` when no such role exists.
    public func grant(role: String, manager: String?) throws {
        let logger = self.logger
        try transaction { connection in
            let exists = try await connection.query(
                "SELECT 1 FROM pg_roles WHERE rolname = \(role)", logger: logger
            ).collect()
            guard !exists.isEmpty else { throw PostgresStoreError.unknownRole(role) }
            try await connection.query(
                """
                INSERT INTO pyramid_grant (role, manager, ops) VALUES (\(role), \(manager ?? ""), \(manager == nil))
                ON CONFLICT (role, manager) DO NOTHING
                """, logger: logger)
            let name = PostgresAdmin.quoted(role)
            let script =
                manager == nil
                ? """
                GRANT SELECT, INSERT, UPDATE, DELETE ON \(Self.tables.joined(separator: ", ")) TO \(name);
                GRANT SELECT ON pyramid_migration TO \(name);
                GRANT USAGE, SELECT ON SEQUENCE \(Self.sequences.joined(separator: ", ")) TO \(name);
                """
                : """
                GRANT SELECT ON \(Self.tables.joined(separator: ", ")), pyramid_migration TO \(name);
                GRANT INSERT, UPDATE, DELETE ON coaching_entry, coaching_agreement TO \(name);
                GRANT USAGE, SELECT ON SEQUENCE coaching_entry_id_seq TO \(name);
                """
            try await connection.execute(script: script, logger: logger)
        }
    }

    /// Takes back everything `grant` gave `role`.
    public func revoke(role: String) throws {
        let logger = self.logger
        try transaction { connection in
            try await connection.query("DELETE FROM pyramid_grant WHERE role = \(role)", logger: logger)
            let exists = try await connection.query(
                "SELECT 1 FROM pg_roles WHERE rolname = \(role)", logger: logger
            ).collect()
            guard !exists.isEmpty else { return }
            let name = PostgresAdmin.quoted(role)
            try await connection.execute(
                script: """
                    REVOKE ALL ON \(Self.tables.joined(separator: ", ")), pyramid_migration FROM \(name);
                    REVOKE ALL ON SEQUENCE \(Self.sequences.joined(separator: ", ")) FROM \(name);
                    """, logger: logger)
        }
    }

    /// The workspace's tables that `grant` opens, each bound by its row-level policy (but `tally_basis`, which holds
    /// two thresholds).
    static let tables = [
        "seller", "owner", "activity", "deal", "time_off", "quarantine", "import_run", "coaching_entry",
        "coaching_agreement", "activity_tally", "tally_basis",
    ]
    static let sequences = ["deal_id_seq", "time_off_id_seq", "quarantine_id_seq", "coaching_entry_id_seq"]
}
