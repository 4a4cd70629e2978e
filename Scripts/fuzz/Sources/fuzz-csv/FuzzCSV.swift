import Foundation
import PyramidIngest

// libFuzzer calls this once per input. A thrown error is an answer (the file is refused or a row is set
// aside); a trap, an AddressSanitizer report, a hang or a `fatalError` below is a bug. Everything is
// deterministic for one input, so a crash file replays.

/// The fuzzer's entry point: reads `size` bytes at `data` every way Pyramid reads an export.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let seed = bytes.prefix(32).reduce(size) { $0 &* 31 &+ Int($1) }
    let step = 1 + abs(seed % 7)
    readExport(bytes, options: ImportOptions(), dialects: Dialects.all, step: nil)
    // The same bytes with one layout forced (so a header need not match), a date order and a time zone, and
    // arriving a few bytes at a time.
    let dialect = Dialects.all[abs(seed / 7) % Dialects.all.count]
    let orders = DateOrder.allCases
    let zones = ["UTC", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"]
    let options = ImportOptions(
        dateOrder: orders[abs(seed / 3) % orders.count],
        timeZone: TimeZone(identifier: zones[abs(seed / 5) % zones.count]) ?? .gmt)
    readExport(bytes, options: options, dialects: [dialect], step: step)
    for delimiter in [",", ";", "\t", "|"].map({ UInt8(ascii: Unicode.Scalar($0)) }) {
        compareChunkings(bytes, delimiter: delimiter, step: step, parseCells: delimiter == UInt8(ascii: ","))
    }
    readUTF16(bytes, step: step)
    return 0
}

/// Opens the bytes as an export and reads every row, as `pyramid import` does.
func readExport(_ bytes: [UInt8], options: ImportOptions, dialects: [Dialect], step: Int?) {
    do {
        let reader = try ExportReader(
            name: "fuzz.csv", size: Int64(bytes.count), options: options, dialects: dialects,
            open: {
                if let step { return TricklingSource(base: MemoryByteSource(bytes), step: step) }
                return MemoryByteSource(bytes)
            })
        _ = reader.unusedColumns
        while let row = try reader.next() {
            if case .quarantined(let problem) = row, problem.reason.isEmpty { fatalError("a reason is empty") }
        }
        _ = reader.sha256()
        _ = reader.encoding
    } catch {
        // Refusing the file or failing it part-way is a correct answer.
        if "\(error)".isEmpty { fatalError("an error says nothing") }
    }
}

/// Reads the bytes as CSV in one large chunk and a few bytes at a time through 16-byte buffers: both must
/// see the same records, cell for cell.
func compareChunkings(_ bytes: [UInt8], delimiter: UInt8, step: Int, parseCells: Bool) {
    var whole = CSVReader(source: MemoryByteSource(bytes), delimiter: delimiter, chunkSize: bytes.count + 16)
    var trickled = CSVReader(
        source: TricklingSource(base: MemoryByteSource(bytes), step: step), delimiter: delimiter, chunkSize: 16)
    var decoder = TextDecoder()
    do {
        while true {
            let more = try whole.next()
            guard more == (try trickled.next()) else { fatalError("one reading ended before the other") }
            guard more else { break }
            guard whole.line == trickled.line, whole.count == trickled.count,
                whole.unterminatedQuote == trickled.unterminatedQuote,
                whole.rawText(decoder: &decoder) == trickled.rawText(decoder: &decoder)
            else { fatalError("line \(whole.line) reads differently in chunks") }
            for index in 0..<whole.count {
                let cell = whole.withCell(index) { Array($0) }
                guard cell == trickled.withCell(index, { Array($0) }) else {
                    fatalError("line \(whole.line) cell \(index) reads differently in chunks")
                }
                if parseCells { parse(whole.cell(index, decoder: &decoder), variant: index &+ whole.line) }
            }
        }
    } catch {
        // Only a record past the size limit may throw, and both readings must agree on it.
    }
}

/// Every value parser on one cell; `variant` picks the date order and duration unit.
func parse(_ text: String, variant: Int) {
    guard text.utf8.count <= 4096 else { return }
    _ = DateTimeText.parse(text, order: DateOrder.allCases[variant % DateOrder.allCases.count])
    _ = DateTimeText.slashedOrder(text)
    let unit = DurationUnit.allCases[variant % DurationUnit.allCases.count]
    let twoParts = TwoPartDuration.allCases[variant % TwoPartDuration.allCases.count]
    _ = NumberText.duration(text, unit: unit, twoParts: twoParts)
    _ = NumberText.amount(text)
}

/// Transcodes the bytes as UTF-16 both ways, a few bytes at a time.
func readUTF16(_ bytes: [UInt8], step: Int) {
    for bigEndian in [false, true] {
        var source = UTF16ToUTF8Source(
            base: TricklingSource(base: MemoryByteSource(bytes), step: step), bigEndian: bigEndian)
        var chunk = [UInt8](repeating: 0, count: 13)
        var total = 0
        while case let n = (try? chunk.withUnsafeMutableBytes { try source.read(into: $0) }) ?? 0, n > 0 {
            total += n
            if total > 4 * bytes.count + 8 { fatalError("UTF-16 transcoding produced too many bytes") }
        }
    }
}

/// Hands out at most `step` bytes on every other read, as a pipe may, so records straddle refills at
/// arbitrary places (a full read in between keeps long records from being re-parsed byte by byte).
struct TricklingSource: ByteSource {
    var base: MemoryByteSource
    let step: Int
    private var short = true

    init(base: MemoryByteSource, step: Int) {
        self.base = base
        self.step = step
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        short.toggle()
        let count = short ? buffer.count : min(step, buffer.count)
        return try base.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer.prefix(count)))
    }
}
