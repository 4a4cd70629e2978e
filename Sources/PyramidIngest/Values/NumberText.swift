import Foundation

/// Reads durations and money amounts as exports write them.
public enum NumberText {
    /// The longest duration read: a year. Anything longer is a typo or a timestamp in the wrong column, and
    /// would overflow the sums a report makes.
    public static let maximumDurationSeconds = 366 * 86_400

    /// Seconds from `"95"`, `"95.4"` (in `unit`), `"01:35"` (MM:SS, or HH:MM when `twoParts` says),
    /// `"1:02:03"` (HH:MM:SS), `"2 min"`, `"1h 5m"`, `"90 s"`, `"1.5 hours"`; nil when it is none of those,
    /// negative or longer than `maximumDurationSeconds`.
    public static func duration(_ text: String, unit: DurationUnit, twoParts: TwoPartDuration = .minutesSeconds)
        -> Int?
    {
        var text = text
        return text.withUTF8 { duration(bytes: $0, unit: unit, twoParts: twoParts) }
    }

    /// `duration(_:unit:twoParts:)` of UTF-8 `bytes`: the usual digits-and-colons durations are read from the
    /// bytes, the rest as text.
    static func duration(bytes: UnsafeBufferPointer<UInt8>, unit: DurationUnit, twoParts: TwoPartDuration) -> Int? {
        if let seconds = clockDuration(bytes, unit: unit, twoParts: twoParts) {
            return seconds <= maximumDurationSeconds ? seconds : nil
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !trimmed.isEmpty, !trimmed.hasPrefix("-") else { return nil }
        if let value = Double(trimmed), value.isFinite {
            switch unit {
            case .seconds: return wholeSeconds(value)
            case .milliseconds: return wholeSeconds(value / 1000)
            case .minutes: return wholeSeconds(value * 60)
            }
        }
        if trimmed.contains(":") {
            let parts = trimmed.split(separator: ":", omittingEmptySubsequences: false)
            guard (2...3).contains(parts.count) else { return nil }
            var numbers: [Double] = []
            for part in parts {
                guard let n = Double(part), n >= 0, n.isFinite else { return nil }
                numbers.append(n)
            }
            if numbers.count == 2 {
                let factor: Double = twoParts == .hoursMinutes ? 3600 : 60
                return wholeSeconds(numbers[0] * factor + numbers[1] * factor / 60)
            }
            return wholeSeconds(numbers[0] * 3600 + numbers[1] * 60 + numbers[2])
        }
        // "1h 5m 3s", "2 min", "90 sec", "1.5 hours"
        var total = 0.0
        var number = ""
        var unitWord = ""
        var found = false
        func flush() -> Bool {
            guard !number.isEmpty else { return unitWord.isEmpty }
            guard let n = Double(number) else { return false }
            let factor: Double
            switch unitWord {
            case "h", "hr", "hrs", "hour", "hours": factor = 3600
            case "m", "min", "mins", "minute", "minutes": factor = 60
            case "s", "sec", "secs", "second", "seconds", "": factor = 1
            case "ms": factor = 0.001
            default: return false
            }
            total += n * factor
            found = true
            number = ""
            unitWord = ""
            return true
        }
        for character in trimmed {
            if character.isNumber || character == "." {
                if !unitWord.isEmpty { guard flush() else { return nil } }
                number.append(character)
            } else if character.isLetter {
                unitWord.append(character)
            } else if character == " " || character == "," {
                continue
            } else {
                return nil
            }
        }
        guard flush(), found else { return nil }
        return wholeSeconds(total)
    }

    /// `seconds` rounded, or nil when it is not a duration Pyramid keeps (`Int(1e300)` would trap).
    private static func wholeSeconds(_ seconds: Double) -> Int? {
        guard seconds.isFinite, seconds >= 0, seconds <= Double(maximumDurationSeconds) else { return nil }
        return Int(seconds.rounded())
    }

    /// The common shapes read straight from the bytes: `95` and `1:02:03` / `01:35`; nil for anything else.
    private static func clockDuration(
        _ bytes: UnsafeBufferPointer<UInt8>, unit: DurationUnit, twoParts: TwoPartDuration
    ) -> Int? {
        // The parts before the last, in locals (no array): this runs for every row of a calls export.
        var first = 0
        var second = 0
        var count = 0
        var current = 0
        var digits = 0
        for byte in bytes {
            if byte >= 48 && byte <= 57 {
                guard digits < 9 else { return nil }
                current = current * 10 + Int(byte - 48)
                digits += 1
            } else if byte == UInt8(ascii: ":"), digits > 0, count < 2 {
                if count == 0 { first = current } else { second = current }
                count += 1
                current = 0
                digits = 0
            } else {
                return nil
            }
        }
        guard digits > 0 else { return nil }
        switch count {
        case 0:
            switch unit {
            case .seconds: return current
            case .milliseconds: return (current + 500) / 1000
            case .minutes: return current * 60
            }
        case 1:
            return twoParts == .hoursMinutes ? first * 3600 + current * 60 : first * 60 + current
        default:
            return first * 3600 + second * 60 + current
        }
    }

    /// An amount in minor units (cents) from `"1,234.50"`, `"1.234,50"`, `"USD 1,234.00"`, `"$1234"`,
    /// `"1 234,50 €"`, `"(500.00)"`; nil when it is not a number. The currency code, when written, is returned.
    public static func amount(_ text: String) -> (cents: Int64, currency: String)? {
        var digitsAndSeparators = ""
        var letters = ""
        var negative = false
        for character in text {
            if character.isASCII && character.isNumber {
                digitsAndSeparators.append(character)
            } else if character == "," || character == "." {
                digitsAndSeparators.append(character)
            } else if character == "-" || character == "(" || character == "−" {
                negative = true
            } else if character.isLetter {
                letters.append(character)
            } else if character == " " || character == "\u{00A0}" || character == "\u{202F}" || character == "'"
                || character == ")" || character.isCurrencySymbol
            {
                continue
            } else {
                return nil
            }
        }
        guard digitsAndSeparators.contains(where: \.isNumber) else { return nil }
        let currency = letters.count == 3 ? letters.uppercased() : ""
        guard letters.isEmpty || letters.count == 3 else { return nil }
        let lastComma = digitsAndSeparators.lastIndex(of: ",")
        let lastDot = digitsAndSeparators.lastIndex(of: ".")
        var decimalSeparator: Character?
        switch (lastComma, lastDot) {
        case (let c?, let d?): decimalSeparator = c > d ? "," : "."
        case (let c?, nil):
            let after = digitsAndSeparators[digitsAndSeparators.index(after: c)...].count
            let commas = digitsAndSeparators.filter { $0 == "," }.count
            decimalSeparator = commas == 1 && after != 3 ? "," : nil
        case (nil, let d?):
            let after = digitsAndSeparators[digitsAndSeparators.index(after: d)...].count
            let dots = digitsAndSeparators.filter { $0 == "." }.count
            decimalSeparator = dots == 1 || after != 3 ? "." : nil
        case (nil, nil): decimalSeparator = nil
        }
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var inFraction = false
        for character in digitsAndSeparators {
            if character == decimalSeparator {
                guard !inFraction else { return nil }
                inFraction = true
            } else if let digit = character.wholeNumberValue {
                if inFraction {
                    if fractionDigits < 2 {
                        fraction = fraction * 10 + Int64(digit)
                        fractionDigits += 1
                    }
                } else {
                    let (product, overflow) = whole.multipliedReportingOverflow(by: 10)
                    guard !overflow, whole < 90_000_000_000_000_000 / 10 else { return nil }
                    whole = product + Int64(digit)
                }
            }
        }
        while fractionDigits < 2 {
            fraction *= 10
            fractionDigits += 1
        }
        let cents = whole * 100 + fraction
        return (negative ? -cents : cents, currency)
    }
}
