/// Reads an activity from its record as it stood in the file, as the `ExportReader` that made this reader would
/// have read it: for an import that took records no further than their key (`ActivityRecord`) and then finds one
/// it does not hold as it stands. Made by `ExportReader.recordReader()`; used on one thread at a time, which need
/// not be the reader's.
public struct ActivityRecordReader {
    /// A source over no bytes that reads as the file's does, to read each record with.
    private let template: RowSource
    private var normalizer: RowNormalizer

    init(template: RowSource, normalizer: RowNormalizer) {
        self.template = template
        self.normalizer = normalizer
    }

    /// Reads the activity in `record` (one record as it stood in the file, starting on `line`) and hands it to
    /// `body`; returns the problem that sets the row aside, as the import would have quarantined it, when it is
    /// not one (and then does not call `body`).
    public mutating func activity(
        record: UnsafeBufferPointer<UInt8>, line: Int, _ body: (ActivityText) throws -> Void
    ) throws -> RowProblem? {
        var source = template.reading(Array(record))
        // The record is valid UTF-8 (see `ActivityRecord`): its text is its bytes.
        func problem(_ reason: String) -> RowProblem {
            RowProblem(line: line, reason: "line \(line): \(reason)", raw: String(decoding: record, as: UTF8.self))
        }
        switch try source.next() {
        case .values: break
        case .other(let row): return problem(row.problem ?? "not a record")
        case .record, nil: preconditionFailure("a record is read whole, and holds one record")
        }
        let read = try normalizer.activity(source.values, record: record, body)
        guard case .failure(let failure) = read else { return nil }
        return problem(failure.message)
    }
}
