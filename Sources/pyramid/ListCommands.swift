import ArgumentParser
import Foundation
import PyramidStore

/// `pyramid imports`: the import log.
struct ImportsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imports", abstract: "List what was imported, newest first.")

    @OptionGroup var workspace: WorkspaceOptions
    @Option(name: .long, help: "text or json.") var format: ListFormat = .text

    func run() throws {
        let imports = try workspace.openStore().imports()
        if format == .json { return Terminal.print(try Terminal.json(imports)) }
        if imports.isEmpty { return Terminal.print("nothing imported yet; try: pyramid import FILE...") }
        Terminal.print(
            Terminal.table(
                ["id", "when", "file", "layout", "read", "added", "updated", "unchanged", "quarantined"],
                imports.map {
                    [
                        "\($0.id)", $0.startedAt, $0.file, $0.dialect, "\($0.rowsRead)", "\($0.added)", "\($0.updated)",
                        "\($0.unchanged)", "\($0.quarantined)",
                    ]
                }))
    }
}

/// `pyramid quarantine`: rows that were set aside.
struct QuarantineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarantine", abstract: "List the rows set aside by imports, with why.")

    @OptionGroup var workspace: WorkspaceOptions
    @Option(name: .long, help: "text or json.") var format: ListFormat = .text

    func run() throws {
        let rows = try workspace.openStore().quarantine()
        if format == .json { return Terminal.print(try Terminal.json(rows)) }
        if rows.isEmpty { return Terminal.print("no rows set aside") }
        for row in rows {
            Terminal.print("\(row.file) \(row.reason)\n    \(row.raw.replacingOccurrences(of: "\n", with: "⏎"))")
        }
    }
}

/// `pyramid sellers`: who is known.
struct SellersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sellers", abstract: "List the sellers the workspace knows, and owners nobody matches.")

    @OptionGroup var workspace: WorkspaceOptions
    @Option(name: .long, help: "text or json.") var format: ListFormat = .text

    struct Listing: Encodable {
        var sellers: [SellerListing]
        var unmatchedOwners: [Unmatched]
    }

    struct Unmatched: Encodable {
        var owner: String
        var rows: Int
    }

    func run() throws {
        let store = try workspace.openStore()
        let sellers = try store.sellerListings()
        let unmatched = try store.unmatchedOwners().map { Unmatched(owner: $0.name, rows: $0.rows) }
        if format == .json {
            return Terminal.print(try Terminal.json(Listing(sellers: sellers, unmatchedOwners: unmatched)))
        }
        if sellers.isEmpty && unmatched.isEmpty { return Terminal.print("no sellers yet; import a roster or exports") }
        Terminal.print(
            Terminal.table(
                ["email", "name", "team", "role", "start", "left", "activities"],
                sellers.map {
                    [
                        $0.seller.email, $0.seller.name, $0.seller.team, $0.seller.role,
                        $0.seller.startDate?.description ?? "",
                        $0.seller.endDate?.description ?? ($0.seller.active ? "" : "inactive"),
                        "\($0.activities)",
                    ]
                }))
        if !unmatched.isEmpty {
            Terminal.print(
                "\nowners that match nobody on the roster (add them to the roster by name, email or crm_id):")
            for owner in unmatched { Terminal.print("  \(owner.owner) (\(owner.rows) rows)") }
        }
    }
}
