import PyramidCore

/// A date and time as written in a cell, before a time zone turns it into an instant.
public struct WrittenDateTime: Sendable, Hashable {
    /// The calendar day.
    public var date: LocalDate
    /// Seconds since midnight, when the cell has a time.
    public var secondsOfDay: Int?
    /// The UTC offset the cell states (`Z`, `+0000`, `+05:30`), in seconds.
    public var offsetSeconds: Int?
    /// Set for a Unix timestamp, which is an instant already.
    public var epochSeconds: Int64?
}

/// Reads the date and time formats CRM exports write, without Foundation's slow formatters.
///
/// Accepted: ISO 8601 with or without `T`, fractions and offset (`2024-01-23T17:50:51.000+0000`);
/// `YYYY-MM-DD HH:MM[:SS]`; slashed and dotted dates in either order (`1/15/2024 2:30 PM`,
/// `15/01/2024 14:30`, `15.01.2024`); month names (`Jan 15, 2024`, `15-Jan-2024`); Unix seconds and
/// milliseconds; Excel serial days (`45292.5`), as XLSX exports re-saved as CSV carry them.
public enum DateTimeText {
    /// The order of a slashed date's first two numbers, as found by `parse`.
    public enum SlashedOrder: Sendable { case unambiguous, monthFirstOnly, dayFirstOnly, either }

    private enum Token: Equatable {
        case number(Int, digits: Int)
        case word(String)
        case symbol(UInt8)
    }

    private static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
        "oct": 10, "nov": 11, "dec": 12, "january": 1, "february": 2, "march": 3, "april": 4, "june": 6,
        "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    ]
    private static let weekdays: Set<String> = [
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday",
    ]

    /// Parses `text`; nil when it is not a date this reader knows. `order` decides `03/04/2026`.
    public static func parse(_ text: String, order: DateOrder) -> WrittenDateTime? {
        var text = text
        return text.withUTF8 { parse(bytes: $0, order: order) }
    }

    /// Which orders a slashed date allows, for sniffing a file's date order; nil when `text` has none.
    public static func slashedOrder(_ text: String) -> SlashedOrder? {
        var text = text
        return text.withUTF8 { bytes -> SlashedOrder? in
            let tokens = tokenize(bytes)
            guard tokens.count >= 5, case .number(let a, let da) = tokens[0], da <= 2,
                case .symbol(let s1) = tokens[1], s1 == UInt8(ascii: "/") || s1 == UInt8(ascii: "."),
                case .number(let b, let db) = tokens[2], db <= 2
            else { return nil }
            switch (a > 12, b > 12) {
            case (true, false): return .dayFirstOnly
            case (false, true): return .monthFirstOnly
            case (false, false): return .either
            case (true, true): return .unambiguous
            }
        }
    }

    /// The year, month and day `text` is written with when they name no real day (`31/02/2026`, month 13),
    /// so a message can say what is wrong with it; nil for a real day or for text that is not shaped as a date.
    public static func impossibleDay(_ text: String, order: DateOrder) -> (year: Int, month: Int, day: Int)? {
        var text = text
        return text.withUTF8 { bytes in
            var tokens = dateTokens(bytes)
            guard let parts = takeDate(&tokens, order: order), LocalDate(parts) == nil else { return nil }
            return parts
        }
    }

    static func parse(bytes: UnsafeBufferPointer<UInt8>, order: DateOrder) -> WrittenDateTime? {
        if let iso = parseISOLocal(bytes) { return iso }
        if let numeric = parseNumeric(bytes) { return numeric }
        var tokens = dateTokens(bytes)
        guard let parts = takeDate(&tokens, order: order), let date = LocalDate(parts) else { return nil }
        var result = WrittenDateTime(date: date)
        if tokens.first == .word("t") || tokens.first == .symbol(UInt8(ascii: ",")) { tokens = tokens.dropFirst() }
        if !tokens.isEmpty {
            if case .number = tokens.first {
                guard let seconds = takeTime(&tokens) else { return nil }
                result.secondsOfDay = seconds
            }
            if !tokens.isEmpty {
                guard let offset = takeOffset(&tokens), tokens.isEmpty else { return nil }
                result.offsetSeconds = offset
            }
        }
        return result
    }

    /// The shapes most exports write, read straight from the bytes: `YYYY-MM-DD`, `YYYY-MM-DD HH:MM` and
    /// `YYYY-MM-DD HH:MM:SS` (or with `T`), no offset. Anything else, or an impossible date or time, is left to
    /// the general reader, which also gives the precise message.
    private static func parseISOLocal(_ b: UnsafeBufferPointer<UInt8>) -> WrittenDateTime? {
        let count = b.count
        guard count == 10 || count == 16 || count == 19,
            let date = LocalDate(iso: UnsafeBufferPointer(rebasing: b[0..<10]))
        else { return nil }
        guard count > 10 else { return WrittenDateTime(date: date) }
        // Two digits at `i`; a byte that is not one sets `bad`.
        var bad = false
        func twoDigits(_ i: Int) -> Int {
            let tens = b[i] &- UInt8(ascii: "0"), ones = b[i + 1] &- UInt8(ascii: "0")
            bad = bad || tens > 9 || ones > 9
            return Int(tens) * 10 + Int(ones)
        }
        guard b[10] == UInt8(ascii: " ") || b[10] == UInt8(ascii: "T"), b[13] == UInt8(ascii: ":") else { return nil }
        let hour = twoDigits(11), minute = twoDigits(14)
        var second = 0
        if count == 19 {
            guard b[16] == UInt8(ascii: ":") else { return nil }
            second = twoDigits(17)
        }
        guard !bad, hour <= 23, minute <= 59, second <= 59 else { return nil }
        return WrittenDateTime(date: date, secondsOfDay: hour * 3600 + minute * 60 + second)
    }

    private static func parseNumeric(_ bytes: UnsafeBufferPointer<UInt8>) -> WrittenDateTime? {
        var whole = 0, digits = 0, fraction = 0.0, scale = 0.1, dot = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if dot {
                    fraction += Double(byte - 48) * scale
                    scale /= 10
                } else {
                    guard digits < 15 else { return nil }
                    whole = whole * 10 + Int(byte - 48)
                    digits += 1
                }
            case UInt8(ascii: ".") where !dot: dot = true
            default: return nil
            }
        }
        guard digits > 0 else { return nil }
        if !dot && (12...13).contains(digits) {
            return epoch(Int64(whole / 1000))
        }
        if !dot && (9...10).contains(digits) { return epoch(Int64(whole)) }
        if (20_000...80_000).contains(whole) && digits == 5 {
            // Excel serial day: days since 1899-12-30, the fraction is the time of day.
            let date = LocalDate(daysSinceEpoch: whole - 25_569)
            let seconds = Int((fraction * 86_400).rounded())
            return WrittenDateTime(date: date, secondsOfDay: dot ? min(seconds, 86_399) : nil)
        }
        return nil
    }

    private static func epoch(_ seconds: Int64) -> WrittenDateTime {
        let date = LocalDate(epochSeconds: seconds, offsetSeconds: 0)
        return WrittenDateTime(
            date: date, secondsOfDay: Int(seconds - Int64(date.daysSinceEpoch) * 86_400), offsetSeconds: 0,
            epochSeconds: seconds)
    }

    /// The tokens of `bytes` with a leading weekday (`Mon, `) dropped.
    private static func dateTokens(_ bytes: UnsafeBufferPointer<UInt8>) -> ArraySlice<Token> {
        var tokens = tokenize(bytes)[...]
        if case .word(let w) = tokens.first, weekdays.contains(w) {
            tokens = tokens.dropFirst()
            if tokens.first == .symbol(UInt8(ascii: ",")) { tokens = tokens.dropFirst() }
        }
        return tokens
    }

    private static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte >= 48 && byte <= 57 {
                var value = 0, digits = 0
                while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 {
                    if digits < 12 { value = value * 10 + Int(bytes[i] - 48) }
                    digits += 1
                    i += 1
                }
                tokens.append(.number(value, digits: digits))
            } else if (byte | 0x20) >= 97 && (byte | 0x20) <= 122 {
                var word: [UInt8] = []
                while i < bytes.count, (bytes[i] | 0x20) >= 97, (bytes[i] | 0x20) <= 122 {
                    word.append(bytes[i] | 0x20)
                    i += 1
                }
                tokens.append(.word(String(decoding: word, as: UTF8.self)))
            } else {
                if byte != UInt8(ascii: " ") && byte != 9 { tokens.append(.symbol(byte)) }
                i += 1
            }
        }
        return tokens
    }

    /// The year, month and day the tokens start with, not yet checked to be a real day.
    private static func takeDate(_ tokens: inout ArraySlice<Token>, order: DateOrder)
        -> (year: Int, month: Int, day: Int)?
    {
        let t = Array(tokens.prefix(6))
        // YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD
        if t.count >= 5, case .number(let y, 4) = t[0], case .symbol(let s1) = t[1], case .number(let m, _) = t[2],
            case .symbol(let s2) = t[3], s1 == s2, case .number(let d, _) = t[4]
        {
            tokens = tokens.dropFirst(5)
            return (y, m, d)
        }
        // 15/01/2024, 1/15/24, 15.01.2024
        if t.count >= 5, case .number(let a, let da) = t[0], da <= 2, case .symbol(let s1) = t[1],
            case .number(let b, let db) = t[2], db <= 2, case .symbol(let s2) = t[3], s1 == s2,
            case .number(let y, let dy) = t[4], dy == 4 || dy == 2
        {
            tokens = tokens.dropFirst(5)
            let year = dy == 2 ? 2000 + y : y
            let dayFirst: Bool
            switch order {
            case .dayFirst: dayFirst = true
            case .monthFirst: dayFirst = false
            case .auto: dayFirst = s1 == UInt8(ascii: ".") || a > 12
            }
            return dayFirst ? (year, b, a) : (year, a, b)
        }
        // Jan 15, 2024 / January 15 2024
        if t.count >= 3, case .word(let w) = t[0], let m = months[w], case .number(let d, let dd) = t[1], dd <= 2 {
            var rest = tokens.dropFirst(2)
            if rest.first == .symbol(UInt8(ascii: ",")) { rest = rest.dropFirst() }
            guard case .number(let y, 4) = rest.first else { return nil }
            tokens = rest.dropFirst()
            return (y, m, d)
        }
        // 15 Jan 2024 / 15-Jan-2024
        if t.count >= 3, case .number(let d, let dd) = t[0], dd <= 2 {
            var rest = tokens.dropFirst()
            if case .symbol = rest.first { rest = rest.dropFirst() }
            guard case .word(let w) = rest.first, let m = months[w] else { return nil }
            rest = rest.dropFirst()
            if case .symbol = rest.first { rest = rest.dropFirst() }
            guard case .number(let y, let dy) = rest.first, dy == 4 || dy == 2 else { return nil }
            tokens = rest.dropFirst()
            return (dy == 2 ? 2000 + y : y, m, d)
        }
        return nil
    }

    private static func takeTime(_ tokens: inout ArraySlice<Token>) -> Int? {
        guard case .number(var hour, let dh) = tokens.first, dh <= 2 else { return nil }
        tokens = tokens.dropFirst()
        var minute = 0, second = 0
        if tokens.first == .symbol(UInt8(ascii: ":")) {
            guard case .number(let m, 2) = tokens.dropFirst().first else { return nil }
            minute = m
            tokens = tokens.dropFirst(2)
            if tokens.first == .symbol(UInt8(ascii: ":")) {
                guard case .number(let s, 2) = tokens.dropFirst().first else { return nil }
                second = s
                tokens = tokens.dropFirst(2)
                if tokens.first == .symbol(UInt8(ascii: ".")), case .number = tokens.dropFirst().first {
                    tokens = tokens.dropFirst(2)
                }
            }
        } else if case .word = tokens.first {
            // "2 PM"
        } else {
            return nil
        }
        if case .word(let w) = tokens.first, w == "am" || w == "pm" {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (w == "pm" ? 12 : 0)
            tokens = tokens.dropFirst()
        }
        guard hour <= 23 || (hour == 24 && minute == 0 && second == 0), minute <= 59, second <= 60 else { return nil }
        return min(hour * 3600 + minute * 60 + second, 86_399)
    }

    private static func takeOffset(_ tokens: inout ArraySlice<Token>) -> Int? {
        switch tokens.first {
        case .word(let w) where w == "z" || w == "utc" || w == "gmt":
            tokens = tokens.dropFirst()
            if tokens.isEmpty { return 0 }
            return takeOffset(&tokens)
        case .symbol(let s) where s == UInt8(ascii: "+") || s == UInt8(ascii: "-"):
            let sign = s == UInt8(ascii: "-") ? -1 : 1
            tokens = tokens.dropFirst()
            guard case .number(let n, let digits) = tokens.first else { return nil }
            tokens = tokens.dropFirst()
            var hours = n, minutes = 0
            if digits == 4 {
                hours = n / 100
                minutes = n % 100
            } else if digits <= 2, tokens.first == .symbol(UInt8(ascii: ":")),
                case .number(let m, 2) = tokens.dropFirst().first
            {
                minutes = m
                tokens = tokens.dropFirst(2)
            } else if digits > 2 {
                return nil
            }
            guard hours <= 14, minutes <= 59 else { return nil }
            return sign * (hours * 3600 + minutes * 60)
        default:
            return nil
        }
    }
}

extension LocalDate {
    /// The day `parts` name, when it is a real one.
    fileprivate init?(_ parts: (year: Int, month: Int, day: Int)) {
        self.init(year: parts.year, month: parts.month, day: parts.day)
    }
}
