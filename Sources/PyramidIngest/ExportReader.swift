import Foundation
import PyramidCore

/// Reads one CRM export file: detects what it holds and how it is written, then yields its rows one at a
/// time, normalized to Pyramid's vocabulary or set aside with a reason.
///
/// Memory stays flat: the file is read in chunks and only the cells a layout uses become text.
public final class ExportReader {
    /// The file's name, for messages and the import log.
    public let fileName: String
    /// The layout that was detected or forced.
    public let dialect: Dialect
    /// The delimiter found in the header.
    public let delimiter: UInt8
    /// The file's size in bytes.
    public let fileSize: Int64
    /// The header as it stood.
    public let header: Header
    /// The date order in force for this file after sniffing.
    public private(set) var dateOrder: DateOrder = .monthFirst
    /// Header names no field was bound to (shown by `--dry-run`).
    public var unusedColumns: [String] {
        let used = Set(binding.values.joined())
        return header.names.indices.filter { !used.contains($0) }.map { header.names[$0] }
    }

    private var reader: CSVReader<AnyByteSource>
    private var decoder = TextDecoder()
    private let digestSink: DigestSink
    private let byteOrderEncoding: TextEncoding
    private let binding: [Field: [Int]]
    /// `binding` keyed by field ordinal, for the per-row loop.
    private let boundOrdinals: [(ordinal: Int, indexes: [Int])]
    private var normalizer: RowNormalizer
    private var pending: [PendingRow] = []
    private var pendingIndex = 0

    private struct PendingRow {
        var values: FieldValues?
        var line: Int
        /// The raw text, kept for rows read ahead; nil for the current record (decoded only if needed).
        var raw: String?
        var problem: String?
        var footer: Bool
    }

    /// Opens `url` and reads its header. Throws when the file is not a CSV this reader can place.
    public convenience init(url: URL, options: ImportOptions, dialects: [Dialect] = Dialects.all) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw IngestError.unreadableFile(file: url.lastPathComponent, reason: "no such file")
        }
        if isDirectory.boolValue {
            throw IngestError.unreadableFile(
                file: url.lastPathComponent,
                reason: "it is a folder; name the files in it, e.g. \(url.lastPathComponent)/*.csv")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int64) ?? 0
        try self.init(
            name: url.lastPathComponent, size: size, options: options, dialects: dialects,
            open: { try FileByteSource(url: url) })
    }

    /// Reads an export from any byte source; `open` is called twice (once to sniff the first bytes).
    public init(
        name: String, size: Int64, options: ImportOptions, dialects: [Dialect] = Dialects.all,
        open: () throws -> any ByteSource
    ) throws {
        fileName = name
        fileSize = size
        let prefix = try ExportReader.readPrefix(try open())
        guard !prefix.isEmpty else { throw IngestError.emptyFile(file: fileName) }
        try FileSniffer.checkText(prefix, file: fileName)
        byteOrderEncoding = FileSniffer.encoding(of: prefix)

        let sink = DigestSink()
        digestSink = sink
        let hashed = HashingByteSource(AnyByteSource(try open()), into: sink)
        var utf8Prefix = prefix
        let source: AnyByteSource
        if byteOrderEncoding.isUTF16 {
            let bigEndian = byteOrderEncoding == .utf16BE
            source = AnyByteSource(UTF16ToUTF8Source(base: hashed, bigEndian: bigEndian))
            var transcoder = UTF16ToUTF8Source(base: MemoryByteSource(prefix), bigEndian: bigEndian)
            utf8Prefix = []
            var chunk = [UInt8](repeating: 0, count: 4096)
            while case let n = try chunk.withUnsafeMutableBytes({ try transcoder.read(into: $0) }), n > 0 {
                utf8Prefix.append(contentsOf: chunk[0..<n])
            }
        } else {
            source = AnyByteSource(hashed)
        }
        delimiter = FileSniffer.delimiter(ofUTF8: utf8Prefix)
        reader = CSVReader(source: source, delimiter: delimiter)

        let candidates = try ExportReader.candidates(options: options, dialects: dialects)
        var decoder = TextDecoder()
        var firstHeader: Header?
        var firstFooter: String?
        var found: (Dialect, Header)?
        var recordsSeen = 0
        do {
            while recordsSeen < 25, try reader.next() {
                if reader.isBlank { continue }
                recordsSeen += 1
                let cells = reader.cells(decoder: &decoder)
                if cells.filter({ !$0.isEmpty }).count == 1, ValueMaps.isFooter(cells[0]) {
                    firstFooter = firstFooter ?? cells[0]
                    continue
                }
                let header = Header(cells)
                if firstHeader == nil { firstHeader = header }
                if let dialect = ExportReader.bestMatch(header, among: candidates) {
                    found = (dialect, header)
                    break
                }
            }
        } catch let error as IngestError {
            throw error.naming(file: name)
        }
        guard let headerRow = found?.1 ?? firstHeader else {
            if let firstFooter { throw IngestError.onlyFooterLines(file: fileName, firstLine: firstFooter) }
            throw IngestError.emptyFile(file: fileName)
        }
        guard let chosen = found?.0 ?? (candidates.count == 1 ? candidates.first : nil) else {
            throw IngestError.unknownLayout(file: fileName, header: headerRow.names)
        }
        dialect = chosen
        header = headerRow
        binding = try ExportReader.bind(chosen, to: headerRow, file: fileName)
        boundOrdinals = binding.map { ($0.key.ordinal, $0.value) }.sorted { $0.ordinal < $1.ordinal }
        if options.mapping != nil {
            // A mapping names its columns on purpose: every one must be there.
            for (field, names) in chosen.columns.sorted(by: { $0.key < $1.key }) where binding[field] == nil {
                throw IngestError.missingColumn(
                    file: fileName, layout: chosen.title, field: field.label, expected: names, header: headerRow.names)
            }
        }
        self.decoder = decoder

        let order = options.dateOrder ?? chosen.dateOrder
        let columnNames = binding.compactMapValues { $0.first.map { headerRow.names[$0] } }
        normalizer = RowNormalizer(
            dialect: chosen, columnNames: columnNames, dateOrder: order, options: options)
        do {
            dateOrder = order == .auto ? try sniffDateOrder(fallback: .monthFirst) : order
        } catch let error as IngestError {
            throw error.naming(file: name)
        }
        normalizer.dateOrder = dateOrder
    }

    /// The encoding the file turned out to have, as far as it has been read.
    public var encoding: TextEncoding {
        if decoder.sawWindows1252 { return .windows1252 }
        return byteOrderEncoding
    }

    /// Bytes read so far, for progress.
    public var bytesRead: Int64 { reader.bytesRead }

    /// The SHA-256 of the whole file; call after the last row.
    public func sha256() -> String {
        var copy = digestSink.digest
        return copy.finalize()
    }

    /// The next row, or nil at the end of the file.
    public func next() throws -> ExportRow? {
        do {
            return try nextRow()
        } catch let error as IngestError {
            throw error.naming(file: fileName)
        }
    }

    private func nextRow() throws -> ExportRow? {
        while true {
            let row: PendingRow
            if pendingIndex < pending.count {
                row = pending[pendingIndex]
                pendingIndex += 1
                if pendingIndex == pending.count {
                    pending.removeAll()
                    pendingIndex = 0
                }
            } else {
                guard let read = try readRow(keepRaw: false) else { return nil }
                row = read
            }
            if let result = finish(row) { return result }
        }
    }

    /// Normalizes a row read earlier; a row without kept raw text is the reader's current record.
    private func finish(_ row: PendingRow) -> ExportRow? {
        if row.footer { return .footer(line: row.line) }
        if let problem = row.problem {
            return .quarantined(
                RowProblem(line: row.line, reason: "line \(row.line): \(problem)", raw: row.raw ?? currentRaw()))
        }
        guard let values = row.values else { return nil }
        switch normalizer.normalize(values) {
        case .success(let record): return .record(record, line: row.line)
        case .failure(let problem):
            return .quarantined(
                RowProblem(
                    line: row.line, reason: "line \(row.line): \(problem.message)", raw: row.raw ?? currentRaw()))
        }
    }

    private func currentRaw() -> String { reader.rawText(decoder: &decoder) }

    /// Reads the next non-blank record into field values, or a problem.
    private func readRow(keepRaw: Bool) throws -> PendingRow? {
        while try reader.next() {
            if reader.isBlank { continue }
            let line = reader.line
            if reader.unterminatedQuote {
                return PendingRow(
                    line: line, raw: reader.rawText(decoder: &decoder),
                    problem: "a quoted cell opens here and is never closed, so the rest of the file "
                        + "is set aside with it", footer: false)
            }
            var nonEmpty = 0
            for i in 0..<reader.count where reader.withCell(i, { !$0.isEmpty }) { nonEmpty += 1 }
            if nonEmpty == 1, ValueMaps.isFooter(reader.cell(0, decoder: &decoder)) {
                return PendingRow(line: line, raw: "", footer: true)
            }
            if reader.count > header.names.count {
                var extra = 0
                for i in header.names.count..<reader.count where reader.withCell(i, { !$0.isEmpty }) { extra += 1 }
                if extra > 0 {
                    return PendingRow(
                        line: line, raw: reader.rawText(decoder: &decoder),
                        problem: "\(reader.count) cells but the header has \(header.names.count); "
                            + "is a delimiter inside an unquoted cell?", footer: false)
                }
            }
            var values = FieldValues()
            for (ordinal, indexes) in boundOrdinals {
                for index in indexes {
                    let value = ExportReader.clean(reader.trimmedCell(index, decoder: &decoder))
                    if !value.isEmpty {
                        values[ordinal: ordinal] = value
                        break
                    }
                }
            }
            return PendingRow(
                values: values, line: line, raw: keepRaw ? reader.rawText(decoder: &decoder) : nil, footer: false)
        }
        return nil
    }

    /// Reads ahead up to 1,000 rows to tell `03/04/2026` month-first from day-first.
    private func sniffDateOrder(fallback: DateOrder) throws -> DateOrder {
        let dateFields: [Field] = [
            .timestamp, .date, .created, .completedAt, .answeredAt, .closeDate, .createdDate, .startDate, .endDate,
            .start, .end,
        ]
        let bound = dateFields.filter { binding[$0] != nil }
        var monthFirstLine: Int?
        var dayFirstLine: Int?
        while pending.count < 1000, let row = try readRow(keepRaw: true) {
            pending.append(row)
            guard let values = row.values else { continue }
            for field in bound {
                switch DateTimeText.slashedOrder(values[field]) {
                case .monthFirstOnly: monthFirstLine = monthFirstLine ?? row.line
                case .dayFirstOnly: dayFirstLine = dayFirstLine ?? row.line
                default: break
                }
            }
        }
        switch (monthFirstLine, dayFirstLine) {
        case (let m?, let d?): throw IngestError.mixedDateOrder(file: fileName, monthFirstLine: m, dayFirstLine: d)
        case (_?, nil): return .monthFirst
        case (nil, _?): return .dayFirst
        case (nil, nil): return fallback
        }
    }

    /// Trims a cell, unwraps Excel's `="00123"` guard, and empties Salesforce's empty-lookup sentinel.
    ///
    /// Salesforce's weekly Data Export writes `000000000000000AAA` for an empty Who/What/Campaign lookup; it is
    /// never a real record id, so it is read as no value rather than as a contact or account named that.
    static func clean(_ text: String) -> String {
        let bytes = text.utf8
        if bytes.first == UInt8(ascii: "="), bytes.count >= 3, text.hasPrefix("=\""), text.hasSuffix("\"") {
            return String(text.dropFirst(2).dropLast())
        }
        if bytes.count == 18 && text == "000000000000000AAA" { return "" }
        return text
    }

    static func readPrefix(_ source: any ByteSource) throws -> [UInt8] {
        var source = source
        var prefix = [UInt8](repeating: 0, count: FileSniffer.prefixLength)
        var filled = 0
        while filled < prefix.count {
            let n = try prefix.withUnsafeMutableBytes {
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...]))
            }
            if n == 0 { break }
            filled += n
        }
        return Array(prefix[0..<filled])
    }

    static func candidates(options: ImportOptions, dialects: [Dialect]) throws -> [Dialect] {
        if let mapping = options.mapping { return [mapping] }
        var list = dialects
        if let crm = options.crm?.lowercased() {
            let known = Array(Set(dialects.map(\.crm))).sorted()
            guard known.contains(crm) else { throw IngestError.unknownCRM(crm, known: known) }
            list = list.filter { $0.crm == crm }
        }
        if let kind = options.kind { list = list.filter { $0.holds == kind } }
        return list
    }

    /// The layout whose signature the header has, preferring the most specific one.
    static func bestMatch(_ header: Header, among dialects: [Dialect]) -> Dialect? {
        let matching = dialects.filter { !$0.signature.isEmpty && header.contains(all: $0.signature) }
        return matching.max { a, b in
            (a.signature.count, bound(a, header)) < (b.signature.count, bound(b, header))
        }
    }

    private static func bound(_ dialect: Dialect, _ header: Header) -> Int {
        dialect.columns.values.filter { names in names.contains { header.position(of: $0) != nil } }.count
    }

    /// For each field, the columns that may hold it, in order of preference (a row takes the first that is
    /// not empty); fails when a required field has no column.
    static func bind(_ dialect: Dialect, to header: Header, file: String) throws -> [Field: [Int]] {
        var binding: [Field: [Int]] = [:]
        for (field, names) in dialect.columns {
            var indexes: [Int] = []
            for index in names.compactMap({ header.position(of: $0) }) where !indexes.contains(index) {
                indexes.append(index)
            }
            if !indexes.isEmpty { binding[field] = indexes }
        }
        for field in dialect.required {
            let alternatives: [Field] =
                switch field {
                case .timestamp: [.timestamp, .date, .completedAt, .created]
                case .name: [.name, .firstName, .lastName]
                default: [field]
                }
            if alternatives.allSatisfy({ binding[$0] == nil }) {
                let expected = alternatives.flatMap { dialect.columns[$0] ?? [] }
                throw IngestError.missingColumn(
                    file: file, layout: dialect.title, field: field.label, expected: expected, header: header.names)
            }
        }
        return binding
    }
}

/// The cells of one row, by field.
public struct FieldValues: Sendable {
    private var values = [String](repeating: "", count: Field.allCases.count)

    /// Creates an empty row.
    public init() {}

    /// The trimmed cell for `field`; empty when the export has no such column.
    public subscript(field: Field) -> String {
        get { values[field.ordinal] }
        set { values[field.ordinal] = newValue }
    }

    /// The cell for the field at `ordinal` in `Field.allCases`.
    subscript(ordinal ordinal: Int) -> String {
        get { values[ordinal] }
        set { values[ordinal] = newValue }
    }
}

extension Field {
    /// The field's position in `allCases`, for array-backed rows.
    var ordinal: Int {
        // A switch, not a dictionary: this runs for every cell of every row.
        switch self {
        case .id: 0
        case .owner: 1
        case .kind: 2
        case .subtype: 3
        case .subject: 4
        case .timestamp: 5
        case .date: 6
        case .time: 7
        case .created: 8
        case .duration: 9
        case .direction: 10
        case .outcome: 11
        case .status: 12
        case .answeredAt: 13
        case .completedAt: 14
        case .contact: 15
        case .company: 16
        case .name: 17
        case .amount: 18
        case .currency: 19
        case .stage: 20
        case .won: 21
        case .closed: 22
        case .closeDate: 23
        case .createdDate: 24
        case .email: 25
        case .firstName: 26
        case .lastName: 27
        case .team: 28
        case .manager: 29
        case .role: 30
        case .startDate: 31
        case .endDate: 32
        case .crmID: 33
        case .active: 34
        case .start: 35
        case .end: 36
        }
    }

    /// How messages name the field.
    var label: String {
        switch self {
        case .timestamp: "date/time"
        case .crmID: "CRM user id"
        default: rawValue.replacingOccurrences(of: "_", with: " ")
        }
    }
}
