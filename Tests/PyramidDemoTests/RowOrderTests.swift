import Foundation
import Testing

@testable import PyramidDemo

/// The generator's row orders: the records move, whole (a quoted line break included), the header stays first
/// and a report's footer last.
struct RowOrderTests {
    static let file = """
        "Assigned","Subject","Date"
        "Zoe","Call
        with notes","2026-11-02"
        "Adam","Call","2026-11-03"
        "Zoe","Call","2026-11-04"
        "Adam","Call, again","2026-11-05"

        "Confidential Information - Do Not Distribute"

        """

    func reordered(_ order: RowOrder) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("order-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try Self.file.write(to: url, atomically: true, encoding: .utf8)
        try order.apply(to: url, seed: 7)
        return try String(contentsOf: url, encoding: .utf8)
    }

    func dates(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in line.split(separator: ",").last }.map(String.init)
            .filter { $0.hasPrefix("\"2026") }
    }

    @Test func eachOrderMovesWholeRecordsBetweenTheHeaderAndTheFooter() throws {
        #expect(try reordered(.oldestFirst) == Self.file)
        let newest = try reordered(.newestFirst)
        #expect(dates(newest) == ["\"2026-11-05\"", "\"2026-11-04\"", "\"2026-11-03\"", "\"2026-11-02\""])
        #expect(newest.contains("\"Zoe\",\"Call\nwith notes\",\"2026-11-02\"\n"))
        let grouped = try reordered(.grouped)
        #expect(dates(grouped) == ["\"2026-11-03\"", "\"2026-11-05\"", "\"2026-11-02\"", "\"2026-11-04\""])
        let shuffled = try reordered(.shuffled)
        #expect(Set(dates(shuffled)) == Set(dates(Self.file)) && dates(shuffled) != dates(Self.file))
        #expect(try reordered(.shuffled) == shuffled)
        for text in [newest, grouped, shuffled] {
            #expect(text.hasPrefix("\"Assigned\",\"Subject\",\"Date\"\n"))
            #expect(text.hasSuffix("\n\n\"Confidential Information - Do Not Distribute\"\n"))
            #expect(text.utf8.count == Self.file.utf8.count)
        }
    }
}
