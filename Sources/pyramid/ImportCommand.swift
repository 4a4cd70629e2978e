import ArgumentParser
import Foundation
import PyramidCore
import PyramidIngest
import PyramidStore

extension ExportKind: ExpressibleByArgument {}
extension DateOrder: ExpressibleByArgument {}

/// `pyramid import FILE...`: reads CRM exports into the workspace.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import activity, deal, roster or time-off exports.",
        discussion: """
            What each file holds and which CRM wrote it are detected from its header. Each file is one \
            transaction: a file that cannot be read changes nothing. Rows that cannot be read are set aside \
            (see `pyramid quarantine`); importing the same export again adds nothing twice.

            Examples:
              pyramid import roster.csv time-off.csv
              pyramid import report1642777476321.csv --crm salesforce
              pyramid import calls.csv --mapping my-crm.yml --dry-run
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The CSV files to import.", completion: .file(extensions: ["csv", "txt", "tsv"]))
    var files: [String]

    @Option(name: .long, help: "Only consider this CRM's layouts (\(Dialects.crmNames.joined(separator: ", "))).")
    var crm: String?

    @Option(name: .customLong("as"), help: "What the files hold: activities, deals, roster or time-off.")
    var kind: ExportKind?

    @Option(name: .long, help: "A YAML file mapping fields to this export's columns (see README).")
    var mapping: String?

    @Option(name: .long, help: "How slashed dates read: auto, month-first or day-first.")
    var dateOrder: DateOrder?

    @Flag(name: .long, help: "Read and count everything, write nothing.")
    var dryRun = false

    @Option(name: .long, help: "text or json.")
    var format: ListFormat = .text

    @Flag(name: .long, help: "No progress on standard error.")
    var quiet = false

    func validate() throws {
        if let crm, !Dialects.crmNames.contains(crm.lowercased()) {
            throw ValidationError(
                "'\(crm)' is not a CRM Pyramid knows (known: \(Dialects.crmNames.joined(separator: ", ")))")
        }
        if files.isEmpty { throw ValidationError("name at least one file to import") }
    }

    func run() throws {
        let config = try workspace.loadConfig()
        var options = ImportOptions(
            crm: crm, kind: kind,
            dateOrder: dateOrder
                ?? DateOrder(rawValue: config.dateOrder).flatMap {
                    $0 == .auto ? nil : $0
                }, timeZone: TimeZone(identifier: config.timeZone) ?? .gmt, wonStages: config.wonStages,
            lostStages: config.lostStages,
            outcomeWords: config.outcomesFromWords ? OutcomeWords(adding: config.outcomeWords) : nil)
        if let mapping { options.mapping = try MappingFile.load(URL(fileURLWithPath: mapping)) }

        var failures: [String] = []
        var readers: [(path: String, reader: ExportReader)] = []
        for path in files {
            do {
                readers.append((path, try ExportReader(url: URL(fileURLWithPath: path), options: options)))
            } catch {
                failures.append("\(error)")
            }
        }
        // The roster first, so owners in the other files resolve as they are read.
        let order: [ExportKind] = [.roster, .timeOff, .deals, .activities]
        readers.sort {
            (order.firstIndex(of: $0.reader.dialect.holds) ?? 0) < (order.firstIndex(of: $1.reader.dialect.holds) ?? 0)
        }

        let store = try workspace.openStore()
        var summaries: [ImportSummary] = []
        let showProgress = !quiet && format == .text && Terminal.stderrIsTerminal
        for (path, reader) in readers {
            let started = Date()
            do {
                let summary = try store.importFile(
                    reader, path: path, dryRun: dryRun, tallyBasis: TallyBasis(config)
                ) {
                    progress in
                    guard showProgress else { return }
                    let seconds = max(Date().timeIntervalSince(started), 0.001)
                    let percent = progress.totalBytes > 0 ? 100 * progress.bytes / progress.totalBytes : 0
                    Terminal.progress(
                        "\(reader.fileName): \(progress.rows) rows (\(percent)%), \(Int(Double(progress.rows) / seconds)) rows/s"
                    )
                }
                if showProgress { Terminal.progress("") }
                summaries.append(summary)
                if format == .text {
                    Terminal.print(ImportText.summary(summary))
                    if dryRun, !reader.unusedColumns.isEmpty {
                        Terminal.print("  columns not used: " + reader.unusedColumns.joined(separator: ", "))
                    }
                }
            } catch {
                if showProgress { Terminal.progress("") }
                failures.append("\(error) (nothing from this file was imported)")
            }
        }
        if format == .json {
            Terminal.print(try Terminal.json(ImportReport(imports: summaries, failures: failures)))
        }
        for failure in failures { Terminal.note("error: \(failure)") }
        if !failures.isEmpty { throw ExitCode.failure }
    }
}

/// `pyramid import --format json`.
struct ImportReport: Encodable {
    var imports: [ImportSummary]
    var failures: [String]
}

/// The text an import prints.
enum ImportText {
    static func summary(_ s: ImportSummary) -> String {
        var lines = [
            "\(s.file): \(s.layout) (\(s.kind.rawValue), \(s.encoding), delimiter '\(s.delimiter)')"
                + (s.dryRun ? " — dry run, nothing written" : ""),
            "  \(s.rowsRead) rows read: \(s.added) added, \(s.updated) updated, \(s.unchanged) unchanged, "
                + "\(s.quarantined) quarantined",
        ]
        if s.footerLines > 0 { lines.append("  \(s.footerLines) footer lines skipped") }
        for note in s.notes { lines.append("  note: \(note)") }
        if s.outcomesFromWords > 0 {
            lines.append(
                "  \(s.outcomesFromWords) call outcomes read from words in subjects or notes (the export has none)")
        }
        if !s.unmatchedOwners.isEmpty {
            let shown = s.unmatchedOwners.prefix(10).joined(separator: ", ")
            let owners = s.unmatchedOwners.count == 1 ? "1 owner matches" : "\(s.unmatchedOwners.count) owners match"
            lines.append(
                "  \(owners) nobody on the roster: \(shown)"
                    + (s.unmatchedOwners.count > 10 ? ", …" : ""))
            lines.append("    add them to the roster (email, name or crm_id) and import it; their rows are kept")
        }
        if !s.problems.isEmpty {
            lines.append("  set aside:")
            for problem in s.problems.prefix(5) { lines.append("    \(problem.reason)") }
            if s.quarantined > 5 { lines.append("    … see them all with: pyramid quarantine") }
        }
        return lines.joined(separator: "\n")
    }
}
