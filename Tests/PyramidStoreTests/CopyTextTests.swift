import PostgresNIO
import Testing

@testable import PyramidPostgres

/// The rows `CopyText` writes for PostgreSQL's `COPY … FROM STDIN`, byte for byte, without a server: the server
/// tests read the rows back only as far as the answers they compare.
struct CopyTextTests {
    func written(_ write: (inout CopyText) -> Void) -> String {
        var rows = CopyText()
        write(&rows)
        var buffer = rows.take()
        return buffer.readString(length: buffer.readableBytes) ?? ""
    }

    @Test func numbersAreWrittenAsSwiftWritesThem() {
        var generator = SystemRandomNumberGenerator()
        var values: [Int64] = [0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 12_345, -1, -9, -10, -99, -100, .max, .min]
        for power in 0..<19 {
            let scale = (0..<power).reduce(Int64(1)) { product, _ in product * 10 }
            values += [scale - 1, scale, scale + 1, -scale, -(scale - 1)]
        }
        values += (0..<1000).map { _ in Int64.random(in: .min ... .max, using: &generator) }
        values += (0..<1000).map { _ in Int64.random(in: -100_000...100_000, using: &generator) }
        let text = written { rows in
            for value in values { rows.number(value) }
            rows.endRow()
        }
        #expect(text == values.map(String.init).joined(separator: "\t") + "\n")
    }

    @Test func valuesAreEscapedAndRowsEnded() {
        let text = written { rows in
            rows.text("tab\there, line\nbreak, return\r, back\\slash, nul\u{0}, ünï")
            rows.null()
            rows.flag(true)
            rows.last(-42)
            rows.text("")
            rows.last(false)
        }
        #expect(
            text
                == "tab\\there, line\\nbreak, return\\r, back\\\\slash, nul\u{FFFD}, ünï\t\\N\tt\t-42\n"
                + "\tf\n")
    }
}
