import Foundation
import PyramidCore

/// Turns a written date and time into a UTC instant, using the workspace time zone when the cell states
/// no offset. Offsets are cached per local hour, so a million rows ask Foundation a few thousand times.
public struct LocalTimeResolver {
    /// The workspace time zone.
    public let timeZone: TimeZone
    private var offsets: [Int64: Int] = [:]
    /// The hour looked up last: a row's times, and the next row's, are mostly in the same hour.
    private var last: (hour: Int64, offset: Int) = (.min, 0)

    /// A date with no time is placed at noon, so it stays on its day in any time zone.
    public static let dateOnlySecondsOfDay = 12 * 3600

    /// Creates a resolver for `timeZone`.
    public init(timeZone: TimeZone) { self.timeZone = timeZone }

    /// The instant (seconds since 1970 UTC) and the UTC offset in minutes that applied.
    public mutating func instant(of written: WrittenDateTime) -> (epochSeconds: Int64, offsetMinutes: Int) {
        let local =
            Int64(written.date.daysSinceEpoch) * 86_400
            + Int64(written.secondsOfDay ?? Self.dateOnlySecondsOfDay)
        if let epoch = written.epochSeconds {
            let offset = offset(forLocal: epoch)
            return (epoch, offset / 60)
        }
        if let stated = written.offsetSeconds { return (local - Int64(stated), stated / 60) }
        let offset = offset(forLocal: local)
        return (local - Int64(offset), offset / 60)
    }

    private mutating func offset(forLocal local: Int64) -> Int {
        let hour = local / 3600
        if hour == last.hour { return last.offset }
        let offset: Int
        if let cached = offsets[hour] {
            offset = cached
        } else {
            let guess = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local)))
            offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local - Int64(guess))))
            offsets[hour] = offset
        }
        last = (hour, offset)
        return offset
    }
}
