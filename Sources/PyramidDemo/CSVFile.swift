import Foundation

/// A CSV file written row by row through a buffer, quoting cells as RFC 4180 says.
final class CSVFile {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let quoteAll: Bool
    private let lineEnd: [UInt8]

    /// Creates (or truncates) the file at `url` and writes `header`.
    init(url: URL, header: [String], quoteAll: Bool = false, crlf: Bool = false) throws {
        // A file that cannot be created fails just below, where it is opened.
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        handle = try FileHandle(forWritingTo: url)
        self.quoteAll = quoteAll
        lineEnd = crlf ? [13, 10] : [10]
        try row(header)
    }

    /// Appends one row.
    func row(_ cells: [String]) throws {
        for (index, cell) in cells.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            if quoteAll || cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                buffer.append(UInt8(ascii: "\""))
                for byte in cell.utf8 {
                    if byte == UInt8(ascii: "\"") { buffer.append(byte) }
                    buffer.append(byte)
                }
                buffer.append(UInt8(ascii: "\""))
            } else {
                buffer.append(contentsOf: cell.utf8)
            }
        }
        buffer.append(contentsOf: lineEnd)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Appends raw text (a report footer).
    func raw(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
    }

    /// Writes what is buffered and closes the file.
    func close() throws {
        try flush()
        try handle.close()
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
