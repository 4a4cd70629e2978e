import Foundation
import PyramidIngest

/// Streams `path` with Pyramid's byte-level reader, decoding only the benchmark columns.
func readWithPyramid(path: String) throws -> Tally {
    var reader = CSVReader(source: try FileByteSource(url: URL(fileURLWithPath: path)))
    var decoder = TextDecoder()
    guard try reader.next() else { fail("\(path) is empty") }
    let header = reader.cells(decoder: &decoder)
    let columns = benchColumnIndices(in: header)
    var tally = Tally()
    while try reader.next() {
        tally.rows += 1
        tally.fields += reader.count
        for column in columns {
            tally.utf8Bytes += reader.cell(column, decoder: &decoder).utf8.count
        }
    }
    return tally
}
