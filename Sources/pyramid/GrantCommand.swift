import ArgumentParser
import PyramidStore

/// `pyramid grant`: which database role reads which teams of a PostgreSQL workspace.
struct GrantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant",
        abstract: "Let a database role read one manager's teams of a PostgreSQL workspace (or everything).",
        discussion: """
            A PostgreSQL workspace shows each role only what it was granted, through row-level security: a \
            manager's role reads the sellers whose roster manager is MANAGER (a name or email, as the roster's \
            manager column has it) and their activities, deals, time off and coaching log, and records one-to-ones \
            for them; a sales-ops role (--ops) reads and imports everything. Run it as the workspace's owner; \
            create the role first (CREATE ROLE dana LOGIN PASSWORD '…').

            Examples:
              pyramid grant "Dana Reyes" --role dana --db postgres://owner@db.example.com/sales
              pyramid grant --ops --role salesops
              pyramid grant --revoke --role dana
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The manager, as the roster names them (not with --ops or --revoke).")
    var manager: String?

    @Option(name: .long, help: "The database role to grant to.")
    var role: String

    @Flag(name: .long, help: "Let the role read and import everything (sales ops).")
    var ops = false

    @Flag(name: .long, help: "Take back everything granted to the role.")
    var revoke = false

    func validate() throws {
        if ops && revoke { throw ValidationError("--ops and --revoke do not go together") }
        if (ops || revoke) && manager != nil {
            throw ValidationError("a manager goes without --ops or --revoke")
        }
        if !ops && !revoke && manager == nil {
            throw ValidationError("name the manager whose teams the role reads, or pass --ops or --revoke")
        }
    }

    func run() throws {
        guard let grants = try workspace.openStore() as? any RoleGrants else {
            throw ValidationError(
                "\(workspace.displayLocation) is a SQLite workspace: whoever can read its file reads all of it; roles are for "
                    + "a PostgreSQL workspace (--db postgres://…)")
        }
        if revoke {
            try grants.revoke(role: role)
            return Terminal.print("\(role) no longer reads this workspace")
        }
        try grants.grant(role: role, manager: ops ? nil : manager)
        Terminal.print(
            ops
                ? "\(role) reads and imports everything"
                : "\(role) reads the sellers \(manager ?? "") manages, and records their one-to-ones")
    }
}
