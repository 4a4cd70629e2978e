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
    public var occurredAt: Int64
    public var utcOffsetMinutes: Int
    public var durationSeconds: Int?
    public var subject: UnsafeBufferPointer<UInt8>
    public var contact: UnsafeBufferPointer<UInt8>
    public var company: UnsafeBufferPointer<UInt8>
    public var done: Bool
    public var loggedAt: Int64?

    /// The activity, its text values made `String`s.
    public var activity: Activity {
        func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
        return Activity(
            key: text(key), owner: text(owner), kind: kind, direction: direction, outcome: outcome,
            outcomeText: text(outcomeText), occurredAt: occurredAt, utcOffsetMinutes: utcOffsetMinutes,
            durationSeconds: durationSeconds, subject: text(subject), contact: text(contact), company: text(company),
            done: done, loggedAt: loggedAt)
    }

    /// Days since 1970-01-01 of its local date (`Activity.localDay`).
    public var localDay: Int {
        LocalDate.daysSinceEpoch(epochSeconds: occurredAt, offsetSeconds: utcOffsetMinutes * 60)
    }
}

/// Receives the activities `ExportReader.next(into:)` reads.
public protocol ActivitySink {
    /// Takes `activity`, valid only during the call; the reader has read `bytesRead` bytes of the file so far.
    /// What it throws stops the reading. (The reader is busy during the call: ask it nothing.)
    mutating func take(_ activity: ActivityText, bytesRead: Int64) throws
}
