import NIOCore
import PyramidCore
import PyramidStore

/// An import's activities as rows of PostgreSQL's `COPY … FROM STDIN` text format (`CopyText`).
///
/// The rows come packed as the reading thread hands them over (`ActivityBatch`), and go either to the staging
/// table a merge reads (`Target.staged`) or, into an empty workspace, straight to `activity` (`Target.activity`).
struct ActivityCopy {
    /// Where the rows go, and so which columns each lists.
    enum Target {
        /// The staging table: the row's place among the file's activities, its owner's among the file's owner
        /// names (`staged_owner` says which owner row that is), and last whether the file may have given its key
        /// before (`ActivityMerge`).
        case staged
        /// The activity table of the import `importID`: the row's id, and its owner row.
        case activity(importID: Int64)

        /// The columns each row lists, in order.
        var columns: [String] {
            switch self {
            case .staged: ["seq", "key", "owner_number"] + ActivityCopy.valueColumns + ["maybe_repeat"]
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
    /// The rows written and not yet handed over.
    private var rows = CopyText()

    init(_ target: Target) {
        self.target = target
    }

    var isFull: Bool { rows.isFull }
    var isEmpty: Bool { rows.isEmpty }

    /// Hands the gathered rows over, leaving the buffer empty.
    mutating func take() -> ByteBuffer { rows.take() }

    /// Appends `row` of `batch`: `first` is its seq or id, `owner` its owner's number or owner row (see `Target`),
    /// `ownerName` the UTF-8 of the name the file gives its owner (part of the digest), and `maybeRepeat` whether
    /// the file may have given its key before (the staging table's last column).
    mutating func append(
        _ row: ActivityBatch.Row, of batch: ActivityBatch, first: Int64, owner: Int64,
        ownerName: UnsafeBufferPointer<UInt8>, maybeRepeat: Bool = false
    ) {
        // Each text byte takes three at most (a NUL written as U+FFFD), each number 21 with its tab.
        rows.reserve(3 * Int(row.textEnds[ActivityBatch.textFields - 1]) + 16 * 21)
        var digest = Digest()
        digest.add(ownerName)
        rows.number(first)
        rows.text(batch.text(0, of: row))
        rows.number(owner)
        number(Int64(row.day), into: &digest)
        for field in 1...3 { text(batch.text(field, of: row), into: &digest) }
        flag(row.done, into: &digest)
        optionalNumber(row.duration.map(Int64.init), into: &digest)
        number(row.occurredAt, into: &digest)
        number(Int64(row.utcOffsetMinutes), into: &digest)
        optionalNumber(row.loggedAt, into: &digest)
        for field in 4...7 { text(batch.text(field, of: row), into: &digest) }
        flag(row.outcomeSource == .words, into: &digest)
        rows.number(Int64(bitPattern: digest.value))
        switch target {
        case .activity(let importID): rows.last(importID)
        case .staged: rows.last(maybeRepeat)
        }
    }

    private mutating func number(_ value: Int64, into digest: inout Digest) {
        digest.add(value)
        rows.number(value)
    }

    private mutating func optionalNumber(_ value: Int64?, into digest: inout Digest) {
        if let value {
            number(value, into: &digest)
        } else {
            digest.addNull()
            rows.null()
        }
    }

    private mutating func flag(_ value: Bool, into digest: inout Digest) {
        digest.add(value ? 1 : 0)
        rows.flag(value)
    }

    private mutating func text(_ value: UnsafeBufferPointer<UInt8>, into digest: inout Digest) {
        digest.add(value)
        rows.text(value)
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
