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
    /// What, beside a record's own bytes, decides the activity read from it: the version of the reading rules
    /// (`RowNormalizer.rulesVersion`), the layout, the header, the delimiter, the date order and the time zone in
    /// force. Two records of the same UTF-8 bytes read under the same interpretation are the same activity
    /// (see `ActivitySink.takesRecords`).
    public private(set) var interpretation = ""
    /// What the reader noticed about the layout: a near match ("read as … though the header has no … column"), and
    /// each field the layout reads that the header has no column for, with what that means.
    public private(set) var notes: [String] = []
    /// Header names no field was bound to (shown by `--dry-run`).
    public var unusedColumns: [String] {
        let used = Set(binding.values.joined())
        return header.names.indices.filter { !used.contains($0) }.map { header.names[$0] }
    }

    /// The records, read into values.
    private var source: RowSource
    private let digestSink: DigestSink
    private let byteOrderEncoding: TextEncoding
    private let binding: [Field: [Int]]
    private var normalizer: RowNormalizer
    private var pending: [PendingRow] = []
    private var pendingIndex = 0

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
        var reader = CSVReader(source: source, file: name, delimiter: delimiter)

        let candidates = try ExportReader.candidates(options: options, dialects: dialects)
        var decoder = TextDecoder()
        var firstHeader: Header?
        var firstFooter: String?
        var found: (Dialect, Header)?
        // A near match (renamed, missing or added columns) is taken on the first record that has one, so that the
        // reading goes on right after that header.
        var near: Dialect?
        var recordsSeen = 0
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
            if candidates.count > 1, options.mapping == nil,
                let dialect = try ExportReader.nearMatch(header, among: candidates, file: fileName)
            {
                near = dialect
                found = (dialect, header)
                break
            }
        }
        guard let headerRow = found?.1 ?? firstHeader else {
            if let firstFooter { throw IngestError.onlyFooterLines(file: fileName, firstLine: firstFooter) }
            throw IngestError.emptyFile(file: fileName)
        }
        guard let chosen = found?.0 ?? (candidates.count == 1 ? candidates.first : nil) else {
            throw IngestError.unknownLayout(file: fileName, header: headerRow.names)
        }
        notes = options.mapping == nil ? ExportReader.notes(chosen, headerRow, nearMatch: near != nil) : []
        dialect = chosen
        header = headerRow
        binding = try ExportReader.bind(chosen, to: headerRow, file: fileName)
        self.source = RowSource(
            reader: reader, decoder: decoder, columns: headerRow.names.count,
            bound: binding.map { ($0.key.ordinal, $0.value) }.sorted { $0.0 < $1.0 }
                .flatMap { ordinal, indexes in indexes.map { (ordinal, $0) } },
            emptyMarkers: chosen.emptyMarkers.sorted().map { Array($0.utf8) }, reportFooter: chosen.reportFooter)
        if options.mapping != nil {
            // A mapping names its columns on purpose: every one must be there.
            for (field, names) in chosen.columns.sorted(by: { $0.key < $1.key }) where binding[field] == nil {
                throw IngestError.missingColumn(
                    file: fileName, layout: chosen.title, field: field.label, expected: names, header: headerRow.names)
            }
        }

        let order = options.dateOrder ?? chosen.dateOrder
        let columnNames = binding.compactMapValues { $0.first.map { headerRow.names[$0] } }
        normalizer = RowNormalizer(
            dialect: chosen, columnNames: columnNames, dateOrder: order, options: options)
        dateOrder = order == .auto ? try sniffDateOrder(fallback: .monthFirst) : order
        normalizer.dateOrder = dateOrder
        interpretation = Self.interpretation(
            dialect: chosen, header: headerRow, delimiter: delimiter, dateOrder: dateOrder,
            timeZone: chosen.timesInUTC ? "GMT" : options.timeZone.identifier, encoding: byteOrderEncoding,
            outcomeWords: options.outcomeWords)
    }

    private static func interpretation(
        dialect: Dialect, header: Header, delimiter: UInt8, dateOrder: DateOrder, timeZone: String,
        encoding: TextEncoding, outcomeWords: OutcomeWords?
    ) -> String {
        [
            "rules \(RowNormalizer.rulesVersion)", canonical(dialect), canonical(header.names), String(delimiter),
            dateOrder.rawValue, timeZone, encoding.rawValue, outcomeWords.map { "words " + canonical($0.added) } ?? "",
        ].joined(separator: "\n")
    }

    /// `value` written down the same way in every process, every stored value of it (a value added to `Dialect`
    /// later too): the entries of dictionaries and sets, which come in an order that changes from process to
    /// process, sorted.
    static func canonical(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        func entries() -> [String] { mirror.children.map { canonical($0.value) } }
        switch mirror.displayStyle {
        case .dictionary, .set: return "{" + entries().sorted().joined(separator: ", ") + "}"
        case .collection: return "[" + entries().joined(separator: ", ") + "]"
        case .optional: return mirror.children.first.map { canonical($0.value) } ?? "nil"
        case .struct, .tuple, .class:
            let fields = mirror.children.map { "\($0.label ?? ""): \(canonical($0.value))" }
            return "(" + fields.joined(separator: ", ") + ")"
        default: return String(reflecting: value)
        }
    }

    /// A reader of this file's activity records, one at a time from their bytes as they stood in the file (see
    /// `ActivityRecord`), for use on another thread than this reader's.
    public func recordReader() -> ActivityRecordReader {
        ActivityRecordReader(template: source.reading([]), normalizer: normalizer)
    }

    /// The encoding the file turned out to have, as far as it has been read.
    public var encoding: TextEncoding {
        if source.decoder.sawWindows1252 { return .windows1252 }
        return byteOrderEncoding
    }

    /// Bytes read so far, for progress.
    public var bytesRead: Int64 { source.reader.bytesRead }

    /// The SHA-256 of the whole file; call after the last row.
    public func sha256() -> String {
        var copy = digestSink.digest
        return copy.finalize()
    }

    /// The next row, or nil at the end of the file.
    public func next() throws -> ExportRow? {
        while let row = try nextPending() {
            if let result = finish(row) { return result }
        }
        return nil
    }

    /// Reads on to the next row that is not an activity, and returns it (nil at the end of the file). Each
    /// activity on the way is handed to `sink` as it is read, its text where the reader holds it: the import's
    /// path, which makes no `String` of an activity's values (but to key a row without an id by its content).
    /// What `sink` throws stops the reading. The reader is busy while `sink` takes an activity: asking it anything
    /// then (`bytesRead`, `encoding`, `next`) is a simultaneous access, which stops the program.
    public func next<Sink: ActivitySink>(into sink: inout Sink) throws -> ExportRow? {
        guard dialect.holds == .activities else { return try next() }
        while pendingIndex < pending.count, let row = try nextPending() {
            guard let values = row.values, row.problem == nil else {
                if let result = finish(row) { return result }
                continue
            }
            let record = row.record ?? []
            let read = try record.withUnsafeBufferPointer { record in
                try Self.hand(values, record: record, bytesRead: bytesRead, &normalizer, to: &sink)
            }
            if let problem = read {
                return quarantined(row, problem)
            }
        }
        while let stop = try Self.readActivities(&source, &normalizer, into: &sink) {
            switch stop {
            case .row(let row): if let result = finish(row) { return result }
            case .failed(let line, let problem): return quarantined(line: line, raw: nil, problem)
            }
        }
        return nil
    }

    /// Why a run of activities stopped.
    private enum Stop {
        /// A row that is not an activity.
        case row(PendingRow)
        /// The current record, which failed to read as an activity.
        case failed(line: Int, RowFailure)
    }

    /// Reads the file's activities into `sink` up to the next row that is not one; nil at the end of the file.
    /// The reading state is handed over once for the whole run: as a class's stored properties, each use of it
    /// would be checked for exclusive access.
    private static func readActivities<Sink: ActivitySink>(
        _ source: inout RowSource, _ normalizer: inout RowNormalizer, into sink: inout Sink
    ) throws -> Stop? {
        while let record = try source.next(recordsOnly: sink.takesRecords) {
            let bytesRead = source.reader.bytesRead
            switch record {
            case .other(let row): return .row(row)
            case .values(let line):
                let problem = try source.reader.withRawRecord { raw in
                    let record = source.isUTF8 ? raw : UnsafeBufferPointer(start: nil, count: 0)
                    return try hand(source.values, record: record, bytesRead: bytesRead, &normalizer, to: &sink)
                }
                if let problem { return .failed(line: line, problem) }
            case .record(let line):
                try source.reader.withRawRecord { raw in
                    try source.values.withValues { values in
                        try normalizer.withKey(id: values[.id]) { key in
                            let record = ActivityRecord(key: key, owner: values[.owner], record: raw, line: line)
                            try sink.take(record: record, bytesRead: bytesRead)
                        }
                    }
                }
            }
        }
        return nil
    }

    /// Hands the activity in `values`, read from `record` (see `ActivityText.record`), to `sink`; why the row is
    /// not one, when it is not.
    private static func hand<Sink: ActivitySink>(
        _ values: FieldValues, record: UnsafeBufferPointer<UInt8>, bytesRead: Int64,
        _ normalizer: inout RowNormalizer, to sink: inout Sink
    ) throws -> RowFailure? {
        let read = try normalizer.activity(values, record: record) { try sink.take($0, bytesRead: bytesRead) }
        guard case .failure(let problem) = read else { return nil }
        return problem
    }

    /// The next row read ahead, else the next row of the file.
    private func nextPending() throws -> PendingRow? {
        guard pendingIndex < pending.count else { return try source.nextRow(keepRaw: false) }
        let row = pending[pendingIndex]
        pendingIndex += 1
        if pendingIndex == pending.count {
            pending.removeAll()
            pendingIndex = 0
        }
        return row
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
        case .failure(let problem): return quarantined(row, problem)
        }
    }

    private func quarantined(_ row: PendingRow, _ problem: RowFailure) -> ExportRow {
        quarantined(line: row.line, raw: row.raw, problem)
    }

    /// A row set aside; without `raw` text, it is the current record.
    private func quarantined(line: Int, raw: String?, _ problem: RowFailure) -> ExportRow {
        .quarantined(RowProblem(line: line, reason: "line \(line): \(problem.message)", raw: raw ?? currentRaw()))
    }

    private func currentRaw() -> String { source.rawText() }

    /// Reads ahead up to 1,000 rows to tell `03/04/2026` month-first from day-first.
    private func sniffDateOrder(fallback: DateOrder) throws -> DateOrder {
        let dateFields: [Field] = [
            .timestamp, .date, .created, .completedAt, .answeredAt, .closeDate, .createdDate, .startDate, .endDate,
            .start, .end,
        ]
        let bound = dateFields.filter { binding[$0] != nil }
        var monthFirstLine: Int?
        var dayFirstLine: Int?
        while pending.count < 1000, let row = try source.nextRow(keepRaw: true) {
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
}
