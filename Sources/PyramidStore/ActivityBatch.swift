import PyramidCore
import PyramidIngest

/// Activities in the form the import's writer binds them: numbers in place, every text value's UTF-8 in one
/// buffer. The reading thread packs them as the reader hands them over (see `RowPipeline`), so neither thread
/// makes, copies or releases a `String` per activity (only when the owner's name changes, or a row has no id).
///
/// A row may also be an activity record read no further than its key and owner (`isRecord`, see
/// `ActivitySink.takesRecords`): its text is then its key and the record's bytes.
///
/// A class, filled by one thread and then handed to another: a batch handed over is not appended to again.
package final class ActivityBatch: @unchecked Sendable {
    /// The text values, in the order the writer binds them (`ActivityWriter`'s column order).
    package static let textFields = 8

    /// One activity.
    package struct Row {
        /// Days since 1970-01-01 of its local date.
        package var day: Int
        /// Its owner's place among the owner names the import has met, in the order it met them.
        package var owner: Int
        package var kind: ActivityKind
        package var direction: Direction
        package var outcome: Outcome
        package var outcomeSource: OutcomeSource
        package var done: Bool
        package var duration: Int?
        package var occurredAt: Int64
        package var utcOffsetMinutes: Int
        package var loggedAt: Int64?
        /// Where its text values start in the batch's `text`, and where each ends: key, kind, direction,
        /// outcome, outcome text, subject, contact and company, one after the other.
        package var textStart: Int
        package var textEnds: SIMD8<Int32>
        /// The digest of its values but key and owner (see `ActivityDigest.content`); 0 for a record, and when
        /// the batch was packed without digests.
        package var contentDigest: UInt64
        /// The digest of the record it was read from (`ActivityDigest.source`); nil when that is not known.
        package var sourceDigest: Int64?
        /// Whether it is a record read no further than its key and owner: its text is its key (value 0) and the
        /// record's bytes (value 1), and its other values are not known.
        package var isRecord: Bool
        /// The physical line its record starts on, for a record.
        package var line: Int

        /// Whether it names a contact (text value 6).
        package var hasContact: Bool { textEnds[6] > textEnds[5] }

        /// Where text value `field` (0 ..< `textFields`) lies in the batch's `text`.
        package func text(_ field: Int) -> Range<Int> {
            textStart + (field == 0 ? 0 : Int(textEnds[field - 1]))..<textStart + Int(textEnds[field])
        }
    }

    package private(set) var rows: [Row] = []
    /// The text values' bytes: `textCount` of `textCapacity` used. Copied in place, because Array's
    /// `append(contentsOf:)` costs more than the copy itself for values this short.
    private var text: UnsafeMutablePointer<UInt8>
    private var textCount = 0
    private var textCapacity: Int

    /// An empty batch with room for `rows` rows and `textCapacity` bytes of text before it grows.
    package init(rows: Int = 0, textCapacity: Int = 1 << 16) {
        self.rows.reserveCapacity(rows)
        self.textCapacity = textCapacity
        text = .allocate(capacity: textCapacity)
    }

    deinit { text.deallocate() }

    package var count: Int { rows.count }
    package var isEmpty: Bool { rows.isEmpty }

    /// Packs `activity`, whose owner is the import's `owner`th, read under the interpretation digested in
    /// `sourceSeed` (see `ActivityDigest.source`); without a seed, with neither of its digests (`contentDigest` 0,
    /// `sourceDigest` nil), for a writer that keeps none of them.
    func append(_ activity: ActivityText, owner: Int, sourceSeed: UInt64?) {
        let kind = Vocabularies.kinds.text(of: activity.kind)
        let direction = Vocabularies.directions.text(of: activity.direction)
        let outcome = Vocabularies.outcomes.text(of: activity.outcome)
        // Room is made once, and the values are copied through a local pointer: each use of a class's stored
        // property would be checked for exclusive access.
        reserve(
            activity.key.count + kind.count + direction.count + outcome.count + activity.outcomeText.count
                + activity.subject.count + activity.contact.count + activity.company.count)
        let start = textCount
        let base = text + start
        var next = base
        var ends = SIMD8<Int32>()
        func put(_ value: UnsafeBufferPointer<UInt8>, _ field: Int) {
            if let source = value.baseAddress {
                next.initialize(from: source, count: value.count)
                next += value.count
            }
            ends[field] = Int32(next - base)
        }
        put(activity.key, 0)
        put(kind, 1)
        put(direction, 2)
        put(outcome, 3)
        put(activity.outcomeText, 4)
        put(activity.subject, 5)
        put(activity.contact, 6)
        put(activity.company, 7)
        textCount = start + Int(ends[7])
        let day = activity.localDay
        var digest: UInt64 = 0
        var sourceDigest: Int64?
        if let sourceSeed {
            // The values after the key, and where each ends among them.
            let keyEnd = ends[0]
            var valueEnds = SIMD8<Int32>()
            for field in 0..<ActivityDigest.textValues { valueEnds[field] = ends[field + 1] - keyEnd }
            digest = ActivityDigest.content(
                day: day, done: activity.done, duration: activity.durationSeconds,
                outcomeFromWords: activity.outcomeSource == .words,
                occurredAt: activity.occurredAt, utcOffsetMinutes: activity.utcOffsetMinutes,
                loggedAt: activity.loggedAt,
                texts: UnsafeBufferPointer(start: base + Int(keyEnd), count: Int(ends[7] - keyEnd)),
                ends: valueEnds)
            if !activity.record.isEmpty { sourceDigest = ActivityDigest.source(activity.record, seed: sourceSeed) }
        }
        rows.append(
            Row(
                day: day, owner: owner, kind: activity.kind, direction: activity.direction,
                outcome: activity.outcome, outcomeSource: activity.outcomeSource, done: activity.done,
                duration: activity.durationSeconds,
                occurredAt: activity.occurredAt, utcOffsetMinutes: activity.utcOffsetMinutes,
                loggedAt: activity.loggedAt, textStart: start, textEnds: ends, contentDigest: digest,
                sourceDigest: sourceDigest,
                isRecord: false, line: 0))
    }

    /// Packs `record`, whose owner is the import's `owner`th, read under the interpretation digested in
    /// `sourceSeed`.
    func append(_ record: ActivityRecord, owner: Int, sourceSeed: UInt64) {
        let start = textCount
        append(record.key)
        append(record.record)
        var ends = SIMD8<Int32>(repeating: Int32(textCount - start))
        ends[0] = Int32(record.key.count)
        rows.append(
            Row(
                day: 0, owner: owner, kind: .other, direction: .outbound, outcome: .unknown,
                outcomeSource: .export, done: false,
                duration: nil, occurredAt: 0, utcOffsetMinutes: 0, loggedAt: nil, textStart: start, textEnds: ends,
                contentDigest: 0, sourceDigest: ActivityDigest.source(record.record, seed: sourceSeed), isRecord: true,
                line: record.line))
    }

    /// The bytes of text value `field` of `row`.
    package func text(_ field: Int, of row: Row) -> UnsafeBufferPointer<UInt8> {
        let range = row.text(field)
        return UnsafeBufferPointer(start: text + range.lowerBound, count: range.count)
    }

    /// Copies `row` of `batch` to the end of this one.
    package func append(_ row: Row, of batch: ActivityBatch) {
        var copy = row
        copy.textStart = textCount
        append(UnsafeBufferPointer(start: batch.text + row.textStart, count: Int(row.textEnds[Self.textFields - 1])))
        rows.append(copy)
    }

    /// Appends `row`, whose text values are `text` (all of them, back to back).
    func append(_ row: Row, text bytes: UnsafeBufferPointer<UInt8>) {
        var copy = row
        copy.textStart = textCount
        append(bytes)
        rows.append(copy)
    }

    /// The text buffer, whose bytes stay where they are until the batch is appended to or cleared.
    var textBytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: text, count: textCount) }

    package func removeAll() {
        rows.removeAll(keepingCapacity: true)
        textCount = 0
    }

    private func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        reserve(bytes.count)
        (text + textCount).initialize(from: source, count: bytes.count)
        textCount += bytes.count
    }

    /// Makes room for `count` more bytes of text.
    private func reserve(_ count: Int) {
        guard textCount + count > textCapacity else { return }
        let capacity = max(2 * textCapacity, textCount + count)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.initialize(from: text, count: textCount)
        text.deallocate()
        text = grown
        textCapacity = capacity
    }
}
