import PyramidCore

/// Activities in the form the import's writer binds them: numbers in place, every text value's UTF-8 in one
/// buffer. The reading thread packs them (see `RowPipeline`), so the writing thread, the import's bottleneck,
/// neither copies nor releases a `String`.
struct ActivityBatch {
    /// The text values, in the order the writer binds them (`ActivityWriter`'s column order).
    static let textFields = 8

    /// One activity.
    struct Row {
        /// Days since 1970-01-01 of its local date.
        var day: Int
        /// Its owner's place among the owner names the import has met, in the order it met them.
        var owner: Int
        var kind: ActivityKind
        var direction: Direction
        var outcome: Outcome
        var done: Bool
        var duration: Int?
        var occurredAt: Int64
        var utcOffsetMinutes: Int
        var loggedAt: Int64?
        /// Where its text values start in the batch's `text`, and where each ends: key, kind, direction,
        /// outcome, outcome text, subject, contact and company, one after the other.
        var textStart: Int
        var textEnds: SIMD8<Int32>

        /// Where text value `field` (0 ..< `textFields`) lies in the batch's `text`.
        func text(_ field: Int) -> Range<Int> {
            textStart + (field == 0 ? 0 : Int(textEnds[field - 1]))..<textStart + Int(textEnds[field])
        }
    }

    private(set) var rows: [Row] = []
    private(set) var text: [UInt8] = []

    var count: Int { rows.count }
    var isEmpty: Bool { rows.isEmpty }

    /// Packs `activity`, whose owner is the import's `owner`th.
    mutating func append(_ activity: Activity, owner: Int) {
        let start = text.count
        var ends = SIMD8<Int32>()
        func put(_ value: String, _ field: Int) {
            text.append(contentsOf: value.utf8)
            ends[field] = Int32(text.count - start)
        }
        put(activity.key, 0)
        put(activity.kind.rawValue, 1)
        put(activity.direction.rawValue, 2)
        put(activity.outcome.rawValue, 3)
        put(activity.outcomeText, 4)
        put(activity.subject, 5)
        put(activity.contact, 6)
        put(activity.company, 7)
        rows.append(
            Row(
                day: activity.localDay, owner: owner, kind: activity.kind, direction: activity.direction,
                outcome: activity.outcome, done: activity.done, duration: activity.durationSeconds,
                occurredAt: activity.occurredAt, utcOffsetMinutes: activity.utcOffsetMinutes,
                loggedAt: activity.loggedAt, textStart: start, textEnds: ends))
    }

    /// Copies `row` of `batch` to the end of this one.
    mutating func append(_ row: Row, of batch: ActivityBatch) {
        var copy = row
        copy.textStart = text.count
        let length = Int(row.textEnds[Self.textFields - 1])
        text.append(contentsOf: batch.text[row.textStart..<row.textStart + length])
        rows.append(copy)
    }

    /// Calls `body` with the text buffer, whose bytes stay where they are until it returns.
    func withText<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try text.withUnsafeBufferPointer(body)
    }

    mutating func removeAll() {
        rows.removeAll(keepingCapacity: true)
        text.removeAll(keepingCapacity: true)
    }
}
