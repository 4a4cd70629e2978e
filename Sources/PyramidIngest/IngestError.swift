import Foundation

/// Why a file, a mapping or a value could not be read, in words a sales-ops person can act on.
public enum IngestError: Error, Equatable, CustomStringConvertible {
    /// The file could not be opened or read at all.
    case unreadableFile(file: String, reason: String)
    /// The file is not text (a spreadsheet, a zip, an image).
    case notText(file: String, looksLike: String)
    /// The file holds no rows at all.
    case emptyFile(file: String)
    /// The file holds report footer lines (totals, a copyright) and no header row.
    case onlyFooterLines(file: String, firstLine: String)
    /// No known layout matches the header.
    case unknownLayout(file: String, header: [String])
    /// The header nearly matches layouts of different CRMs or kinds equally well.
    case ambiguousLayout(file: String, candidates: [String], header: [String])
    /// A layout was forced or detected but a column it needs is missing.
    case missingColumn(file: String, layout: String, field: String, expected: [String], header: [String])
    /// `--crm` names no known CRM.
    case unknownCRM(String, known: [String])
    /// One record is larger than the reader accepts.
    case recordTooLarge(file: String, line: Int, limitBytes: Int)
    /// A mapping file is wrong.
    case badMapping(file: String, problem: String)
    /// Dates in one file are written both month-first and day-first.
    case mixedDateOrder(file: String, monthFirstLine: Int, dayFirstLine: Int)

    public var description: String {
        switch self {
        case .unreadableFile(let file, let reason):
            "\(file): cannot be read: \(reason)"
        case .notText(let file, let looksLike):
            "\(file): is \(looksLike), not a CSV file; \(IngestError.advice(forFileLike: looksLike))"
        case .emptyFile(let file):
            "\(file): is empty (no header row)"
        case .onlyFooterLines(let file, let firstLine):
            "\(file): has no header row, only report footer lines such as '\(firstLine)'; export the report's "
                + "rows (in Salesforce: Export, Details Only)"
        case .unknownLayout(let file, let header):
            "\(file): the header does not match any known export (\(IngestError.quote(header))); "
                + "use --crm NAME or --as KIND, or run 'pyramid mapping \(file)' to write a mapping to edit and "
                + "import with --mapping FILE"
        case .ambiguousLayout(let file, let candidates, let header):
            "\(file): the header (\(IngestError.quote(header))) matches \(candidates.joined(separator: " and ")) "
                + "equally well; use --crm NAME or --as KIND to choose"
        case .missingColumn(let file, let layout, let field, let expected, let header):
            "\(file): \(layout) has no \(field) column (expected one of \(IngestError.quote(expected)); "
                + "found \(IngestError.quote(header)))"
        case .unknownCRM(let name, let known):
            "'\(name)' is not a CRM Pyramid knows (known: \(known.joined(separator: ", ")))"
        case .recordTooLarge(let file, let line, let limit):
            (file.isEmpty ? "" : "\(file): ")
                + "line \(line): a record runs on past \(limit >> 20) MB; a quoted cell is probably never closed"
        case .badMapping(let file, let problem):
            "\(file): \(problem)"
        case .mixedDateOrder(let file, let monthFirst, let dayFirst):
            "\(file): dates are written month-first (line \(monthFirst)) and day-first (line \(dayFirst)) "
                + "in the same file; pass --date-order month-first or day-first"
        }
    }

    /// What to do with a file that is not text: an archive is unpacked, anything else saved as CSV.
    static func advice(forFileLike looksLike: String) -> String {
        looksLike == "a gzip archive" ? "unpack it and import the CSV inside" : "export or save it as CSV"
    }

    static func quote(_ names: [String], limit: Int = 12) -> String {
        let shown = names.prefix(limit).map { "'\($0)'" }.joined(separator: ", ")
        return names.count > limit ? shown + ", …" : shown
    }

    /// A short reason for a Foundation error, instead of `NSCocoaErrorDomain Code=260`.
    static func describe(_ error: any Error) -> String {
        let ns = error as NSError
        if ns.domain == NSCocoaErrorDomain {
            switch ns.code {
            case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return "no such file"
            case NSFileReadNoPermissionError: return "permission denied"
            default: break
            }
        }
        if ns.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(ns.code)) {
            return String(cString: strerror(code.rawValue))
        }
        return ns.localizedDescription
    }
}
