/// An ISO 8601 week such as `2026-W46`: Monday to Sunday, week 1 holds the year's first Thursday.
public struct ISOWeek: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The ISO week-numbering year (may differ from the calendar year near New Year).
    public let year: Int
    /// The week number, 1–53.
    public let week: Int

    /// The week that holds `date`.
    public init(containing date: LocalDate) {
        let thursday = date.adding(days: 4 - date.isoWeekday)
        year = thursday.year
        week = (thursday.daysSinceEpoch - LocalDate(valid: thursday.year, 1, 1).daysSinceEpoch) / 7 + 1
    }

    /// Parses `2026-W46` (also `2026W46`); nil when the text is not a week of that year.
    public init?(_ text: String) {
        let upper = text.uppercased()
        guard let w = upper.firstIndex(of: "W"), let y = Int(upper[..<w].trimmingDash()),
            let w = Int(upper[upper.index(after: w)...]), (1000...9999).contains(y), w >= 1,
            w <= ISOWeek.weeks(in: y)
        else { return nil }
        year = y
        week = w
    }

    /// The Monday that starts the week.
    public var monday: LocalDate {
        let jan4 = LocalDate(valid: year, 1, 4)
        return jan4.adding(days: 1 - jan4.isoWeekday + (week - 1) * 7)
    }

    /// The seven days of the week, Monday first.
    public var days: [LocalDate] { (0..<7).map { monday.adding(days: $0) } }

    /// The week before this one.
    public var previous: ISOWeek { ISOWeek(containing: monday.adding(days: -7)) }

    /// The week `count` weeks later (earlier when negative).
    public func adding(weeks count: Int) -> ISOWeek { ISOWeek(containing: monday.adding(days: 7 * count)) }

    /// `2026-W46`.
    public var description: String { "\(year)-W" + String(format2: week) }

    /// The number of ISO weeks in `year` (52 or 53).
    public static func weeks(in year: Int) -> Int {
        let dec28 = LocalDate(valid: year, 12, 28)
        return ISOWeek(containing: dec28).week
    }

    public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool { (lhs.year, lhs.week) < (rhs.year, rhs.week) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let week = ISOWeek(text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath, debugDescription: "'\(text)' is not an ISO week (expected 2026-W46)"
                ))
        }
        self = week
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Substring {
    fileprivate func trimmingDash() -> Substring { hasSuffix("-") ? dropLast() : self }
}
