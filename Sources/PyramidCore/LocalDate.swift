/// A calendar day with no time and no time zone, such as a close date or a day of leave.
///
/// Dates are compared and counted without Foundation's calendars: the conversions use the proleptic
/// Gregorian calendar (Howard Hinnant's `days_from_civil`), which is exact and fast.
public struct LocalDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The year, e.g. 2026.
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1–31.
    public let day: Int

    /// Creates a date when `year`, `month` and `day` name a real day, else returns nil (31 February is nil).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= LocalDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Creates a date from parts the caller knows are valid (e.g. January 4th).
    init(valid year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `daysSinceEpoch` days after 1970-01-01.
    public init(daysSinceEpoch: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
    }

    /// The calendar day of the instant `epochSeconds` (seconds since 1970 UTC) at a UTC offset of
    /// `offsetSeconds`.
    public init(epochSeconds: Int64, offsetSeconds: Int) {
        self.init(daysSinceEpoch: LocalDate.daysSinceEpoch(epochSeconds: epochSeconds, offsetSeconds: offsetSeconds))
    }

    /// The `daysSinceEpoch` of the instant `epochSeconds` at a UTC offset of `offsetSeconds`, without making
    /// the date.
    public static func daysSinceEpoch(epochSeconds: Int64, offsetSeconds: Int) -> Int {
        let local = epochSeconds + Int64(offsetSeconds)
        return Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }

    /// Parses `YYYY-MM-DD`; nil for anything else.
    public init?(iso text: String) {
        var text = text
        guard let date = text.withUTF8({ LocalDate(iso: $0) }) else { return nil }
        self = date
    }

    /// Parses `YYYY-MM-DD` from its UTF-8; nil for anything else. Byte by byte: the import reads a date or two
    /// on every row, and counting a substring's characters would run Unicode's grapheme rules over ten digits.
    public init?(iso bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        // Digits are read without a check each; a byte that is not one sets `bad`.
        var bad = false
        func number(_ positions: Range<Int>) -> Int {
            var value = 0
            for position in positions {
                let digit = bytes[position] &- UInt8(ascii: "0")
                bad = bad || digit > 9
                value = value &* 10 &+ Int(digit)
            }
            return value
        }
        let year = number(0..<4), month = number(5..<7), day = number(8..<10)
        guard !bad else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Days since 1970-01-01 (negative before).
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The ISO weekday: 1 is Monday, 7 is Sunday.
    public var isoWeekday: Int {
        let d = daysSinceEpoch
        // 1970-01-01 was a Thursday (4).
        return ((d % 7 + 7) % 7 + 3) % 7 + 1
    }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> LocalDate {
        LocalDate(daysSinceEpoch: daysSinceEpoch + count)
    }

    /// The quarter of the year, 1–4.
    public var quarter: Int { (month - 1) / 3 + 1 }

    /// `YYYY-MM-DD`.
    public var description: String {
        String(format4: year) + "-" + String(format2: month) + "-" + String(format2: day)
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The number of days in `month` of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = LocalDate(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a date (expected YYYY-MM-DD)")
            )
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension String {
    init(format2 value: Int) {
        self = value < 10 ? "0\(value)" : "\(value)"
    }

    init(format4 value: Int) {
        let text = "\(value)"
        self = text.count >= 4 ? text : "000".prefix(4 - text.count) + text
    }
}
