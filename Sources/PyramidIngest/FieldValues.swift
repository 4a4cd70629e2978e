/// The cells of one row, by field: their text as UTF-8, back to back in one buffer. Reading a row makes no
/// `String` per cell; the normalizer reads the fields it only parses (dates, durations, vocabulary) as bytes,
/// and makes text only of what it keeps.
public struct FieldValues: Sendable {
    /// The values' bytes, always valid UTF-8.
    private var text: [UInt8] = []
    /// Per field ordinal, where its value lies in `text`.
    private var ranges = [Range<Int32>](repeating: 0..<0, count: Field.allCases.count)

    /// Creates an empty row.
    public init() {}

    /// The trimmed cell for `field`; empty when the export has no such column.
    public subscript(field: Field) -> String {
        withBytes(field) { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether `field` has no value.
    public func isEmpty(_ field: Field) -> Bool { ranges[field.ordinal].isEmpty }

    /// Calls `body` with the UTF-8 of `field`'s value.
    public func withBytes<R>(_ field: Field, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let range = ranges[field.ordinal]
        return try text.withUnsafeBufferPointer { try body(Values.bytes(of: range, in: $0)) }
    }

    /// Calls `body` with the row's values as bytes, to read several without a closure each.
    func withValues<R>(_ body: (Values) throws -> R) rethrows -> R {
        try text.withUnsafeBufferPointer { text in
            try ranges.withUnsafeBufferPointer { ranges in try body(Values(text: text, ranges: ranges)) }
        }
    }

    /// A row's values as bytes, valid only inside `withValues`.
    struct Values {
        fileprivate let text: UnsafeBufferPointer<UInt8>
        fileprivate let ranges: UnsafeBufferPointer<Range<Int32>>

        subscript(field: Field) -> UnsafeBufferPointer<UInt8> { Self.bytes(of: ranges[field.ordinal], in: text) }

        fileprivate static func bytes(of range: Range<Int32>, in text: UnsafeBufferPointer<UInt8>)
            -> UnsafeBufferPointer<UInt8>
        {
            UnsafeBufferPointer(rebasing: text[Int(range.lowerBound)..<Int(range.upperBound)])
        }
    }

    /// Whether `field`'s value is exactly `ascii`.
    func has(_ field: Field, _ ascii: StaticString) -> Bool {
        withBytes(field) {
            $0.elementsEqual(UnsafeBufferPointer(start: ascii.utf8Start, count: ascii.utf8CodeUnitCount))
        }
    }

    /// Empties the row for the next record's values.
    mutating func removeAll() {
        text.removeAll(keepingCapacity: true)
        ranges.withUnsafeMutableBufferPointer { $0.update(repeating: 0..<0) }
    }

    /// Tries a value for the field at `ordinal`: `append` adds its UTF-8 to the buffer and returns the part of
    /// what it added that is the value (nil for none). An empty value leaves the field as it was.
    mutating func set(ordinal: Int, appending append: (inout [UInt8]) -> Range<Int>?) -> Bool {
        let mark = text.count
        guard let value = append(&text), !value.isEmpty else {
            if text.count > mark { text.removeLast(text.count - mark) }
            return false
        }
        ranges[ordinal] = Int32(value.lowerBound)..<Int32(value.upperBound)
        return true
    }
}

extension Field {
    /// The field's position in `allCases`, for array-backed rows.
    var ordinal: Int {
        // A switch, not a dictionary: this runs for every cell of every row.
        switch self {
        case .id: 0
        case .owner: 1
        case .kind: 2
        case .subtype: 3
        case .subject: 4
        case .timestamp: 5
        case .date: 6
        case .time: 7
        case .created: 8
        case .duration: 9
        case .direction: 10
        case .outcome: 11
        case .status: 12
        case .answeredAt: 13
        case .completedAt: 14
        case .contact: 15
        case .company: 16
        case .name: 17
        case .amount: 18
        case .currency: 19
        case .stage: 20
        case .won: 21
        case .closed: 22
        case .closeDate: 23
        case .createdDate: 24
        case .email: 25
        case .firstName: 26
        case .lastName: 27
        case .team: 28
        case .manager: 29
        case .role: 30
        case .startDate: 31
        case .endDate: 32
        case .crmID: 33
        case .active: 34
        case .start: 35
        case .end: 36
        }
    }

    /// How messages name the field.
    var label: String {
        switch self {
        case .timestamp: "date/time"
        case .crmID: "CRM user id"
        default: rawValue.replacingOccurrences(of: "_", with: " ")
        }
    }
}
