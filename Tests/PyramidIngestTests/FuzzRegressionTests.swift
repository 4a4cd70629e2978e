import Foundation
import PyramidCore
import Testing

@testable import PyramidIngest

/// Every input the fuzzer (`Scripts/fuzz-csv`) crashed on, read by every layout and every value parser (see
/// `replay`), plus what the fixed code answers for it. A crash here stops the test run, which is the failure.
/// The fuzz target also reads in chunks, transcoded and with forced options: `Scripts/fuzz-csv 0 FILE` replays
/// a kept input through all of that.
struct FuzzRegressionTests {
    /// The inputs kept under `Fixtures/fuzz-regressions/`.
    static let kept = ["duration-past-int-max.csv"]

    @Test(arguments: kept)
    func keptInputReadsToTheEndWithoutCrashing(name: String) throws {
        // Given an input the fuzzer once crashed on
        let bytes = try [UInt8](Data(contentsOf: fixtureURL("fuzz-regressions/" + name)))
        // When it is read every way `replay` reads it, Then nothing traps and its rows are read
        let answered = replay(bytes)
        #expect(answered.rows > 0)
    }

    @Test func everyKeptInputIsListed() throws {
        let folder = fixtureURL("fuzz-regressions")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == Self.kept.sorted())
    }

    @Test(
        "a duration past Int.max is no duration (found by the fuzzer: Int(Double) trapped)",
        arguments: [
            ("666666666666666666", DurationUnit.minutes), ("1e300", .seconds), ("1e308:30", .seconds),
            ("99999999999999999999 h", .seconds), ("9999999999", .seconds), ("0x1p62", .seconds),
        ])
    func durationPastIntMax(text: String, unit: DurationUnit) {
        #expect(NumberText.duration(text, unit: unit) == nil)
        #expect(NumberText.duration(text, unit: unit, twoParts: .hoursMinutes) == nil)
    }

    @Test func minimizedCrash() {
        // Given the input libFuzzer minimized the crash to: a blank line and 18 sixes, read as minutes
        let bytes: [UInt8] = [0x0A] + [UInt8](repeating: 0x36, count: 18)
        // When it is replayed, Then nothing traps and the lone cell is a (header-only) file no layout reads
        let answered = replay(bytes)
        #expect(answered.rows == 0)
        #expect(answered.refusals == Dialects.all.count + 1)
    }

    @Test func aDurationPastAYearIsQuarantinedWithItsValue() throws {
        // Given the minimized crash's value as the duration of a generic activity
        let row = "owner,kind,timestamp,duration\nben@example.com,call,2026-11-09 09:00,666666666666666666\n"
        // When it is read, Then the row is set aside and says why
        let reader = try ExportReader(name: "calls.csv", size: Int64(row.utf8.count), options: ImportOptions()) {
            MemoryByteSource(row)
        }
        let problem = try #require(try reader.next())
        #expect(
            problem
                == .quarantined(
                    RowProblem(
                        line: 2,
                        reason: "line 2: '666666666666666666' in 'duration' is not a duration of up to a year, "
                            + "such as 95, 01:35, 1:02:03 or 2 min",
                        raw: "ben@example.com,call,2026-11-09 09:00,666666666666666666\n")))
    }
}

/// Reads `bytes` through detection over every layout, then each layout forced, and the raw CSV reader with
/// each delimiter and every value parser on every cell (the fuzz target's main readings). Returns how many rows
/// were read and how many readings refused the file.
func replay(_ bytes: [UInt8]) -> (rows: Int, refusals: Int) {
    var rows = 0
    var refusals = 0
    for dialects in [Dialects.all] + Dialects.all.map({ [$0] }) {
        do {
            let reader = try ExportReader(
                name: "fuzz.csv", size: Int64(bytes.count), options: ImportOptions(), dialects: dialects
            ) { MemoryByteSource(bytes) }
            while try reader.next() != nil { rows += 1 }
        } catch {
            refusals += 1
        }
    }
    var decoder = TextDecoder()
    for delimiter in [",", ";", "\t", "|"].map({ UInt8(ascii: Unicode.Scalar($0)) }) {
        var csv = CSVReader(source: MemoryByteSource(bytes), delimiter: delimiter)
        while (try? csv.next()) == true {
            for index in 0..<csv.count {
                let cell = csv.cell(index, decoder: &decoder)
                for order in DateOrder.allCases { _ = DateTimeText.parse(cell, order: order) }
                for unit in DurationUnit.allCases {
                    for twoParts in TwoPartDuration.allCases {
                        _ = NumberText.duration(cell, unit: unit, twoParts: twoParts)
                    }
                }
                _ = NumberText.amount(cell)
            }
        }
    }
    return (rows, refusals)
}
