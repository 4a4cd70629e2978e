import Foundation
import PyramidCore
import Testing

@testable import PyramidIngest

struct ValueParsingTests {
    static let utc = TimeZone(identifier: "UTC") ?? .gmt

    func instant(_ text: String, _ order: DateOrder = .monthFirst, zone: TimeZone = utc) -> (Int64, Int)? {
        guard let written = DateTimeText.parse(text, order: order) else { return nil }
        var resolver = LocalTimeResolver(timeZone: zone)
        let result = resolver.instant(of: written)
        return (result.epochSeconds, result.offsetMinutes)
    }

    @Test(
        "date-times from every CRM",
        arguments: [
            ("2024-01-23T17:50:51.000+0000", 1_706_032_251, 0),
            ("2024-01-23T17:50:51Z", 1_706_032_251, 0),
            ("2024-01-23T18:50:51+01:00", 1_706_032_251, 60),
            ("2024-01-23 12:50:51.123456-05:00", 1_706_032_251, -300),
            ("2024-01-23 17:50:51", 1_706_032_251, 0),
            ("2024-01-23 17:50", 1_706_032_200, 0),
            ("1/23/2024 5:50 PM", 1_706_032_200, 0),
            ("01/23/2024 17:50", 1_706_032_200, 0),
            ("Jan 23, 2024 5:50 PM", 1_706_032_200, 0),
            ("23-Jan-2024 17:50", 1_706_032_200, 0),
            ("Tue, 23 Jan 2024 17:50:51 GMT", 1_706_032_251, 0),
            ("1706032251000", 1_706_032_251, 0),
            ("1706032251", 1_706_032_251, 0),
            ("45314.7436458333", 1_706_032_251, 0),
            ("2024-01-23", 1_706_011_200, 0),
        ])
    func dateTimes(text: String, epoch: Int64, offset: Int) {
        let result = instant(text)
        #expect(result?.0 == epoch, "\(text)")
        #expect(result?.1 == offset, "\(text)")
    }

    @Test func dayFirstAndMonthFirst() {
        #expect(DateTimeText.parse("03/04/2026", order: .dayFirst)?.date == LocalDate(year: 2026, month: 4, day: 3))
        #expect(DateTimeText.parse("03/04/2026", order: .monthFirst)?.date == LocalDate(year: 2026, month: 3, day: 4))
        #expect(DateTimeText.parse("15.01.2024 14:30", order: .auto)?.date == LocalDate(year: 2024, month: 1, day: 15))
        #expect(DateTimeText.slashedOrder("15/01/2024") == .dayFirstOnly)
        #expect(DateTimeText.slashedOrder("01/15/2024") == .monthFirstOnly)
        #expect(DateTimeText.slashedOrder("2024-01-15") == nil)
    }

    @Test(
        "not dates", arguments: ["tomorrow", "31/02/2026", "2026-02-30", "2026-13-01", "12:00", "", "2026-01-01 25:00"])
    func notDates(text: String) {
        #expect(DateTimeText.parse(text, order: .dayFirst) == nil)
    }

    @Test func workspaceTimeZoneAppliesWithoutOffset() throws {
        let paris = try #require(TimeZone(identifier: "Europe/Paris"))
        // Winter: UTC+1; summer: UTC+2.
        #expect(instant("2026-01-15 09:00", zone: paris)?.0 == instant("2026-01-15 08:00")?.0)
        #expect(instant("2026-07-15 09:00", zone: paris)?.1 == 120)
    }

    @Test(
        "durations",
        arguments: [
            ("95", DurationUnit.seconds, 95), ("95000", .milliseconds, 95), ("2", .minutes, 120),
            ("01:35", .seconds, 95), ("1:02:03", .seconds, 3723), ("2 min", .seconds, 120),
            ("1h 5m", .seconds, 3900), ("90 s", .seconds, 90), ("1.5 hours", .seconds, 5400), ("0", .seconds, 0),
            ("00:03:25", .seconds, 205), ("1500", .milliseconds, 2), ("10:00", .minutes, 600),
        ])
    func durations(text: String, unit: DurationUnit, seconds: Int) {
        #expect(NumberText.duration(text, unit: unit) == seconds)
    }

    @Test func hoursMinutesDurations() {
        #expect(NumberText.duration("01:30", unit: .seconds, twoParts: .hoursMinutes) == 5400)
    }

    @Test("not durations", arguments: ["-30", "soon", "1:2:3:4", "5 parsecs", "12:", ":30", "1::2"])
    func notDurations(text: String) {
        #expect(NumberText.duration(text, unit: .seconds) == nil)
    }

    @Test(
        "amounts",
        arguments: [
            ("1,234.50", Int64(123_450), ""), ("1.234,50", 123_450, ""), ("USD 1,234.00", 123_400, "USD"),
            ("$1234", 123_400, ""), ("1 234,50 €", 123_450, ""), ("(500.00)", -50_000, ""), ("12500", 1_250_000, ""),
            ("1,234", 123_400, ""), ("1124741.15", 112_474_115, ""), ("0.5", 50, ""), ("1.234.567", 123_456_700, ""),
        ])
    func amounts(text: String, cents: Int64, currency: String) {
        let parsed = NumberText.amount(text)
        #expect(parsed?.cents == cents, "\(text)")
        #expect(parsed?.currency == currency, "\(text)")
    }

    @Test("not amounts", arguments: ["N/A", "", "twelve", "-", "1,2,3.4.5"])
    func notAmounts(text: String) {
        #expect(NumberText.amount(text) == nil)
    }
}
