import PyramidCore
import Testing

struct CalendarTests {
    @Test(
        "ISO weeks around New Year",
        arguments: [
            ("2026-11-16", "2026-W47"), ("2026-01-01", "2026-W01"), ("2021-01-03", "2020-W53"),
            ("2024-12-30", "2025-W01"), ("2027-01-03", "2026-W53"),
        ])
    func isoWeeks(date: String, week: String) throws {
        let day = try #require(LocalDate(iso: date))
        #expect(ISOWeek(containing: day).description == week)
    }

    @Test func weekMondayAndDays() throws {
        let week = try #require(ISOWeek("2026-W46"))
        #expect(week.monday.description == "2026-11-09")
        #expect(week.days.last?.description == "2026-11-15")
        #expect(week.previous.description == "2026-W45")
        #expect(ISOWeek("2026-W54") == nil)
        #expect(ISOWeek("2026W46") == week)
    }

    @Test func datesRoundTripThroughDayNumbers() throws {
        for offset in stride(from: -800_000, through: 800_000, by: 997) {
            let date = LocalDate(daysSinceEpoch: offset)
            #expect(date.daysSinceEpoch == offset)
        }
        #expect(try #require(LocalDate(iso: "1970-01-01")).isoWeekday == 4)
        #expect(LocalDate(year: 2026, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2024, month: 2, day: 29) != nil)
    }

    @Test(
        "Only YYYY-MM-DD of a real day parses",
        arguments: [
            ("2026-11-09", "2026-11-09"), ("0001-01-01", "0001-01-01"), ("2024-02-29", "2024-02-29"),
            ("2026-02-29", nil), ("2026-13-01", nil), ("2026-00-10", nil), ("0000-01-01", nil), ("2026-1-09", nil),
            ("2026-11-9", nil), ("2026/11/09", nil), ("+026-11-09", nil), ("2026-11-09 ", nil), ("2026-11-091", nil),
            ("２０２６-11-09", nil), ("2026-1１-09", nil), ("", nil), ("2026-11-0x", nil),
        ] as [(String, String?)])
    func isoDates(text: String, parsed: String?) {
        #expect(LocalDate(iso: text)?.description == parsed)
    }

    @Test func ownerMatcher() {
        let matcher = OwnerMatcher(sellers: [
            Seller(email: "jose@example.com", name: "José Díaz", crmID: "0051x000001AbCdAAA"),
            Seller(email: "kim@example.com", name: "Kim Park", crmID: "zcrm_4150868000000224005"),
        ])
        #expect(matcher.match("JOSE@example.com") == "jose@example.com")
        #expect(matcher.match("jose  diaz") == "jose@example.com")
        #expect(matcher.match("Díaz, José") == "jose@example.com")
        #expect(matcher.match("0051x000001AbCd") == "jose@example.com")
        #expect(matcher.match("4150868000000224005") == "kim@example.com")
        #expect(matcher.match("Somebody Else") == nil)
        #expect(matcher.match("other@example.com") == nil)
    }
}

struct LocalDayOfInstantTests {
    @Test(
        "the local day of an instant",
        arguments: [
            (Int64(0), 0, "1970-01-01"), (-1, 0, "1969-12-31"), (86_399, 0, "1970-01-01"),
            (1_794_787_200, -5 * 3600, "2026-11-15"), (1_794_787_200, 3600, "2026-11-16"),
        ])
    func localDay(epoch: Int64, offset: Int, day: String) {
        #expect(LocalDate(epochSeconds: epoch, offsetSeconds: offset).description == day)
    }
}
