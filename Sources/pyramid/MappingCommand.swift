import ArgumentParser
import Foundation
import PyramidCore
import PyramidIngest

/// `pyramid mapping FILE`: a commented mapping file drafted from an export's header and first rows.
struct MappingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mapping",
        abstract: "Draft a mapping file for an export: the closest layout, each field's column and why.",
        discussion: """
            Reads the header and the first rows of FILE and writes a commented mapping: the closest known layout,
            each canonical field with the column chosen and why (its name, or its values), the fields not found,
            the date order and delimiter seen. Unedited, it imports FILE; edit it for anything else.

            Examples:
              pyramid mapping team-log.csv --output team-log.yml
              pyramid import --mapping team-log.yml team-log.csv
            """)

    @Argument(help: "The CSV export.", completion: .file(extensions: ["csv", "txt", "tsv"]))
    var file: String

    @Option(name: .long, help: "Only consider this CRM's layouts (\(Dialects.crmNames.joined(separator: ", "))).")
    var crm: String?

    @Option(name: .customLong("as"), help: "What the file holds: activities, deals, roster or time-off.")
    var kind: ExportKind?

    @Option(name: .long, help: "Where to write the mapping (default: standard output).")
    var output: String?

    func run() throws {
        let url = URL(fileURLWithPath: file)
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw ValidationError("cannot read \(file): no such file")
        }
        let draft = try MappingDraft(
            name: url.lastPathComponent, options: ImportOptions(crm: crm, kind: kind),
            open: { try FileByteSource(url: url) })
        try Output.write(draft.text, to: output)
    }
}
