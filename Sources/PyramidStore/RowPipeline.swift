import Foundation
import PyramidIngest

/// Reads an export on a background thread while the caller writes to the database, handing rows over in
/// batches through a small bounded queue: parsing and SQLite then use both cores, and memory stays flat.
final class RowPipeline: @unchecked Sendable {
    /// Rows read, and how far into the file the reader was after them.
    struct Batch {
        var rows: [ExportRow]
        var bytesRead: Int64
    }

    private let reader: ExportReader
    private let batchSize: Int
    private let capacity: Int
    private let condition = NSCondition()
    private var queue: [Batch] = []
    private var finished = false
    private var cancelled = false
    private var failure: (any Error)?
    private let done = DispatchSemaphore(value: 0)

    /// Prepares to read `reader` in batches of `batchSize` rows, holding at most `capacity` batches.
    init(reader: ExportReader, batchSize: Int = 2048, capacity: Int = 4) {
        self.reader = reader
        self.batchSize = batchSize
        self.capacity = capacity
    }

    /// Starts the reading thread.
    func start() {
        let thread = Thread { [self] in
            produce()
            done.signal()
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// The next batch; nil at the end of the file. Rethrows what stopped the reader.
    func next() throws -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !finished { condition.wait() }
        if !queue.isEmpty {
            let batch = queue.removeFirst()
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    /// Stops the reader early (the writer failed) and waits until it no longer touches the reader.
    func cancelAndWait() {
        condition.lock()
        let running = !finished
        cancelled = true
        condition.broadcast()
        condition.unlock()
        if running { done.wait() }
    }

    private func produce() {
        var rows: [ExportRow] = []
        rows.reserveCapacity(batchSize)
        do {
            while let row = try reader.next() {
                rows.append(row)
                if rows.count == batchSize {
                    guard put(Batch(rows: rows, bytesRead: reader.bytesRead)) else { return finish(nil) }
                    rows.removeAll(keepingCapacity: true)
                }
            }
            if !rows.isEmpty { _ = put(Batch(rows: rows, bytesRead: reader.bytesRead)) }
            finish(nil)
        } catch {
            finish(error)
        }
    }

    /// Queues `batch`, waiting while the queue is full; false when the writer cancelled.
    private func put(_ batch: Batch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        queue.append(batch)
        condition.broadcast()
        return true
    }

    private func finish(_ error: (any Error)?) {
        condition.lock()
        failure = error
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}
