/// The cells of one row, by field: their text as UTF-8, back to back in one buffer. Reading a row makes no
/// `String` per cell; the normalizer reads the fields it only parses (dates, durations, vocabulary) as bytes,
/// and makes text only of what it keeps.
public struct FieldValues: Sendable {
    /// The values' bytes, always valid UTF-8 (`count` of them used), and where each field's lies. Shared by
    /// copies until one writes.
    private var storage: ValueStorage
    private var count = 0

    /// Creates an empty row.
    public init() {
        storage = ValueStorage(capacity: 512)
    }

    /// The trimmed cell for `field`; empty when the export has no such column.
    public subscript(field: Field) -> String {
        withBytes(field) { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether `field` has no value.
    public func isEmpty(_ field: Field) -> Bool { withValues { $0[field].isEmpty } }

    /// Calls `body` with the UTF-8 of `field`'s value.
    public func withBytes<R>(_ field: Field, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withValues { try body($0[field]) }
    }

    /// Calls `body` with the row's values as bytes, to read several without a closure each.
    func withValues<R>(_ body: (Values) throws -> R) rethrows -> R {
        try withExtendedLifetime(storage) {
            let text = UnsafeBufferPointer(start: storage.base, count: count)
            return try body(Values(text: text, ranges: UnsafePointer(storage.ranges)))
        }
    }

    /// A row's values as bytes, valid only inside `withValues`.
    struct Values {
        fileprivate let text: UnsafeBufferPointer<UInt8>
        fileprivate let ranges: UnsafePointer<Range<Int32>>

        subscript(field: Field) -> UnsafeBufferPointer<UInt8> {
            let range = ranges[field.ordinal]
            return UnsafeBufferPointer(rebasing: text[Int(range.lowerBound)..<Int(range.upperBound)])
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
        if !isKnownUniquelyReferenced(&storage) { storage = ValueStorage(capacity: storage.capacity) }
        count = 0
        storage.ranges.update(repeating: 0..<0, count: Field.count)
    }

    /// Sets the field at `ordinal` to `value`, which must be valid UTF-8 (and may be one of this row's own).
    mutating func set(ordinal: Int, to value: UnsafeBufferPointer<UInt8>) {
        guard let source = value.baseAddress else { return }
        if count + value.count > storage.capacity || !isKnownUniquelyReferenced(&storage) {
            // Copied before the old storage goes, as `value` may lie in it.
            let copy = ValueStorage(copying: storage, count: count, capacity: 2 * (count + value.count))
            (copy.base + count).initialize(from: source, count: value.count)
            storage = copy
        } else {
            (storage.base + count).initialize(from: source, count: value.count)
        }
        storage.ranges[ordinal] = Int32(count)..<Int32(count + value.count)
        count += value.count
    }
}

/// A row's values in one allocation, and where each field's lies. Written only by a `FieldValues` that holds
/// the only reference (it copies them first otherwise), so sharing one between threads is safe.
private final class ValueStorage: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int
    /// Per field ordinal, where its value lies.
    let ranges: UnsafeMutablePointer<Range<Int32>>

    init(capacity: Int) {
        base = .allocate(capacity: capacity)
        self.capacity = capacity
        ranges = .allocate(capacity: Field.count)
        ranges.initialize(repeating: 0..<0, count: Field.count)
    }

    /// A copy of the first `count` bytes of `storage`, and its fields, with room for at least `capacity`.
    convenience init(copying storage: ValueStorage, count: Int, capacity: Int) {
        self.init(capacity: max(storage.capacity, capacity))
        base.initialize(from: storage.base, count: count)
        ranges.update(from: storage.ranges, count: Field.count)
    }

    deinit {
        base.deallocate()
        ranges.deallocate()
    }
}

extension Field {
    /// The number of fields.
    static let count = allCases.count

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
        case .notes: 37
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
