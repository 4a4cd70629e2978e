import Foundation
import PyramidDemo
import Testing

@testable import PyramidIngest

/// Reads all records of `text` as arrays of cells.
func records(_ text: String, delimiter: Character = ",", chunkSize: Int = 1 << 20) throws -> [[String]] {
    var reader = CSVReader(
        source: MemoryByteSource(text), delimiter: delimiter.asciiValue ?? 44, chunkSize: chunkSize)
    var decoder = TextDecoder()
    var result: [[String]] = []
    while try reader.next() { result.append(reader.cells(decoder: &decoder)) }
    return result
}

struct CSVReaderTests {
    @Test(
        "RFC 4180 cells as exports write them",
        arguments: [
            ("a,b,c\n1,2,3\n", [["a", "b", "c"], ["1", "2", "3"]]),
            ("a,b\r\n1,2\r\n", [["a", "b"], ["1", "2"]]),
            ("a,b\r1,2\r", [["a", "b"], ["1", "2"]]),
            ("a,b\n1,2", [["a", "b"], ["1", "2"]]),
            ("\"x, y\",z\n", [["x, y", "z"]]),
            ("\"say \"\"hi\"\"\",z\n", [["say \"hi\"", "z"]]),
            ("\"line1\r\nline2\",z\n", [["line1\r\nline2", "z"]]),
            ("a,,c\n", [["a", "", "c"]]),
            (",\n", [["", ""]]),
            ("5\" screen,x\n", [["5\" screen", "x"]]),
            ("\"quoted\"tail,x\n", [["quotedtail", "x"]]),
            ("\"\",x\n", [["", "x"]]),
            // Cells read in place until a doubled quote or text after the closing quote makes them copied.
            ("\"\"\"a\"\"\",x\n", [["\"a\"", "x"]]),
            ("\"\"\"\",\"a\"\"b\"\"c\"\n", [["\"", "a\"b\"c"]]),
            ("\"quoted\"tail\"more\",x\n", [["quotedtail\"more\"", "x"]]),
            ("\"a\"\"b\",x\n\"c\"\"d\",\"e\"\n", [["a\"b", "x"], ["c\"d", "e"]]),
        ])
    func parsesCells(input: String, expected: [[String]]) throws {
        // Given a CSV text, When it is read, Then the cells are exactly these.
        #expect(try records(input) == expected)
    }

    @Test("a record split across chunk boundaries reads the same", arguments: [1, 2, 3, 7, 16])
    func chunkBoundaries(chunk: Int) throws {
        let text = "id,note\n1,\"a \"\"quoted\"\", multi\r\nline note\"\r\n2,plain\r\n"
        #expect(
            try records(text, chunkSize: chunk) == [
                ["id", "note"], ["1", "a \"quoted\", multi\r\nline note"], ["2", "plain"],
            ])
    }

    @Test func semicolonAndTabDelimiters() throws {
        #expect(try records("a;b\n\"1;5\";2\n", delimiter: ";") == [["a", "b"], ["1;5", "2"]])
        #expect(try records("a\tb\n1\t2\n", delimiter: "\t") == [["a", "b"], ["1", "2"]])
    }

    @Test func lineNumbersCountLinesInsideQuotes() throws {
        var reader = CSVReader(source: MemoryByteSource("h\n\"a\nb\nc\"\nnext\n"))
        var lines: [Int] = []
        while try reader.next() { lines.append(reader.line) }
        #expect(lines == [1, 2, 5])
    }

    @Test func unterminatedQuoteIsFlagged() throws {
        var reader = CSVReader(source: MemoryByteSource("h\n\"never closed,x\nmore\n"))
        #expect(try reader.next())
        #expect(!reader.unterminatedQuote)
        #expect(try reader.next())
        #expect(reader.unterminatedQuote)
        #expect(reader.line == 2)
        #expect(try !reader.next())
    }

    @Test func rawTextIsTheRecordAsWritten() throws {
        var reader = CSVReader(source: MemoryByteSource("a,b\n\"x\"\"y\",2\n"))
        var decoder = TextDecoder()
        _ = try reader.next()
        _ = try reader.next()
        #expect(reader.rawText(decoder: &decoder) == "\"x\"\"y\",2\n")
    }

    @Test func decodesWindows1252WhenNotUTF8() {
        var decoder = TextDecoder()
        let latin1: [UInt8] = [0x4A, 0x6F, 0x73, 0xE9, 0x20, 0x80]  // "José €" in Windows-1252
        #expect(decoder.decode(latin1) == "José €")
        #expect(decoder.sawWindows1252)
        var utf8 = TextDecoder()
        #expect(utf8.decode(Array("José".utf8)) == "José")
        #expect(!utf8.sawWindows1252)
    }

    /// Hands out its bytes one at a time, as a slow pipe might.
    struct TrickleSource: ByteSource {
        var bytes: [UInt8]
        var position = 0

        mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            guard position < bytes.count, buffer.count > 0 else { return 0 }
            buffer[0] = bytes[position]
            position += 1
            return 1
        }
    }

    @Test(
        "a UTF-8 byte order mark is skipped, even when it arrives a byte at a time",
        arguments: [[0xEF, 0xBB, 0xBF], []] as [[UInt8]])
    func byteOrderMark(mark: [UInt8]) throws {
        // Given a file that may start with a BOM, then a quoted first header cell
        var reader = CSVReader(source: TrickleSource(bytes: mark + Array("\"id\",b\n1,2\n".utf8)))
        var decoder = TextDecoder()
        var rows: [[String]] = []
        // When it is read, Then the first cell is the quoted text alone and progress counts every byte
        while try reader.next() { rows.append(reader.cells(decoder: &decoder)) }
        #expect(rows == [["id", "b"], ["1", "2"]])
        #expect(reader.bytesRead == Int64(mark.count + 11))
    }

    @Test func aPartialByteOrderMarkIsKept() throws {
        // Given two of the three BOM bytes, then text: not a BOM, so nothing is skipped
        var reader = CSVReader(source: TrickleSource(bytes: [0xEF, 0xBB] + Array("A,b\n".utf8)))
        var decoder = TextDecoder()
        #expect(try reader.next())
        #expect(reader.cells(decoder: &decoder) == ["\u{EF}\u{BB}A", "b"])
    }

    @Test func dropsNULBytes() {
        var decoder = TextDecoder()
        #expect(decoder.decode([0, 0x3C, 0x70, 0x3E]) == "<p>")
    }

    @Test func trimsWhiteSpaceAndNULsAsTextWouldBe() throws {
        // Given cells with a NUL before a space, a UTF-8 no-break space, an ideographic space, a Windows-1252
        // no-break space (0xA0) and a Windows-1252 "Â" before one
        let cells: [[UInt8]] = [
            [0, 0x20] + Array("Note".utf8), Array("Note\u{A0}".utf8), Array("\u{3000}Note ".utf8),
            Array("Caf".utf8) + [0xE9, 0xA0], [0xC2, 0xA0] + Array("x".utf8) + [0xE9],
        ]
        var bytes: [UInt8] = []
        for (index, cell) in cells.enumerated() { bytes += (index == 0 ? [] : [UInt8(ascii: ",")]) + cell }
        var reader = CSVReader(source: TrickleSource(bytes: bytes + [0x0A]))
        var decoder = TextDecoder()
        // When each cell is read trimmed
        #expect(try reader.next())
        let trimmed = (0..<cells.count).map { reader.trimmedCell($0, decoder: &decoder) }
        // Then each is what decoding and then trimming the text gives
        #expect(trimmed == ["Note", "Note", "Note", "Café", "Â\u{A0}xé"])
    }

    @Test func findsANULOrANonASCIIByteWhereverItIs() {
        // Given cells of 1 to 24 letters (the decoder checks eight bytes at a time, then the rest one by one),
        // with a NUL, a UTF-8 "é" or a Windows-1252 "é" at each place
        for length in 1...24 {
            let letters = Array(repeating: UInt8(ascii: "a"), count: length)
            for place in 0..<length {
                var withNUL = letters
                withNUL[place] = 0
                var withUTF8 = letters
                withUTF8.replaceSubrange(place...place, with: [0xC3, 0xA9])
                var withLatin1 = letters
                withLatin1[place] = 0xE9
                let expected =
                    String(repeating: "a", count: place) + "é" + String(repeating: "a", count: length - place - 1)
                // When each is checked, Then none is plain ASCII, while the letters alone are
                for bytes in [withNUL, withUTF8, withLatin1] {
                    #expect(!bytes.withUnsafeBufferPointer(TextDecoder.isPlainASCII), "\(bytes)")
                }
                #expect(letters.withUnsafeBufferPointer(TextDecoder.isPlainASCII))
                // When each is decoded, Then the NUL is dropped and the "é" read either way
                var decoder = TextDecoder()
                #expect(decoder.decode(withNUL) == String(repeating: "a", count: length - 1))
                #expect(decoder.decode(withUTF8) == expected)
                #expect(!decoder.sawWindows1252)
                #expect(decoder.decode(withLatin1) == expected)
                #expect(decoder.sawWindows1252)
            }
        }
    }

    @Test("random records read back as written", arguments: [",", ";", "\t"])
    func randomRecordsRoundTrip(delimiter: Character) throws {
        // Given 400 records of random cells, of 0 to 40 characters drawn from letters, spaces, the delimiter,
        // quotes, line breaks and two-byte letters (some with a byte that differs from a delimiter or line break
        // only in its high bit), written quoted where RFC 4180 needs it. The reader finds a cell's end eight
        // bytes at a time, so each byte lands at every place in a word.
        var random = SplitMix(seed: 7)
        let alphabet: [String] = [
            "a", "b", "Z", "0", " ", String(delimiter), "\"", "\n", "\r\n", "é", "x", "-", "¬", "»", "ĉ", "Ŋ", "č",
        ]
        var expected: [[String]] = []
        var lines: [Int] = []
        var text = ""
        var line = 1
        for _ in 0..<400 {
            var cells: [String] = []
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                let length = Int.random(in: 0...40, using: &random)
                cells.append((0..<length).map { _ in random.pick(alphabet) }.joined())
            }
            expected.append(cells)
            lines.append(line)
            let written = cells.map { cell in
                cell.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r\n" })
                    ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
            }
            let record = written.joined(separator: String(delimiter)) + (random.chance(0.5) ? "\n" : "\r\n")
            text += record
            line += record.filter { $0 == "\n" || $0 == "\r\n" }.count
        }
        for chunk in [1, 5, 8, 13, 1 << 20] {
            // When it is read in chunks of that many bytes
            var reader = CSVReader(
                source: MemoryByteSource(text), delimiter: delimiter.asciiValue ?? 0, chunkSize: chunk)
            var decoder = TextDecoder()
            var read: [[String]] = []
            var readLines: [Int] = []
            while try reader.next() {
                read.append(reader.cells(decoder: &decoder))
                readLines.append(reader.line)
            }
            // Then every cell, and the line each record starts on, is as written
            #expect(read == expected, "chunks of \(chunk)")
            #expect(readLines == lines, "chunks of \(chunk)")
        }
    }
}
