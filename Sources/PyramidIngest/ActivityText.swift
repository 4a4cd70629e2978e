import PyramidCore

/// An activity as the normalizer read it, its text values as UTF-8 where the reader holds them: the import
/// packs these for the database without making a `String` of any value (see `ExportReader.next(into:)`).
/// Valid only inside the call it is handed to.
public struct ActivityText {
    /// See `Activity` for what each value means.
    public var key: UnsafeBufferPointer<UInt8>
    public var owner: UnsafeBufferPointer<UInt8>
    public var kind: ActivityKind
    public var direction: Direction
    public var outcome: Outcome
    public var outcomeText: UnsafeBufferPointer<UInt8>
    public var outcomeSource: OutcomeSource
    public var occurredAt: Int64
    public var utcOffsetMinutes: Int
    public var durationSeconds: Int?
    public var subject: UnsafeBufferPointer<UInt8>
    public var contact: UnsafeBufferPointer<UInt8>
    public var company: UnsafeBufferPointer<UInt8>
    public var done: Bool
    public var loggedAt: Int64?
    /// The record it was read from, as it stood in the file, when that was valid UTF-8; empty otherwise (a record
    /// with a cell read as Windows-1252). Its bytes and the reader's `interpretation` give the activity.
    public var record = UnsafeBufferPointer<UInt8>(start: nil, count: 0)

    /// The activity, its text values made `String`s.
    public var activity: Activity {
        func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
        return Activity(
            key: text(key), owner: text(owner), kind: kind, direction: direction, outcome: outcome,
            outcomeText: text(outcomeText), outcomeSource: outcomeSource, occurredAt: occurredAt,
            utcOffsetMinutes: utcOffsetMinutes,
            durationSeconds: durationSeconds, subject: text(subject), contact: text(contact), company: text(company),
            done: done, loggedAt: loggedAt)
    }

    /// Days since 1970-01-01 of its local date (`Activity.localDay`).
    public var localDay: Int {
        LocalDate.daysSinceEpoch(epochSeconds: occurredAt, offsetSeconds: utcOffsetMinutes * 60)
    }
}

/// An activity record read no further than its key and owner: for an import that expects to hold it already
/// (see `ActivitySink.takesRecords`). Valid only inside the call it is handed to.
public struct ActivityRecord {
    /// The activity's key, as `ActivityText.key`.
    public var key: UnsafeBufferPointer<UInt8>
    /// Its owner, as `ActivityText.owner`.
    public var owner: UnsafeBufferPointer<UInt8>
    /// The record as it stood in the file, valid UTF-8: `ActivityRecordReader` reads the activity from it.
    public var record: UnsafeBufferPointer<UInt8>
    /// The physical line on which the record starts.
    public var line: Int
}

/// Receives the activities `ExportReader.next(into:)` reads.
public protocol ActivitySink {
    /// Takes `activity`, valid only during the call; the reader has read `bytesRead` bytes of the file so far.
    /// What it throws stops the reading. (The reader is busy during the call: ask it nothing.)
    mutating func take(_ activity: ActivityText, bytesRead: Int64) throws

    /// Whether the next activities may come as records (`take(record:bytesRead:)`), read no further than their
    /// key and owner: an import that finds the records it reads already stored as they stand reads them no
    /// further. Records that are not valid UTF-8 (whose text depends on reading a cell as Windows-1252, which the
    /// reader reports), without an id or without an owner come as activities.
    var takesRecords: Bool { get }

    /// Takes `record` (when `takesRecords`), as `take(_:bytesRead:)` takes an activity.
    mutating func take(record: ActivityRecord, bytesRead: Int64) throws
}

extension ActivitySink {
    /// Activities only.
    public var takesRecords: Bool { false }

    /// Never called when `takesRecords` is false.
    public mutating func take(record: ActivityRecord, bytesRead: Int64) throws {
        preconditionFailure("take(record:) without takesRecords")
    }
}
