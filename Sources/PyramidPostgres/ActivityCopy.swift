import NIOCore
import PyramidCore

/// An import's activities as rows of PostgreSQL's `COPY … FROM STDIN` text format, for the staging table
/// (`columns`): tab-separated, one row a line, `\N` for NULL, and a backslash before each tab, newline, carriage
/// return and backslash in a value.
struct ActivityCopy {
    /// The staging table's columns, in the order each row lists them.
    static let columns = [
        "seq", "key", "owner_name", "local_day", "kind", "direction", "outcome", "done", "duration", "occurred_at",
        "utc_offset", "logged_at", "outcome_text", "subject", "contact", "company", "outcome_from_words", "digest",
    ]

    /// The rows written so far and not yet handed over.
    var buffer: ByteBuffer
    /// How many bytes to gather before handing them over.
    static let chunkBytes = 1 << 20

    init() {
        buffer = ByteBufferAllocator().buffer(capacity: Self.chunkBytes + 4096)
    }

    var isFull: Bool { buffer.readableBytes >= Self.chunkBytes }

    /// Hands the gathered rows over, leaving the buffer empty.
    mutating func take() -> ByteBuffer {
        let full = buffer
        buffer = ByteBufferAllocator().buffer(capacity: Self.chunkBytes + 4096)
        return full
    }

    /// Appends `activity`, the file's `seq`th activity (from 0).
    mutating func append(_ activity: Activity, seq: Int) {
        var digest = Digest()
        number(seq)
        text(activity.key)
        text(activity.owner, into: &digest)
        number(activity.localDay, into: &digest)
        text(activity.kind.rawValue, into: &digest)
        text(activity.direction.rawValue, into: &digest)
        text(activity.outcome.rawValue, into: &digest)
        flag(activity.done, into: &digest)
        optionalNumber(activity.durationSeconds.map(Int64.init), into: &digest)
        number(activity.occurredAt, into: &digest)
        number(activity.utcOffsetMinutes, into: &digest)
        optionalNumber(activity.loggedAt, into: &digest)
        text(activity.outcomeText, into: &digest)
        text(activity.subject, into: &digest)
        text(activity.contact, into: &digest)
        text(activity.company, into: &digest)
        flag(activity.outcomeSource == .words, into: &digest)
        buffer.writeString(String(Int64(bitPattern: digest.value)))
        buffer.writeInteger(UInt8(ascii: "\n"))
    }

    private mutating func separate() {
        buffer.writeInteger(UInt8(ascii: "\t"))
    }

    private mutating func number(_ value: Int) {
        buffer.writeString(String(value))
        separate()
    }

    private mutating func number<Value: BinaryInteger>(_ value: Value, into digest: inout Digest) {
        digest.add(Int64(value))
        buffer.writeString(String(value))
        separate()
    }

    private mutating func optionalNumber(_ value: Int64?, into digest: inout Digest) {
        if let value {
            number(value, into: &digest)
        } else {
            digest.addNull()
            buffer.writeString("\\N")
            separate()
        }
    }

    private mutating func flag(_ value: Bool, into digest: inout Digest) {
        digest.add(value ? 1 : 0)
        buffer.writeString(value ? "t" : "f")
        separate()
    }

    private mutating func text(_ value: String, into digest: inout Digest) {
        digest.add(value)
        text(value)
    }

    private mutating func text(_ value: String) {
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
            case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
            case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
            case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
            // PostgreSQL's text holds no NUL: one is stored as U+FFFD, as a reader shows an unreadable byte.
            case 0: buffer.writeStaticString("\u{FFFD}")
            default: buffer.writeInteger(byte)
            }
        }
        separate()
    }

    /// FNV-1a over the stored values, each closed by a byte no UTF-8 text holds, so that "ab","c" and "a","bc"
    /// differ: the same on every machine and in every process (Swift's `Hasher` is seeded per process).
    struct Digest {
        private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

        private mutating func byte(_ byte: UInt8) {
            value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }

        mutating func add(_ text: String) {
            for unit in text.utf8 { byte(unit) }
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
