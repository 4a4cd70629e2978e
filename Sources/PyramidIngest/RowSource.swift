import Foundation

/// An export's records read into field values: the CSV reader, the decoder and the current record's values,
/// kept together so a reading loop can hold them all as one `inout` value. (Used as a class's stored
/// properties one by one, every use would be checked for exclusive access at run time.)
struct RowSource {
    var reader: CSVReader<AnyByteSource>
    var decoder: TextDecoder
    /// The current record's values, kept from row to row so their storage is not made and freed for each one.
    private(set) var values = FieldValues()
    /// Whether the current record, as it stood in the file, is valid UTF-8: then no cell of it is read as
    /// Windows-1252, and its text follows from its bytes alone.
    private(set) var isUTF8 = false
    /// A cell decoded, when its record is not plain ASCII.
    private var scratch: [UInt8] = []
    /// The number of columns in the header.
    private let columns: Int
    /// Each field's columns by field ordinal, in the order they are tried, as plain pairs, so the loop retains
    /// nothing.
    private let bound: [(ordinal: Int, index: Int)]
    /// The columns of the id and the owner, which are all a record read as such needs (see `next(recordsOnly:)`).
    private let identityBound: [(ordinal: Int, index: Int)]
    /// The layout's values that mean "empty", as UTF-8.
    private let emptyMarkers: [[UInt8]]
    /// Whether the layout's exports may end with a report footer (`Dialect.reportFooter`).
    private let reportFooter: Bool
    /// Whether a blank line has ended the data: a report's footer follows one (see `next`).
    private var pastBlankLine = false

    init(
        reader: CSVReader<AnyByteSource>, decoder: TextDecoder, columns: Int, bound: [(ordinal: Int, index: Int)],
        emptyMarkers: [[UInt8]], reportFooter: Bool = false
    ) {
        self.reportFooter = reportFooter
        self.reader = reader
        self.decoder = decoder
        self.columns = columns
        self.bound = bound
        self.identityBound = bound.filter { $0.ordinal == Field.id.ordinal || $0.ordinal == Field.owner.ordinal }
        self.emptyMarkers = emptyMarkers
    }

    /// A source that reads `bytes` (records of the same file, such as one kept as it stood) as this one reads its
    /// file.
    func reading(_ bytes: [UInt8]) -> RowSource {
        let reader = CSVReader(
            source: AnyByteSource(MemoryByteSource(bytes)), file: reader.file, delimiter: reader.delimiter,
            chunkSize: bytes.count + 16)
        return RowSource(
            reader: reader, decoder: TextDecoder(), columns: columns, bound: bound, emptyMarkers: emptyMarkers,
            reportFooter: reportFooter)
    }

    /// What reading a record gave.
    enum Record {
        /// Its values, in `values`.
        case values(line: Int)
        /// Only its id and owner, in `values`: a UTF-8 record that has both, read with `recordsOnly`. Its
        /// bytes are the reader's current record.
        case record(line: Int)
        /// A footer, or a record that cannot be read as values.
        case other(PendingRow)
    }

    /// The current record exactly as it stood in the file, for the quarantine.
    mutating func rawText() -> String { reader.rawText(decoder: &decoder) }

    /// Reads the next non-blank record; nil at the end of the file. With `recordsOnly`, a UTF-8 record with
    /// an id and an owner is read no further than those two (`.record`).
    mutating func next(recordsOnly: Bool = false) throws -> Record? {
        while try reader.next() {
            if reader.isBlank {
                pastBlankLine = true
                continue
            }
            let line = reader.line
            if reader.unterminatedQuote {
                return .other(
                    PendingRow(
                        line: line, raw: rawText(),
                        problem: "a quoted cell opens here and is never closed, so the rest of the file "
                            + "is set aside with it", footer: false))
            }
            // A footer line has one cell that is not empty (counting stops at two): in a report, after the blank line
            // that ends its data, any such line (the title, the organisation's name, a copyright in any language);
            // elsewhere, a totals line or a known footer.
            var nonEmpty = 0
            for i in 0..<reader.count where reader.withCell(i, { !$0.isEmpty }) {
                nonEmpty += 1
                if nonEmpty == 2 { break }
            }
            if nonEmpty == 1, (reportFooter && pastBlankLine) || ValueMaps.isFooter(reader.cell(0, decoder: &decoder)) {
                return .other(PendingRow(line: line, raw: "", footer: true))
            }
            // A report's totals line carries sums in a few of its other cells (a row whose first cell merely starts
            // with "Total" fills most of them).
            if reportFooter, nonEmpty == 2, ValueMaps.isTotals(reader.cell(0, decoder: &decoder)) {
                var filled = 0
                for i in 0..<reader.count where reader.withCell(i, { !$0.isEmpty }) { filled += 1 }
                if filled * 2 <= columns { return .other(PendingRow(line: line, raw: "", footer: true)) }
            }
            if reader.count > columns {
                var extra = 0
                for i in columns..<reader.count where reader.withCell(i, { !$0.isEmpty }) { extra += 1 }
                if extra > 0 {
                    return .other(
                        PendingRow(
                            line: line, raw: rawText(),
                            problem: "\(reader.count) cells but the header has \(columns); "
                                + "is a delimiter inside an unquoted cell?", footer: false))
                }
            }
            if recordsOnly {
                read(identityBound)
                if isUTF8 && !values.isEmpty(.id) && !values.isEmpty(.owner) { return .record(line: line) }
            }
            read(bound)
            return .values(line: line)
        }
        return nil
    }

    /// Reads the next non-blank record as a row to keep (its raw text too when `keepRaw`); nil at the end.
    mutating func nextRow(keepRaw: Bool) throws -> PendingRow? {
        switch try next() {
        case nil: return nil
        case .other(let row): return row
        case .values(let line), .record(let line):
            return PendingRow(
                values: values, line: line, raw: keepRaw ? rawText() : nil, footer: false,
                record: keepRaw && isUTF8 ? reader.withRawRecord { Array($0) } : nil)
        }
    }

    /// Reads the current record's cells for the fields of `columns` into `values`.
    private mutating func read(_ columns: [(ordinal: Int, index: Int)]) {
        values.removeAll()
        let emptyMarkers = emptyMarkers
        var plain = false
        reader.withRecord { record in
            plain = record.isPlainASCII
            // The first of a field's columns with a value gives it.
            var lastFound = -1
            for (ordinal, index) in columns where ordinal != lastFound {
                let found = Self.set(
                    ordinal, to: record[index], plain: plain, values: &values, decoder: &decoder,
                    scratch: &scratch, emptyMarkers: emptyMarkers)
                if found { lastFound = ordinal }
            }
        }
        isUTF8 = plain || reader.withRawRecord { TextDecoder.isUTF8($0) }
    }

    /// Sets the field at `ordinal` to `cell` trimmed, decoded (unless the record is `plain` ASCII) and cleaned
    /// (see `ExportReader.clean`); false, leaving the field as it was, when that leaves nothing or one of
    /// `emptyMarkers`.
    private static func set(
        _ ordinal: Int, to cell: UnsafeBufferPointer<UInt8>, plain: Bool, values: inout FieldValues,
        decoder: inout TextDecoder, scratch: inout [UInt8], emptyMarkers: [[UInt8]]
    ) -> Bool {
        func setIfValue(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
            guard !value.isEmpty else { return false }
            for marker in emptyMarkers where marker.count == value.count && marker.elementsEqual(value) {
                return false
            }
            values.set(ordinal: ordinal, to: value)
            return true
        }
        if plain { return setIfValue(ExportReader.clean(CSVReader<AnyByteSource>.trimmedASCII(cell))) }
        scratch.removeAll(keepingCapacity: true)
        CSVReader<AnyByteSource>.appendTrimmed(cell, to: &scratch, decoder: &decoder)
        return scratch.withUnsafeBufferPointer { setIfValue(ExportReader.clean($0)) }
    }
}

/// A record read: its values (nil for a footer or a record that could not be read as values), or the problem
/// that sets it aside.
struct PendingRow {
    var values: FieldValues?
    var line: Int
    /// The raw text, kept for rows read ahead; nil for the current record (decoded only if needed).
    var raw: String?
    var problem: String?
    var footer: Bool
    /// The record as it stood in the file, kept for rows read ahead when it is valid UTF-8 (see
    /// `ActivityText.record`).
    var record: [UInt8]?
}
