/// The cells of one row, by field.
public struct FieldValues: Sendable {
    private var values = [String](repeating: "", count: Field.allCases.count)

    /// Creates an empty row.
    public init() {}

    /// The trimmed cell for `field`; empty when the export has no such column.
    public subscript(field: Field) -> String {
        get { values[field.ordinal] }
        set { values[field.ordinal] = newValue }
    }

    /// The cell for the field at `ordinal` in `Field.allCases`.
    subscript(ordinal ordinal: Int) -> String {
        get { values[ordinal] }
        set { values[ordinal] = newValue }
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
