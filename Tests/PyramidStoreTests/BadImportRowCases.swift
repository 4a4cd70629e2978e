import Foundation
import PyramidCore
import PyramidIngest

extension BadImport {
    /// Files whose one bad row is set aside while the rest is stored.
    static let rowsSetAside: [BadImport] = [
        BadImport(
            "a quote never closed", "calls.csv",
            activitiesHeader + activity("q1") + "q2,ben@example.com,call,2026-11-09 09:05,60,\"Re: pricing\n"
                + activity("q3"),
            .setAside(
                line: 3,
                reason: "line 3: a quoted cell opens here and is never closed, so the rest of the file is set aside "
                    + "with it", added: 1)),
        BadImport(
            "a date of 31/02", "calls.csv", activitiesHeader + activity("d1", timestamp: "31/02/2026 10:00"),
            .setAside(
                line: 2,
                reason: "line 2: '31/02/2026 10:00' in 'timestamp' is not a real day: February 2026 has 28 days",
                added: 0)),
        BadImport(
            "a month 13", "calls.csv", activitiesHeader + activity("d2", timestamp: "2026-13-01 10:00"),
            .setAside(
                line: 2, reason: "line 2: '2026-13-01 10:00' in 'timestamp' is not a real day: there is no month 13",
                added: 0)),
        BadImport(
            "a year 0", "calls.csv", activitiesHeader + activity("d3", timestamp: "0000-01-01"),
            .setAside(
                line: 2, reason: "line 2: '0000-01-01' in 'timestamp' is not a real day: the year 0 is out of range",
                added: 0)),
        BadImport(
            "a word for a date", "calls.csv", activitiesHeader + activity("d4", timestamp: "tomorrow"),
            .setAside(
                line: 2,
                reason: "line 2: 'tomorrow' in 'timestamp' is not a date such as 2026-11-16, 11/16/2026 or "
                    + "11/16/2026 2:30 PM", added: 0)),
        BadImport(
            "a UTC offset of 25 hours", "calls.csv",
            activitiesHeader + activity("d5", timestamp: "2026-11-09T09:00:00+25:00"),
            .setAside(
                line: 2,
                reason: "line 2: '2026-11-09T09:00:00+25:00' in 'timestamp' is not a date such as 2026-11-16, "
                    + "11/16/2026 or 11/16/2026 2:30 PM", added: 0)),
        BadImport(
            "a day-first date after 1,000 month-first rows", "calls.csv",
            activitiesHeader + (0..<1_000).map { activity("s\($0)", timestamp: "11/09/2026 09:00") }.joined()
                + activity("late", timestamp: "16/11/2026 09:00"),
            .setAside(
                line: 1_002,
                reason: "line 1002: '16/11/2026 09:00' in 'timestamp' is not a real day: there is no month 16",
                added: 1_000)),
        BadImport(
            "a negative duration", "calls.csv", activitiesHeader + activity("n1", duration: "-5"),
            .setAside(
                line: 2,
                reason: "line 2: '-5' in 'duration' is negative (expected a duration such as 95, 01:35, 1:02:03 or "
                    + "2 min)", added: 0)),
        BadImport(
            "a duration of 18 digits (it crashed the reader: found by fuzzing)", "calls.csv",
            activitiesHeader + activity("n2", duration: "666666666666666666"),
            .setAside(
                line: 2,
                reason: "line 2: '666666666666666666' in 'duration' is not a duration of up to a year, such as 95, "
                    + "01:35, 1:02:03 or 2 min", added: 0)),
        BadImport(
            "a duration of 1e300 seconds", "calls.csv", activitiesHeader + activity("n3", duration: "1e300"),
            .setAside(
                line: 2,
                reason: "line 2: '1e300' in 'duration' is not a duration of up to a year, such as 95, 01:35, "
                    + "1:02:03 or 2 min", added: 0)),
        BadImport(
            "an amount of N/A", "deals.csv",
            "id,owner,name,amount,close_date\nd1,ben@example.com,Acme,N/A,2026-11-05\n",
            .setAside(
                line: 2, reason: "line 2: 'N/A' in 'amount' is not an amount such as 12500, 12,500.00 or 12.500,00 €",
                added: 0)),
        BadImport(
            "an amount of 20 digits", "deals.csv",
            "id,owner,name,amount,close_date\nd2,ben@example.com,Acme,99999999999999999999,2026-11-05\n",
            .setAside(
                line: 2,
                reason: "line 2: '99999999999999999999' in 'amount' is not an amount such as 12500, 12,500.00 or "
                    + "12.500,00 €", added: 0)),
        BadImport(
            "an activity without an owner", "calls.csv", activitiesHeader + "o1,,call,2026-11-09 09:00,60,Intro\n",
            .setAside(line: 2, reason: "line 2: no owner in 'owner'", added: 0)),
        BadImport(
            "a row with more cells than the header", "calls.csv",
            activitiesHeader + "w1,ben@example.com,call,2026-11-09 09:00,60,Acme, Inc\n",
            .setAside(
                line: 2, reason: "line 2: 7 cells but the header has 6; is a delimiter inside an unquoted cell?",
                added: 0)),
        BadImport(
            "a row of 100,000 cells", "calls.csv",
            activitiesHeader + "w2,ben@example.com,call,2026-11-09 09:00,60" + String(repeating: ",x", count: 99_995)
                + "\n",
            .setAside(
                line: 2,
                reason: "line 2: 100000 cells but the header has 6; is a delimiter inside an unquoted cell?",
                added: 0)),
        BadImport(
            "the header again mid-file (two exports pasted together)", "calls.csv",
            activitiesHeader + activity("h1") + activitiesHeader + activity("h2"),
            .setAside(
                line: 3,
                reason: "line 3: repeats the header (two exports joined into one file?); the rows after it are read",
                added: 2)),
        BadImport(
            "time off that ends before it starts", "leave.csv",
            "email,start,end\nben@example.com,2026-11-09,2026-11-01\n",
            .setAside(line: 2, reason: "line 2: time off ends (2026-11-01) before it starts (2026-11-09)", added: 0)),
        BadImport(
            "a roster with a bad email", "roster.csv", "email,name,team\nben at example.com,Ben Carter,East\n",
            .setAside(line: 2, reason: "line 2: 'ben at example.com' in 'email' is not an email address", added: 0)),
    ]

    /// Inputs that look wrong but are read for what they are.
    static let readAnyway: [BadImport] = [
        BadImport("a header and no rows", "calls.csv", activitiesHeader, .imported(added: 0)),
        BadImport(
            "NUL bytes inside a cell", "calls.csv",
            bytes: {
                Array((activitiesHeader + "z1,ben@example.com,call,2026-11-09 09:00,60,In").utf8) + [0, 0]
                    + Array("tro\n".utf8)
            },
            .imported(added: 1)),
        BadImport(
            "bytes that are not UTF-8", "calls.csv",
            bytes: {
                Array((activitiesHeader + "z2,ben@example.com,call,2026-11-09 09:00,60,Caf").utf8) + [0xE9, 0x0A]
            },
            .imported(added: 1)),
        BadImport(
            "a 10 MB cell", "calls.csv",
            bytes: {
                Array((activitiesHeader + "z3,ben@example.com,call,2026-11-09 09:00,60,\"").utf8)
                    + [UInt8](repeating: UInt8(ascii: "y"), count: 10 << 20) + Array("\"\n".utf8)
            }, .imported(added: 1)),
        BadImport(
            "duplicate header names (the first one is read)", "calls.csv",
            "id,owner,kind,timestamp,owner\nz4,ben@example.com,call,2026-11-09 09:00,ana@example.com\n",
            .imported(added: 1)),
        BadImport(
            "CR-only line ends", "calls.csv",
            (activitiesHeader + activity("z5") + activity("z6")).replacingOccurrences(of: "\n", with: "\r"),
            .imported(added: 2)),
        BadImport(
            "UTF-16 of odd length", "calls.txt",
            bytes: {
                [0xFF, 0xFE] + (activitiesHeader + activity("z7")).utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
                    + [0x41]
            },
            .imported(added: 1)),
    ]

    /// Every case.
    static let all = refusedFiles + rowsSetAside + readAnyway
}
