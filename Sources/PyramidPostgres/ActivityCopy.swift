import NIOCore
import PyramidCore
import PyramidStore

/// An import's activities as rows of PostgreSQL's `COPY … FROM STDIN` text format: tab-separated, one row a
/// line, `\N` for NULL, and a backslash before each tab, newline, carriage return and backslash in a value.
///
/// The rows come packed as the reading thread hands them over (`ActivityBatch`), and go either to the staging
/// table a merge reads (`Target.staged`) or, into an empty workspace, straight to `activity` (`Target.activity`).
struct ActivityCopy {
    /// Where the rows go, and so which columns each lists.
    enum Target {
        /// The staging table: the row's place among the file's activities, and its owner's among the file's owner
        /// names (`staged_owner` says which owner row that is).
        case staged
        /// The activity table of the import `importID`: the row's id, and its owner row.
        case activity(importID: Int64)

        /// The columns each row lists, in order.
        var columns: [String] {
            switch self {
            case .staged: ["seq", "key", "owner_number"] + ActivityCopy.valueColumns
            case .activity: ["id", "key", "owner_id"] + ActivityCopy.valueColumns + ["import_id"]
            }
        }
    }

    /// The columns after the first three, the same in both targets.
    static let valueColumns = [
        "local_day", "kind", "direction", "outcome", "done", "duration", "occurred_at", "utc_offset", "logged_at",
        "outcome_text", "subject", "contact", "company", "outcome_from_words", "digest",
    ]

    let target: Target
    /// The rows written so far and not yet handed over: `count` of `capacity` bytes. Written through a pointer,
    /// which cost a third of what `ByteBuffer`'s checked writes of a byte or a few at a time did.
    private var storage: Storage
    private var bytes: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    /// How many bytes to gather before handing them over.
    static let chunkBytes = 1 << 20

    /// Owns the memory `bytes` points into.
    private final class Storage {
        let bytes: UnsafeMutablePointer<UInt8>
        init(capacity: Int) { bytes = .allocate(capacity: capacity) }
        deinit { bytes.deallocate() }
    }

    init(_ target: Target) {
        self.target = target
        capacity = Self.chunkBytes + (1 << 16)
        storage = Storage(capacity: capacity)
        bytes = storage.bytes
    }

    var isFull: Bool { count >= Self.chunkBytes }
    var isEmpty: Bool { count == 0 }

    /// Hands the gathered rows over, leaving the buffer empty.
    mutating func take() -> ByteBuffer {
        defer { count = 0 }
        return ByteBufferAllocator().buffer(bytes: UnsafeRawBufferPointer(start: bytes, count: count))
    }

    /// Appends `row` of `batch`: `first` is its seq or id, `owner` its owner's number or owner row (see `Target`),
    /// and `ownerName` the UTF-8 of the name the file gives its owner (part of the digest).
    mutating func append(
        _ row: ActivityBatch.Row, of batch: ActivityBatch, first: Int64, owner: Int64,
        ownerName: UnsafeBufferPointer<UInt8>
    ) {
        // Each text byte takes three at most (a NUL written as U+FFFD), each number 21 with its tab.
        reserve(3 * Int(row.textEnds[ActivityBatch.textFields - 1]) + 16 * 21)
        var digest = Digest()
        digest.add(ownerName)
        number(first)
        text(batch.text(0, of: row))
        number(owner)
        number(Int64(row.day), into: &digest)
        for field in 1...3 { text(batch.text(field, of: row), into: &digest) }
        flag(row.done, into: &digest)
        optionalNumber(row.duration.map(Int64.init), into: &digest)
        number(row.occurredAt, into: &digest)
        number(Int64(row.utcOffsetMinutes), into: &digest)
        optionalNumber(row.loggedAt, into: &digest)
        for field in 4...7 { text(batch.text(field, of: row), into: &digest) }
        flag(row.outcomeSource == .words, into: &digest)
        writeDecimal(Int64(bitPattern: digest.value))
        if case .activity(let importID) = target {
            put(UInt8(ascii: "\t"))
            writeDecimal(importID)
        }
        put(UInt8(ascii: "\n"))
    }

    private mutating func reserve(_ more: Int) {
        guard count + more > capacity else { return }
        capacity = count + more + Self.chunkBytes
        let grown = Storage(capacity: capacity)
        grown.bytes.initialize(from: bytes, count: count)
        storage = grown
        bytes = grown.bytes
    }

    private mutating func put(_ byte: UInt8) {
        bytes[count] = byte
        count += 1
    }

    private mutating func put(_ text: UnsafeBufferPointer<UInt8>) {
        guard let source = text.baseAddress else { return }
        (bytes + count).initialize(from: source, count: text.count)
        count += text.count
    }

    private mutating func number(_ value: Int64) {
        writeDecimal(value)
        put(UInt8(ascii: "\t"))
    }

    private mutating func number(_ value: Int64, into digest: inout Digest) {
        digest.add(value)
        number(value)
    }

    private mutating func optionalNumber(_ value: Int64?, into digest: inout Digest) {
        if let value {
            number(value, into: &digest)
        } else {
            digest.addNull()
            put(UInt8(ascii: "\\"))
            put(UInt8(ascii: "N"))
            put(UInt8(ascii: "\t"))
        }
    }

    private mutating func flag(_ value: Bool, into digest: inout Digest) {
        digest.add(value ? 1 : 0)
        put(value ? UInt8(ascii: "t") : UInt8(ascii: "f"))
        put(UInt8(ascii: "\t"))
    }

    private mutating func text(_ value: UnsafeBufferPointer<UInt8>, into digest: inout Digest) {
        digest.add(value)
        text(value)
    }

    /// Writes `value` escaped, a run of ordinary bytes at a time (most values have no byte to escape).
    private mutating func text(_ value: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for index in 0..<value.count {
            guard let escape = Self.escape(value[index]) else { continue }
            put(UnsafeBufferPointer(rebasing: value[runStart..<index]))
            if escape == 0 {
                // PostgreSQL's text holds no NUL (the reader drops them; should one come, it is stored as U+FFFD).
                put(0xEF)
                put(0xBF)
                put(0xBD)
            } else {
                put(UInt8(ascii: "\\"))
                put(escape)
            }
            runStart = index + 1
        }
        put(UnsafeBufferPointer(rebasing: value[runStart...]))
        put(UInt8(ascii: "\t"))
    }

    /// What `COPY`'s text format writes after a backslash for `byte` (`\\`, `t`, `n`, `r`), 0 for a NUL (written as
    /// U+FFFD: PostgreSQL's text holds none), nil for a byte written as it stands.
    @inline(__always)
    static func escape(_ byte: UInt8) -> UInt8? {
        // Only these bytes are below 0x5D and escaped: tab, newline, carriage return, NUL and backslash.
        guard byte <= UInt8(ascii: "\\") else { return nil }
        switch byte {
        case UInt8(ascii: "\\"): return UInt8(ascii: "\\")
        case UInt8(ascii: "\t"): return UInt8(ascii: "t")
        case UInt8(ascii: "\n"): return UInt8(ascii: "n")
        case UInt8(ascii: "\r"): return UInt8(ascii: "r")
        case 0: return 0
        default: return nil
        }
    }

    /// Writes `value` in decimal without making a `String`.
    private mutating func writeDecimal(_ value: Int64) {
        var magnitude = value.magnitude
        if value < 0 { put(UInt8(ascii: "-")) }
        var digits = 1
        var scale: UInt64 = 10
        while digits < 20, magnitude >= scale {
            digits += 1
            scale &*= 10
        }
        var end = count + digits
        count = end
        repeat {
            end -= 1
            bytes[end] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
    }

    /// FNV-1a over the stored values, each closed by a byte no UTF-8 text holds, so that "ab","c" and "a","bc"
    /// differ: the same on every machine and in every process (Swift's `Hasher` is seeded per process).
    struct Digest {
        private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

        private mutating func byte(_ byte: UInt8) {
            value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }

        mutating func add(_ text: UnsafeBufferPointer<UInt8>) {
            for unit in text { byte(unit) }
            byte(0xFF)
        }

        mutating func add(_ number: Int64) {
            var number = UInt64(bitPattern: number)
            for _ in 0..<8 {
                byte(UInt8(truncatingIfNeeded: number))
                number >>= 8
            }
            byte(0xFE)
        }

        mutating func addNull() {
            byte(0xFD)
        }
    }
}
