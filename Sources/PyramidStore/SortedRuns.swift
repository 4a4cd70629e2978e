import CPyramidPageCache
import Foundation

/// Rows put in id order through a file of sorted runs (an external merge sort), for an import into an empty
/// activity table whose rows do not come in id order (see `ActivityWriter`): appended in id order, each row starts
/// or fills the table's last page, where written in the middle of the table it split a page there, which SQLite
/// balanced with its neighbours, copying all three.
///
/// At most `runRows` rows are held in memory; each full run is sorted and written to a temporary file (unlinked as
/// soon as it is made: `TemporaryFile`). `drain` merges the runs.
final class SortedRuns {
    /// The rows sorted in memory at a time by default: about 4 MiB of an export's rows.
    static let defaultRunRows = 16_384
    /// The rows sorted in memory at a time.
    let runRows: Int
    /// The bytes read at a time from each run while merging.
    static let chunkBytes = 8 << 10

    private var run: ActivityBatch
    private var runOwners: [Int64] = []
    private var runIDs: [Int64] = []
    private var file: FileHandle?
    /// Where each run starts in the file, and how many rows it holds.
    private var runs: [(offset: UInt64, rows: Int)] = []
    private var fileSize: UInt64 = 0
    /// A run's bytes on their way to the file, written `spillBytes` or so at a time (`bufferCount` of
    /// `bufferCapacity` used, more for a row larger than that), and how many of the run's are written. Written
    /// through a pointer: appended to an array a value at a time, spilling a shuffled 1M-row file's runs took 0.39 s
    /// of the writing thread, against 0.22 s (`perf record`, sorting and writing included).
    private var buffer: UnsafeMutableRawPointer
    private var bufferCount = 0
    private var bufferCapacity = spillBytes
    private var runBytes: UInt64 = 0
    static let spillBytes = 256 << 10

    /// The bytes a row takes in the file before its text: the row, its owner row and its id.
    private static let headerBytes = MemoryLayout<ActivityBatch.Row>.stride + 16

    /// The bytes of the file the merge gives back to the OS at a time, at least (see `RunReader`).
    let punchBytes: UInt64

    /// Sorts `runRows` rows in memory at a time, and gives the file back `punchBytes` at a time as it merges them.
    init(runRows: Int = defaultRunRows, punchBytes: UInt64 = 256 << 10) {
        self.runRows = runRows
        self.punchBytes = punchBytes
        run = ActivityBatch(rows: runRows)
        buffer = .allocate(byteCount: bufferCapacity, alignment: 16)
    }

    deinit { buffer.deallocate() }

    /// How many rows were added.
    private(set) var count = 0
    /// Whether every row came in id order.
    private(set) var inOrder = true
    private var lastID = Int64.min

    /// Adds `row` of `batch`, stored for owner row `owner` under `id`.
    func add(_ row: ActivityBatch.Row, of batch: ActivityBatch, owner: Int64, id: Int64) throws {
        run.append(row, of: batch)
        runOwners.append(owner)
        runIDs.append(id)
        count += 1
        if id < lastID { inOrder = false }
        lastID = id
        if run.count == runRows { try spill() }
    }

    /// A chunk of rows in id order, with their owner rows and ids.
    final class Chunk: @unchecked Sendable {
        let rows = ActivityBatch(rows: SortedRuns.chunkRows, textCapacity: SortedRuns.chunkRows * 256)
        var owners: [Int64] = []
        var ids: [Int64] = []
    }

    /// The rows handed over at a time while draining.
    static let chunkRows = 1024

    /// Calls `body` with every row added, in id order, then forgets them. The runs are merged on another thread
    /// while `body` writes (at most four chunks of rows waiting), as the file was read while rows were written.
    func drain(_ body: (ActivityBatch.Row, ActivityBatch, _ owner: Int64, _ id: Int64) throws -> Void) throws {
        defer { reset() }
        guard !runs.isEmpty else {
            for index in runIDs.indices.sorted(by: { runIDs[$0] < runIDs[$1] }) {
                try body(run.rows[index], run, runOwners[index], runIDs[index])
            }
            return
        }
        try spill()
        // The run in memory (about 5 MiB) is not needed to merge: given back.
        run = ActivityBatch()
        runOwners = []
        runIDs = []
        guard let file else { return }
        let handOver = ChunkQueue(capacity: 4)
        let readers = runs.indices.map { index in
            let end = index + 1 < runs.count ? runs[index + 1].offset : fileSize
            return RunReader(
                file: file, offset: runs[index].offset, end: end, rows: runs[index].rows, punchBytes: punchBytes)
        }
        let merging = Thread {
            handOver.produce { emit in try SortedRuns.merge(readers, into: emit) }
        }
        merging.stackSize = 1 << 22
        merging.start()
        defer { handOver.cancelAndWait() }
        while let chunk = try handOver.next() {
            for (index, row) in chunk.rows.rows.enumerated() {
                try body(row, chunk.rows, chunk.owners[index], chunk.ids[index])
            }
        }
    }

    /// Merges the runs of `readers` by id, in chunks handed to `emit`.
    private static func merge(_ readers: [RunReader], into emit: (Chunk) throws -> Void) throws {
        var readers = readers
        // A binary heap of the runs by their next row's id.
        var heap: [(id: Int64, run: Int)] = []
        func push(_ entry: (id: Int64, run: Int)) {
            heap.append(entry)
            var child = heap.count - 1
            while child > 0, heap[(child - 1) / 2].id > heap[child].id {
                heap.swapAt(child, (child - 1) / 2)
                child = (child - 1) / 2
            }
        }
        func popFirst() -> (id: Int64, run: Int) {
            let first = heap[0]
            heap[0] = heap[heap.count - 1]
            heap.removeLast()
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var least = parent
                if left < heap.count, heap[left].id < heap[least].id { least = left }
                if right < heap.count, heap[right].id < heap[least].id { least = right }
                if least == parent { break }
                heap.swapAt(parent, least)
                parent = least
            }
            return first
        }
        for index in readers.indices {
            if let id = try readers[index].peekID() { push((id, index)) }
        }
        var chunk = Chunk()
        while !heap.isEmpty {
            let next = popFirst()
            let (owner, id) = try readers[next.run].read(into: chunk.rows)
            chunk.owners.append(owner)
            chunk.ids.append(id)
            if chunk.ids.count == chunkRows {
                try emit(chunk)
                chunk = Chunk()
            }
            if let following = try readers[next.run].peekID() { push((following, next.run)) }
        }
        if !chunk.ids.isEmpty { try emit(chunk) }
    }

    /// Chunks handed from the merging thread to the writer, at most `capacity` waiting.
    private final class ChunkQueue: @unchecked Sendable {
        private let capacity: Int
        private let condition = NSCondition()
        private var chunks: [Chunk] = []
        private var finished = false
        private var cancelled = false
        private var failure: (any Error)?
        private let done = DispatchSemaphore(value: 0)

        init(capacity: Int) { self.capacity = capacity }

        /// Runs `body` on the calling (merging) thread, handing over what it emits, then marks the end.
        func produce(_ body: ((Chunk) throws -> Void) throws -> Void) {
            do {
                try body { chunk in
                    condition.lock()
                    defer { condition.unlock() }
                    while chunks.count >= capacity && !cancelled { condition.wait() }
                    if cancelled { throw CancellationError() }
                    chunks.append(chunk)
                    condition.broadcast()
                }
            } catch {
                condition.lock()
                if !(error is CancellationError) { failure = error }
                condition.unlock()
            }
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
            done.signal()
        }

        /// The next chunk; nil at the end. Rethrows what stopped the merge.
        func next() throws -> Chunk? {
            condition.lock()
            defer { condition.unlock() }
            while chunks.isEmpty && !finished { condition.wait() }
            if !chunks.isEmpty {
                condition.broadcast()
                return chunks.removeFirst()
            }
            if let failure { throw failure }
            return nil
        }

        /// Stops the merging thread (if it still runs) and waits for it.
        func cancelAndWait() {
            condition.lock()
            cancelled = true
            condition.broadcast()
            condition.unlock()
            done.wait()
        }
    }

    /// Sorts the run in memory and appends it to the file.
    private func spill() throws {
        guard !run.isEmpty else { return }
        if file == nil { file = try TemporaryFile.unlinked(prefix: "pyramid-sort") }
        for index in runIDs.indices.sorted(by: { runIDs[$0] < runIDs[$1] }) {
            var row = run.rows[index]
            let textCount = Int(row.textEnds[ActivityBatch.textFields - 1])
            let text = run.text(0, of: row).baseAddress
            // Read back, the row's text starts at the start of what is read.
            row.textStart = 0
            try makeRoom(Self.headerBytes + textCount)
            let at = buffer + bufferCount
            // The padding after the row is written as zeros, not as whatever the buffer held.
            at.initializeMemory(as: UInt8.self, repeating: 0, count: MemoryLayout<ActivityBatch.Row>.stride)
            at.storeBytes(of: row, as: ActivityBatch.Row.self)
            at.storeBytes(of: runOwners[index], toByteOffset: Self.headerBytes - 16, as: Int64.self)
            at.storeBytes(of: runIDs[index], toByteOffset: Self.headerBytes - 8, as: Int64.self)
            if let text {
                (at + Self.headerBytes).copyMemory(from: text, byteCount: textCount)
            }
            bufferCount += Self.headerBytes + textCount
        }
        try write()
        runs.append((fileSize, run.count))
        fileSize += runBytes
        runBytes = 0
        run.removeAll()
        runOwners.removeAll(keepingCapacity: true)
        runIDs.removeAll(keepingCapacity: true)
    }

    /// Makes room for `bytes` more in the buffer: writes it to the file when it would pass `spillBytes`, and
    /// grows it for a row larger than that.
    private func makeRoom(_ bytes: Int) throws {
        if bufferCount + bytes > Self.spillBytes { try write() }
        guard bytes > bufferCapacity else { return }
        buffer.deallocate()
        bufferCapacity = bytes
        buffer = .allocate(byteCount: bufferCapacity, alignment: 16)
    }

    /// Appends the buffer to the file.
    private func write() throws {
        guard bufferCount > 0 else { return }
        try file?.write(contentsOf: Data(bytesNoCopy: buffer, count: bufferCount, deallocator: .none))
        runBytes += UInt64(bufferCount)
        bufferCount = 0
    }

    private func reset() {
        run.removeAll()
        runOwners.removeAll()
        runIDs.removeAll()
        runs.removeAll()
        try? file?.close()
        file = nil
        fileSize = 0
        count = 0
        inOrder = true
        lastID = .min
        bufferCount = 0
    }

    /// Reads one run back, a chunk at a time, and gives the OS back the file's pages it has read
    /// (`pyramid_punch_hole`): the rows merged leave memory as SQLite's pages take it up. (Kept until the end, a 4M-row
    /// file's runs held 1 GB of the OS's memory beside the table's 800 MB, and on this kind of VM memory not given
    /// back first costs five times more to write to: 2.05 s for 800 MB, against 0.4 s.)
    private struct RunReader: @unchecked Sendable {
        let file: FileHandle
        var offset: UInt64
        var rowsLeft: Int
        var bytes: [UInt8] = []
        var position = 0
        /// Where the pages not given back yet start: the run's first whole page, then the end of what was given back;
        /// and where the run ends. A page the run shares with another is never given back.
        var keptFrom: UInt64
        let end: UInt64
        /// The bytes given back at a time, at least.
        let punchBytes: UInt64
        static let pageBytes: UInt64 = 4096

        init(file: FileHandle, offset: UInt64, end: UInt64, rows: Int, punchBytes: UInt64) {
            self.file = file
            self.offset = offset
            self.end = end
            self.punchBytes = punchBytes
            rowsLeft = rows
            keptFrom = (offset + Self.pageBytes - 1) / Self.pageBytes * Self.pageBytes
        }

        /// The id of the next row, or nil at the run's end.
        mutating func peekID() throws -> Int64? {
            guard rowsLeft > 0 else { return nil }
            try need(SortedRuns.headerBytes)
            return bytes.withUnsafeBytes {
                $0.loadUnaligned(fromByteOffset: position + SortedRuns.headerBytes - 8, as: Int64.self)
            }
        }

        /// Reads the next row onto the end of `batch`; its owner row and id.
        mutating func read(into batch: ActivityBatch) throws -> (owner: Int64, id: Int64) {
            try need(SortedRuns.headerBytes)
            var row = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: position, as: ActivityBatch.Row.self) }
            let (owner, id) = bytes.withUnsafeBytes {
                (
                    $0.loadUnaligned(fromByteOffset: position + SortedRuns.headerBytes - 16, as: Int64.self),
                    $0.loadUnaligned(fromByteOffset: position + SortedRuns.headerBytes - 8, as: Int64.self)
                )
            }
            let textCount = Int(row.textEnds[ActivityBatch.textFields - 1])
            try need(SortedRuns.headerBytes + textCount)
            row.textStart = 0
            bytes.withUnsafeBufferPointer { all in
                batch.append(
                    row,
                    text: UnsafeBufferPointer(rebasing: all[(position + SortedRuns.headerBytes)...].prefix(textCount)))
            }
            position += SortedRuns.headerBytes + textCount
            rowsLeft -= 1
            return (owner, id)
        }

        /// Makes sure `count` bytes are read past `position`.
        private mutating func need(_ count: Int) throws {
            guard bytes.count - position < count else { return }
            bytes.removeSubrange(0..<position)
            position = 0
            try file.seek(toOffset: offset)
            let chunk = try file.read(upToCount: max(SortedRuns.chunkBytes, count - bytes.count)) ?? Data()
            offset += UInt64(chunk.count)
            bytes.append(contentsOf: chunk)
            guard bytes.count >= count else { throw CocoaError(.fileReadCorruptFile) }
            giveBack()
        }

        /// Gives the OS back the whole pages read since the last time, once they are `punchBytes` or more. Where the
        /// file system cannot, they stay until the file is closed, as they did before.
        private mutating func giveBack() {
            // A chunk may reach into the next run, which this one must not give back.
            let readTo = min(offset, end) / Self.pageBytes * Self.pageBytes
            guard readTo >= keptFrom + punchBytes else { return }
            _ = pyramid_punch_hole(file.fileDescriptor, Int64(keptFrom), Int64(readTo - keptFrom))
            keptFrom = readTo
        }
    }
}
