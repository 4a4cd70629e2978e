import Foundation
import PyramidCore

/// How a file's header is matched to a layout and its columns bound to fields.
extension ExportReader {
    /// The part of `cell` that is the value: Excel's `="00123"` guard unwrapped (cells arrive already
    /// trimmed).
    static func clean(_ cell: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        let equals = UInt8(ascii: "="), quote = UInt8(ascii: "\"")
        guard cell.count >= 3, cell[0] == equals, cell[1] == quote, cell[cell.count - 1] == quote else { return cell }
        return UnsafeBufferPointer(rebasing: cell[2..<cell.count - 1])
    }

    static func readPrefix(_ source: any ByteSource) throws -> [UInt8] {
        var source = source
        var prefix = [UInt8](repeating: 0, count: FileSniffer.prefixLength)
        var filled = 0
        while filled < prefix.count {
            let n = try prefix.withUnsafeMutableBytes {
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...]))
            }
            if n == 0 { break }
            filled += n
        }
        return Array(prefix[0..<filled])
    }

    static func candidates(options: ImportOptions, dialects: [Dialect]) throws -> [Dialect] {
        if let mapping = options.mapping { return [mapping] }
        var list = dialects
        if let crm = options.crm?.lowercased() {
            let known = Array(Set(dialects.map(\.crm))).sorted()
            guard known.contains(crm) else { throw IngestError.unknownCRM(crm, known: known) }
            list = list.filter { $0.crm == crm }
        }
        if let kind = options.kind { list = list.filter { $0.holds == kind } }
        return list
    }

    /// The layout whose signature the header has, preferring the most specific one.
    static func bestMatch(_ header: Header, among dialects: [Dialect]) -> Dialect? {
        let matching = dialects.filter { !$0.signature.isEmpty && header.contains(all: $0.signature) }
        return matching.max { a, b in
            (a.signature.count, bound(a, header)) < (b.signature.count, bound(b, header))
        }
    }

    fileprivate static func bound(_ dialect: Dialect, _ header: Header) -> Int {
        dialect.columns.values.filter { names in names.contains { header.position(of: $0) != nil } }.count
    }

    /// For each field, the columns that may hold it, in order of preference (a row takes the first that is
    /// not empty); fails when a required field has no column.
    static func bind(_ dialect: Dialect, to header: Header, file: String) throws -> [Field: [Int]] {
        var binding: [Field: [Int]] = [:]
        for (field, names) in dialect.columns {
            var indexes: [Int] = []
            for index in names.compactMap({ header.position(of: $0) }) where !indexes.contains(index) {
                indexes.append(index)
            }
            if !indexes.isEmpty { binding[field] = indexes }
        }
        for field in dialect.required {
            let alternatives: [Field] =
                switch field {
                case .timestamp: [.timestamp, .date, .completedAt, .created]
                case .name: [.name, .firstName, .lastName]
                default: [field]
                }
            if alternatives.allSatisfy({ binding[$0] == nil }) {
                let expected = alternatives.flatMap { dialect.columns[$0] ?? [] }
                throw IngestError.missingColumn(
                    file: file, layout: dialect.title, field: field.label, expected: expected, header: header.names)
            }
        }
        return binding
    }
}
