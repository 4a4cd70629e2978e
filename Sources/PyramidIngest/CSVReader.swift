import Foundation

/// A streaming RFC 4180 reader that works on bytes, one record at a time, in flat memory.
///
/// It accepts what real exports write: quoted cells holding delimiters, doubled quotes and line breaks;
/// LF, CRLF or lone CR line ends; a quote inside an unquoted cell (kept as text); text after a closing quote
/// (kept). A cell is read where it lies in the read buffer; only a cell that must be unescaped (a doubled
/// quote, text after its closing quote) is copied, into one reused buffer. Reading a record allocates
/// nothing; callers turn only the cells they need into `String`s.
public struct CSVReader<Source: ByteSource> {
    /// The largest record accepted: a cell that runs on past this is almost always an unterminated quote.
    public static var maximumRecordBytes: Int { 64 << 20 }

    private var source: Source
    let delimiter: UInt8
    /// The bytes that end an unquoted cell: the delimiter and the line breaks.
    private let cellEnds: CellEnds
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var atEOF = false
    private var nextLine = 1
    private var checkedByteOrderMark = false

    /// The cells of the current record.
    private var cells: [Cell] = []
    /// The bytes of the current record's cells that were unescaped, back to back.
    private var unescaped: [UInt8] = []
    /// The raw bytes of the current record, as they stood in the file.
    private var rawRange: Range<Int> = 0..<0

    /// The physical line (1-based) on which the current record starts.
    public private(set) var line = 0
    /// Total bytes consumed so far, for progress.
    public private(set) var bytesRead: Int64 = 0
    /// Set when the current record's last quoted cell never closed before the end of the file.
    public private(set) var unterminatedQuote = false

    /// The file's name, for messages.
    let file: String

    /// Creates a reader over `source` (of the file named `file`, for messages) splitting cells on `delimiter`.
    public init(source: Source, file: String = "", delimiter: UInt8 = UInt8(ascii: ","), chunkSize: Int = 1 << 20) {
        self.source = source
        self.file = file
        self.delimiter = delimiter
        self.cellEnds = CellEnds(delimiter: delimiter)
        self.buffer = [UInt8](repeating: 0, count: max(chunkSize, 16))
    }

    /// The number of cells in the current record.
    public var count: Int { cells.count }

    /// Whether every cell of the current record is empty (a blank line, or a line of delimiters).
    public var isBlank: Bool { cells.allSatisfy { $0.start == $0.end } }

    /// Calls `body` with the bytes of cell `index` (empty when the record is shorter).
    public func withCell<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard index < cells.count else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        let cell = cells[index]
        if cell.copied {
            return try unescaped.withUnsafeBufferPointer {
                try body(UnsafeBufferPointer(rebasing: $0[cell.start..<cell.end]))
            }
        }
        return try buffer.withUnsafeBufferPointer {
            try body(UnsafeBufferPointer(rebasing: $0[cell.start..<cell.end]))
        }
    }

    /// Cell `index` as text (see `TextDecoder`); empty when the record is shorter.
    public func cell(_ index: Int, decoder: inout TextDecoder) -> String {
        withCell(index) { decoder.decode($0) }
    }

    /// Cell `index` as text with white space (and NULs, which decoding drops) trimmed at both ends; empty when
    /// the record is shorter.
    public func trimmedCell(_ index: Int, decoder: inout TextDecoder) -> String {
        var text: [UInt8] = []
        appendTrimmedCell(index, to: &text, decoder: &decoder)
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends cell `index` as text (see `TextDecoder`) to `text` as UTF-8, with white space (and NULs, which
    /// decoding drops) trimmed at both ends (see `appendTrimmed`).
    public func appendTrimmedCell(_ index: Int, to text: inout [UInt8], decoder: inout TextDecoder) {
        withCell(index) { Self.appendTrimmed($0, to: &text, decoder: &decoder) }
    }

    /// Appends `bytes` as text (see `TextDecoder`) to `text` as UTF-8, with white space (and NULs, which
    /// decoding drops) trimmed at both ends. ASCII white space is trimmed on the bytes, cheaper than trimming a
    /// `String`; a cell that then starts or ends past ASCII (a no-break or other Unicode space, a Windows-1252
    /// byte) is decoded first and trimmed as text.
    static func appendTrimmed(_ bytes: UnsafeBufferPointer<UInt8>, to text: inout [UInt8], decoder: inout TextDecoder) {
        let trimmed = trimmedASCII(bytes)
        guard let first = trimmed.first, let last = trimmed.last else { return }
        if first < 0x80 && last < 0x80 { return decoder.append(trimmed, to: &text) }
        text.append(contentsOf: decoder.decode(trimmed).trimmingCharacters(in: .whitespacesAndNewlines).utf8)
    }

    /// `bytes` without the ASCII white space and NULs at either end.
    static func trimmedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lower = 0
        var upper = bytes.count
        while lower < upper, isSpaceOrNUL(bytes[lower]) { lower += 1 }
        while upper > lower, isSpaceOrNUL(bytes[upper - 1]) { upper -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[lower..<upper])
    }

    private static func isSpaceOrNUL(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || byte == 0
    }

    /// Calls `body` with the current record's cells as bytes, looked up without a closure each.
    func withRecord<R>(_ body: (CSVRecord) throws -> R) rethrows -> R {
        try buffer.withUnsafeBufferPointer { buffer in
            try unescaped.withUnsafeBufferPointer { unescaped in
                try cells.withUnsafeBufferPointer { cells in
                    let raw = UnsafeBufferPointer(rebasing: buffer[rawRange])
                    return try body(
                        CSVRecord(
                            buffer: buffer, unescaped: unescaped, cells: cells,
                            isPlainASCII: TextDecoder.isPlainASCII(raw)))
                }
            }
        }
    }

    /// All cells of the current record as text.
    public func cells(decoder: inout TextDecoder) -> [String] {
        (0..<count).map { cell($0, decoder: &decoder) }
    }

    /// Calls `body` with the current record's bytes exactly as they stood in the file (its line break too).
    func withRawRecord<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[rawRange])) }
    }

    /// The current record exactly as it stood in the file, for the quarantine.
    public func rawText(decoder: inout TextDecoder) -> String {
        buffer.withUnsafeBufferPointer { decoder.decode(UnsafeBufferPointer(rebasing: $0[rawRange])) }
    }

    /// Moves to the next record; false at the end of the input.
    public mutating func next() throws -> Bool {
        if !checkedByteOrderMark { try skipByteOrderMark() }
        while true {
            if let complete = parseRecord() {
                if !complete { return false }
                return true
            }
            try refill()
        }
    }

    /// Steps over a UTF-8 byte order mark at the very start, so it does not become part of the first header
    /// name (nor stop a quoted first cell from being read as quoted). UTF-16 input arrives here transcoded, its
    /// mark as the same three bytes.
    private mutating func skipByteOrderMark() throws {
        checkedByteOrderMark = true
        while end - start < 3 && !atEOF { try refill() }
        guard end - start >= 3, buffer[start] == 0xEF, buffer[start + 1] == 0xBB, buffer[start + 2] == 0xBF else {
            return
        }
        start += 3
        bytesRead += 3
    }

    /// Parses one record from `buffer[start..<end]`. Returns true when a record was read, false at the end of
    /// the input, nil when more bytes are needed first.
    private mutating func parseRecord() -> Bool? {
        if start == end && atEOF { return false }
        var record = RecordCells()
        swap(&record.cells, &cells)
        swap(&record.unescaped, &unescaped)
        record.cells.removeAll(keepingCapacity: true)
        record.unescaped.removeAll(keepingCapacity: true)
        defer {
            swap(&record.cells, &cells)
            swap(&record.unescaped, &unescaped)
        }
        let atEOF = self.atEOF
        let start = self.start, end = self.end
        var unterminatedQuote = false
        var rawRange = 0..<0
        let delimiter = self.delimiter
        let ends = self.cellEnds
        let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var newlines = 0
        var position = start
        var inQuotes = false
        var cellStart = true
        var result: Bool?
        var consumedTo = start
        buffer.withUnsafeBufferPointer { bytes in
            while position < end {
                if inQuotes {
                    // Take the run up to the next quote at once, found by `memchr`, then count its line breaks.
                    let run = position
                    if let base = bytes.baseAddress, let found = memchr(base + run, Int32(quote), end - run) {
                        position = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
                    } else {
                        position = end
                    }
                    newlines += Self.count(lf, in: UnsafeBufferPointer(rebasing: bytes[run..<position]))
                    record.take(bytes, run, position)
                    if position == end { break }
                    if position + 1 == end && !atEOF { return }
                    if position + 1 < end && bytes[position + 1] == quote {
                        record.take(bytes, position, position + 1)
                        position += 2
                        continue
                    }
                    inQuotes = false
                    position += 1
                    continue
                }
                let byte = bytes[position]
                if byte == delimiter {
                    record.endCell()
                    cellStart = true
                    position += 1
                    continue
                }
                if byte == lf || byte == cr {
                    if byte == cr {
                        if position + 1 == end && !atEOF { return }
                        if position + 1 < end && bytes[position + 1] == lf { position += 1 }
                    }
                    newlines += 1
                    position += 1
                    record.endCell()
                    rawRange = start..<position
                    consumedTo = position
                    result = true
                    return
                }
                if byte == quote && cellStart {
                    inQuotes = true
                    cellStart = false
                    position += 1
                    continue
                }
                // Take the run up to the next delimiter or line end at once.
                let run = position
                position = Self.firstCellEnd(in: bytes, from: position + 1, to: end, ends: ends)
                record.take(bytes, run, position)
                cellStart = false
            }
            guard atEOF else { return }
            // The input ends without a final line break.
            if inQuotes { unterminatedQuote = true }
            record.endCell()
            rawRange = start..<position
            consumedTo = position
            result = true
        }
        guard let found = result else { return nil }
        self.unterminatedQuote = unterminatedQuote
        self.rawRange = rawRange
        line = nextLine
        nextLine += newlines
        bytesRead += Int64(consumedTo - start)
        self.start = consumedTo
        return found
    }

    /// The number of `byte`s in `bytes`.
    private static func count(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard var next = bytes.baseAddress else { return 0 }
        let end = next + bytes.count
        var found = 0
        while next < end, let match = memchr(next, Int32(byte), end - next) {
            found += 1
            next = UnsafePointer(match.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return found
    }

    /// The position of the first delimiter or line break in `bytes[from..<to]`; `to` when there is none. Eight
    /// bytes at a time: a word XORed with a byte repeated has a zero byte where that byte is.
    private static func firstCellEnd(
        in bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int, ends: CellEnds
    ) -> Int {
        var position = from
        if let base = bytes.baseAddress {
            while position + 8 <= end {
                let word = ByteWords.load(base + position)
                let flags =
                    ByteWords.zeroBytes(word ^ ends.delimiters) | ByteWords.zeroBytes(word ^ ends.lineFeeds)
                    | ByteWords.zeroBytes(word ^ ends.returns)
                if flags != 0 { return position + flags.trailingZeroBitCount / 8 }
                position += 8
            }
        }
        while position < end && !ends.contains(bytes[position]) { position += 1 }
        return position
    }

    /// Makes room and reads more bytes; grows the buffer when one record fills it.
    private mutating func refill() throws {
        if atEOF { return }
        if start > 0 {
            let remaining = end - start
            buffer.withUnsafeMutableBytes { raw in
                if remaining > 0, let base = raw.baseAddress {
                    base.copyMemory(from: base + start, byteCount: remaining)
                }
            }
            start = 0
            end = remaining
        }
        if end == buffer.count {
            guard buffer.count < Self.maximumRecordBytes else {
                throw IngestError.recordTooLarge(file: file, line: nextLine, limitBytes: Self.maximumRecordBytes)
            }
            buffer.append(contentsOf: repeatElement(0, count: buffer.count))
        }
        let n = try buffer.withUnsafeMutableBytes { raw in
            try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[end...]))
        }
        if n == 0 { atEOF = true }
        end += n
    }
}

/// The bytes that end an unquoted cell, each also repeated in the eight bytes of a word.
private struct CellEnds {
    let delimiter: UInt8
    let delimiters: UInt64
    let lineFeeds = ByteWords.repeated(UInt8(ascii: "\n"))
    let returns = ByteWords.repeated(UInt8(ascii: "\r"))

    init(delimiter: UInt8) {
        self.delimiter = delimiter
        delimiters = ByteWords.repeated(delimiter)
    }

    func contains(_ byte: UInt8) -> Bool {
        byte == delimiter || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
}

/// A record's cells as bytes, valid only inside `CSVReader.withRecord`.
struct CSVRecord {
    fileprivate let buffer: UnsafeBufferPointer<UInt8>
    fileprivate let unescaped: UnsafeBufferPointer<UInt8>
    fileprivate let cells: UnsafeBufferPointer<Cell>
    /// Whether the record as it stood in the file is all ASCII, without a NUL: then every cell is its own text.
    let isPlainASCII: Bool

    /// The bytes of cell `index`; empty when the record is shorter.
    subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
        guard index < cells.count else { return UnsafeBufferPointer(start: nil, count: 0) }
        let cell = cells[index]
        return UnsafeBufferPointer(rebasing: (cell.copied ? unescaped : buffer)[cell.start..<cell.end])
    }
}

/// Where a cell's bytes lie: in the reader's buffer, or among the unescaped bytes when it had to be copied.
private struct Cell {
    var start = 0
    var end = 0
    var copied = false
}

/// The cells of a record as it is parsed.
private struct RecordCells {
    var cells: [Cell] = []
    var unescaped: [UInt8] = []
    /// The cell being read.
    var cell = Cell()

    /// Adds `bytes[lower..<upper]` to the cell being read: in place while its bytes run on in the buffer,
    /// copied from the first gap on (a doubled quote, text after the closing quote).
    mutating func take(_ bytes: UnsafeBufferPointer<UInt8>, _ lower: Int, _ upper: Int) {
        guard lower < upper else { return }
        if cell.copied {
            unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lower..<upper]))
            cell.end = unescaped.count
        } else if cell.start == cell.end {
            cell = Cell(start: lower, end: upper)
        } else if cell.end == lower {
            cell.end = upper
        } else {
            let copyStart = unescaped.count
            unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cell.start..<cell.end]))
            unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lower..<upper]))
            cell = Cell(start: copyStart, end: unescaped.count, copied: true)
        }
    }

    mutating func endCell() {
        cells.append(cell)
        cell = Cell()
    }
}
