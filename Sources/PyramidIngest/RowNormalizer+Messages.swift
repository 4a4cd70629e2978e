import PyramidCore

/// The reasons a row is set aside, quoting the value and the column as the file names it.
extension RowNormalizer {
    /// Whether every bound cell of `row` holds its own column's name: the header again, as when two exports
    /// are pasted into one file.
    func repeatsHeader(_ row: FieldValues) -> Bool {
        !columnNames.isEmpty && columnNames.allSatisfy { field, name in row[field] == name }
    }

    /// A required value that is empty.
    func missing(_ field: Field) -> RowFailure {
        let column = columnNames[field].map { " in '\($0)'" } ?? ""
        return RowFailure(message: "no \(field.label)\(column)")
    }

    /// A date-shaped value that names no real day: `31/02/2026`, month 13, year 0.
    func impossible(_ row: FieldValues, _ field: Field, _ parts: (year: Int, month: Int, day: Int))
        -> RowFailure
    {
        let column = columnNames[field] ?? field.rawValue
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        let why: String
        if !(1...12).contains(parts.month) {
            why = "there is no month \(parts.month)"
        } else if !(1...9999).contains(parts.year) {
            why = "the year \(parts.year) is out of range"
        } else if parts.day < 1 {
            why = "there is no day \(parts.day)"
        } else {
            let days = LocalDate.daysIn(month: parts.month, year: parts.year)
            why = "\(months[parts.month - 1]) \(parts.year) has \(days) days"
        }
        return RowFailure(message: "'\(row[field])' in '\(column)' is not a real day: \(why)")
    }

    /// A value that reads as a number below zero where none can be.
    func negative(_ row: FieldValues, _ field: Field, expected: String) -> RowFailure {
        let column = columnNames[field] ?? field.rawValue
        return RowFailure(message: "'\(row[field])' in '\(column)' is negative (expected \(expected))")
    }

    /// A value that is not what the field holds.
    func invalid(_ row: FieldValues, _ field: Field, expected: String) -> RowFailure {
        let column = columnNames[field] ?? field.rawValue
        return RowFailure(message: "'\(row[field])' in '\(column)' is not \(expected)")
    }
}
