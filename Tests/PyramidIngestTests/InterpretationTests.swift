import Foundation
import PyramidCore
import Testing

@testable import PyramidIngest

/// An import remembers the interpretation each activity's record was read under (`ExportReader.interpretation`);
/// the next import of the same record under the same interpretation does not read it again. So the
/// interpretation must be written down the same way by every process, and differ where the reading would.
struct InterpretationTests {
    static let export = "id,owner,kind,timestamp\nr1,ben@example.com,call,2026-11-09 09:00\n"

    func interpretation(_ options: ImportOptions = ImportOptions(), dialects: [Dialect] = Dialects.all) throws
        -> String
    {
        try ExportReader(name: "export.csv", size: 0, options: options, dialects: dialects) {
            MemoryByteSource(Self.export)
        }.interpretation
    }

    @Test func aLayoutIsWrittenDownTheSameWhateverOrderItsSetsAndDictionariesComeIn() throws {
        // Given a layout with a set and dictionaries, and the same layout whose set and dictionaries were built in
        // another order, at another size (so they list their entries in another order, as another process would)
        let layout = try #require(Dialects.all.first { !$0.emptyMarkers.isEmpty && $0.columns.count > 8 })
        var rebuilt = layout
        rebuilt.columns = Dictionary(minimumCapacity: 512)
        for (field, names) in layout.columns.reversed() { rebuilt.columns[field] = names }
        rebuilt.emptyMarkers = Set(minimumCapacity: 512)
        for marker in layout.emptyMarkers.reversed() { rebuilt.emptyMarkers.insert(marker) }
        rebuilt.emptyMarkers.insert("-")
        var layoutWithDash = layout
        layoutWithDash.emptyMarkers.insert("-")
        try #require(Array(rebuilt.columns.keys) != Array(layout.columns.keys))
        // When each is written down
        // Then both read the same, and the layout with one more empty marker does not read as the one without
        #expect(ExportReader.canonical(rebuilt) == ExportReader.canonical(layoutWithDash))
        #expect(ExportReader.canonical(layoutWithDash) != ExportReader.canonical(layout))
    }

    @Test func theInterpretationChangesWithWhatChangesTheReading() throws {
        let base = try interpretation()
        #expect(try interpretation() == base)
        let paris = try #require(TimeZone(identifier: "Europe/Paris"))
        #expect(try interpretation(ImportOptions(timeZone: paris)) != base)
        #expect(try interpretation(ImportOptions(dateOrder: .dayFirst)) != base)
        var generic = Dialects.generic
        generic.durationUnit = .milliseconds
        #expect(try interpretation(dialects: [generic]) != (try interpretation(dialects: [Dialects.generic])))
    }
}
