import Foundation
import PyramidIngest

/// Reads an export on a background thread while the caller writes to the database, handing rows over in
/// batches through a small bounded queue: parsing and SQLite then use both cores, and memory stays flat.
/// Activities are handed over packed for the writer (`ActivityBatch`), their owners as numbers.
package final class RowPipeline: @unchecked Sendable {
    /// Rows read, and how far into the file the reader was after them.
    package struct Batch {
        /// The activities read.
        package var activities: ActivityBatch
        /// The owner names met for the first time in this batch, in order: the activities name owners by
        /// their place among all the names met so far.
        package var newOwners: [String] = []
        /// The other rows read (deals, sellers, time off, quarantined rows, footers), in file order.
        package var rows: [ExportRow] = []
        package var bytesRead: Int64 = 0

        var count: Int { activities.count + rows.count }

        /// An empty batch with room for `size` activities (of about 128 bytes of text each) before it grows.
        init(size: Int) {
            activities = ActivityBatch(rows: size, textCapacity: size * 128)
        }
    }

    private let reader: ExportReader
    private let batchSize: Int
    /// The batches the queue holds at most: `leastCapacity`, or more while the writer asks to be read further ahead.
    private var capacity: Int
    private let leastCapacity: Int
    private let condition = NSCondition()
    private var queue: [Batch] = []
    private var finished = false
    private var cancelled = false
    /// Whether the writer asks for records rather than activities (see `ActivitySink.takesRecords`).
    private var recordsWanted = false
    private var failure: (any Error)?
    private let done = DispatchSemaphore(value: 0)

    /// The digest of the interpretation the reader reads records under (see `ActivityDigest.source`); nil when the
    /// writer keeps none of the digests a batch's rows may carry (`ActivityBatch.Row.contentDigest`, `sourceDigest`).
    private let sourceSeed: UInt64?

    /// Prepares to read `reader`, whose interpretation is digested in `sourceSeed`, in batches of `batchSize` rows,
    /// holding at most `capacity` batches. Without a seed, the activities are packed without digests (PostgreSQL's
    /// workspace digests the values as it copies them; the two took 0.9 s of the reading thread's CPU for 10M
    /// rows), and the writer may not ask for records (`wantRecords`).
    package init(reader: ExportReader, sourceSeed: UInt64?, batchSize: Int = 2048, capacity: Int = 4) {
        self.reader = reader
        self.sourceSeed = sourceSeed
        self.batchSize = batchSize
        self.capacity = capacity
        leastCapacity = capacity
    }

    /// Asks the reader for records rather than activities, or no longer; it follows from its next batch on. The
    /// reader reads up to `readAhead` rows ahead of the writer (at least its capacity's worth): a writer that
    /// settles rows many at a time asks for as many, so that reading goes on while it settles them.
    func wantRecords(_ wanted: Bool, readAhead: Int = 0) {
        precondition(!wanted || sourceSeed != nil, "records are compared by their digests")
        condition.lock()
        recordsWanted = wanted
        capacity = max(leastCapacity, (readAhead + batchSize - 1) / batchSize)
        condition.broadcast()
        condition.unlock()
    }

    /// Starts the reading thread.
    package func start() {
        let thread = Thread { [self] in
            produce()
            done.signal()
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// The next batch; nil at the end of the file. Rethrows what stopped the reader.
    package func next() throws -> Batch? {
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
    package func cancelAndWait() {
        condition.lock()
        let running = !finished
        cancelled = true
        condition.broadcast()
        condition.unlock()
        if running { done.wait() }
    }

    private func produce() {
        var packer = Packer(pipeline: self, batch: Batch(size: batchSize))
        do {
            while let row = try reader.next(into: &packer) {
                try packer.add(row)
            }
            if packer.batch.count > 0 {
                packer.batch.bytesRead = reader.bytesRead
                _ = put(packer.batch)
            }
            finish(nil)
        } catch is Cancelled {
            finish(nil)
        } catch {
            finish(error)
        }
    }

    /// Fills batches with what the reader reads, and queues each when it is full.
    private struct Packer: ActivitySink {
        let pipeline: RowPipeline
        var owners = OwnerNumbers()
        var batch: Batch
        /// Whether the writer asked for records, as of the last batch handed over.
        private(set) var takesRecords = false

        init(pipeline: RowPipeline, batch: Batch) {
            self.pipeline = pipeline
            self.batch = batch
        }

        mutating func take(_ activity: ActivityText, bytesRead: Int64) throws {
            let owner = owners.number(activity.owner) { batch.newOwners.append($0) }
            batch.activities.append(activity, owner: owner, sourceSeed: pipeline.sourceSeed)
            try handOverIfFull(bytesRead: bytesRead)
        }

        mutating func take(record: ActivityRecord, bytesRead: Int64) throws {
            let owner = owners.number(record.owner) { batch.newOwners.append($0) }
            guard let sourceSeed = pipeline.sourceSeed else { preconditionFailure("records are wanted with a seed") }
            batch.activities.append(record, owner: owner, sourceSeed: sourceSeed)
            try handOverIfFull(bytesRead: bytesRead)
        }

        mutating func add(_ row: ExportRow) throws {
            batch.rows.append(row)
            try handOverIfFull(bytesRead: pipeline.reader.bytesRead)
        }

        /// Queues the batch when it is full; throws `Cancelled` when the writer cancelled.
        private mutating func handOverIfFull(bytesRead: Int64) throws {
            guard batch.count == pipeline.batchSize else { return }
            batch.bytesRead = bytesRead
            guard let recordsWanted = pipeline.put(batch) else { throw Cancelled() }
            takesRecords = recordsWanted
            batch = Batch(size: pipeline.batchSize)
        }
    }

    /// The writer cancelled while a batch was being handed over.
    private struct Cancelled: Error {}

    /// Queues `batch`, waiting while the queue is full; whether the writer asks for records, or nil when it
    /// cancelled.
    private func put(_ batch: Batch) -> Bool? {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return nil }
        queue.append(batch)
        condition.broadcast()
        return recordsWanted
    }

    private func finish(_ error: (any Error)?) {
        condition.lock()
        failure = error
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}
