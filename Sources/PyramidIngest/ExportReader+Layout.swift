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

    /// The layout `header` nearly matches when it matches none exactly: renamed, missing optional or added
    /// columns. Each candidate is scored by the signature columns it has (at least one) and then by the fields it
    /// can bind (at least three, its required ones among them); the best is taken, unless another of a different
    /// CRM or kind scores the same (then the candidates are named). Nil when no candidate qualifies.
    static func nearMatch(_ header: Header, among dialects: [Dialect], file: String) throws -> Dialect? {
        let scored: [(dialect: Dialect, signature: Int, fields: Int)] = dialects.compactMap { dialect in
            let signature = dialect.signature.filter { header.position(of: $0) != nil }.count
            guard signature > 0, let binding = try? bind(dialect, to: header, file: file), binding.count >= 3 else {
                return nil
            }
            return (dialect, signature, binding.count)
        }
        let ranked = scored.sorted { ($0.signature, $0.fields) > ($1.signature, $1.fields) }
        guard let best = ranked.first else { return nil }
        let ties = ranked.filter {
            ($0.signature, $0.fields) == (best.signature, best.fields)
                && ($0.dialect.crm, $0.dialect.holds) != (best.dialect.crm, best.dialect.holds)
        }
        if !ties.isEmpty {
            throw IngestError.ambiguousLayout(
                file: file, candidates: ([best] + ties).map(\.dialect.title), header: header.names)
        }
        return best.dialect
    }

    /// What `dialect` reads that `header` has no column for, each with what that means for the diagnosis.
    static func notes(_ dialect: Dialect, _ header: Header, nearMatch: Bool) -> [String] {
        var notes: [String] = []
        if nearMatch {
            let missing = dialect.signature.filter { header.position(of: $0) == nil }
            notes.append(
                "read as \(dialect.title), the closest layout, though the header has no "
                    + missing.map { "'\($0)'" }.joined(separator: " or ") + " column")
        }
        guard dialect.holds == .activities else { return notes }
        let outcome =
            dialect.fixedKind == .call
            ? "call outcomes are read from words in subjects and notes, and from durations"
            : "call outcomes are read from words in subjects and notes, and from durations; whether buyers replied "
                + "is unknown"
        let meanings: [(Field, String)] = [
            (.outcome, outcome),
            (.duration, "a call without an outcome cannot be judged by its length"),
            (.contact, "contact journeys are unknown, so LinkedIn and email are not judged against the phone"),
            (.direction, "every activity is read as outbound"),
            (.status, "every activity is counted as done"),
        ]
        // A layout whose replies are rows of their own records them without an outcome column.
        for (field, meaning) in meanings where dialect.columns[field] != nil {
            if field == .outcome && dialect.repliesAreRows { continue }
            guard !(dialect.columns[field] ?? []).contains(where: { header.position(of: $0) != nil }) else { continue }
            // Outreach gives no duration but the times a call was answered and completed.
            if field == .duration,
                (dialect.columns[.answeredAt] ?? []).contains(where: { header.position(of: $0) != nil })
            {
                continue
            }
            notes.append("no \(field.label) column: \(meaning)")
        }
        return notes
    }

    /// For each field of `dialect` that `header` has a column for, those columns in order of preference.
    static func looseBinding(_ dialect: Dialect, _ header: Header) -> [Field: [Int]] {
        var binding: [Field: [Int]] = [:]
        for (field, names) in dialect.columns {
            var indexes: [Int] = []
            for index in names.compactMap({ header.position(of: $0) }) where !indexes.contains(index) {
                indexes.append(index)
            }
            if !indexes.isEmpty { binding[field] = indexes }
        }
        return binding
    }

    fileprivate static func bound(_ dialect: Dialect, _ header: Header) -> Int {
        dialect.columns.values.filter { names in names.contains { header.position(of: $0) != nil } }.count
    }

    /// For each field, the columns that may hold it, in order of preference (a row takes the first that is
    /// not empty); fails when a required field has no column.
    static func bind(_ dialect: Dialect, to header: Header, file: String) throws -> [Field: [Int]] {
        let binding = looseBinding(dialect, header)
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
