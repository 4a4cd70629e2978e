import CPyramidSHA
import Dispatch

/// SHA-256 (FIPS 180-4), to record which exact file an import read.
///
/// Written here rather than pulled from a crypto package: it is the only digest Pyramid needs, and the
/// toolchain ships none on Linux. Blocks are compressed in CPyramidSHA, with the processor's SHA instructions
/// where it has them, else in portable C.
public struct SHA256: Sendable {
    private var state: [UInt32] = [
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
    ]
    private var pending: [UInt8] = []
    private var length: UInt64 = 0
    /// Whether blocks go through the processor's SHA instructions.
    let usesHardware: Bool

    /// Starts a digest.
    public init() { self.init(hardware: true) }

    /// Starts a digest that uses the SHA instructions only when `hardware` is true and the processor has them
    /// (tests compare both ways).
    init(hardware: Bool) {
        usesHardware = hardware && Self.processorHasSHA
    }

    private static let processorHasSHA = pyramid_sha256_hardware_available() == 1

    /// Adds `bytes` to the digest.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        length &+= UInt64(bytes.count)
        var offset = 0
        if !pending.isEmpty {
            let take = min(64 - pending.count, bytes.count)
            pending.append(contentsOf: bytes[0..<take])
            offset = take
            if pending.count == 64 {
                let block = pending
                block.withUnsafeBytes { compress(blocks: UnsafeRawBufferPointer($0)) }
                pending.removeAll(keepingCapacity: true)
            }
        }
        let whole = (bytes.count - offset) / 64 * 64
        if whole > 0 {
            compress(blocks: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + whole]))
            offset += whole
        }
        if offset < bytes.count { pending.append(contentsOf: bytes[offset...]) }
    }

    /// Compresses `blocks`, a whole number of 64-byte blocks.
    private mutating func compress(blocks: UnsafeRawBufferPointer) {
        guard let base = blocks.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let hardware = usesHardware
        state.withUnsafeMutableBufferPointer { words in
            if hardware {
                pyramid_sha256_blocks(words.baseAddress, base, blocks.count / 64)
            } else {
                pyramid_sha256_blocks_portable(words.baseAddress, base, blocks.count / 64)
            }
        }
    }

    /// The digest as 64 lowercase hex digits.
    public mutating func finalize() -> String {
        let bitLength = length &* 8
        var tail: [UInt8] = [0x80]
        while (pending.count + tail.count) % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) {
            tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        let savedLength = length
        tail.withUnsafeBytes { update($0) }
        length = savedLength
        return state.map { word in
            let digits = String(word, radix: 16)
            return String(repeating: "0", count: 8 - digits.count) + digits
        }.joined()
    }
}

/// Collects the SHA-256 of the bytes a `HashingByteSource` passes on, digesting them on another thread: the
/// thread that reads a file is an import's bottleneck when its rows are already stored, and the other core
/// has time to spare. Each chunk is copied first, so the reader may reuse its buffer at once; one chunk is
/// digested at a time.
public final class DigestSink: @unchecked Sendable {
    private var state = SHA256()
    private let queue = DispatchQueue(label: "pyramid.sha256")
    /// Signalled while no chunk is being digested.
    private let idle = DispatchSemaphore(value: 1)
    /// The copy of the chunk being digested.
    private var chunk = UnsafeMutableRawBufferPointer(start: nil, count: 0)

    /// Creates an empty sink.
    public init() {}

    // No chunk is being digested here: the block digesting one holds the sink until it has signalled.
    deinit { chunk.deallocate() }

    /// The digest of the bytes added so far, once the last of them is digested.
    public var digest: SHA256 {
        idle.wait()
        defer { idle.signal() }
        return state
    }

    /// Adds `bytes`, which are copied: the caller may change them as soon as this returns.
    public func add(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        idle.wait()
        if chunk.count < bytes.count {
            chunk.deallocate()
            chunk = .allocate(byteCount: max(bytes.count, 1 << 20), alignment: 16)
        }
        chunk.copyMemory(from: bytes)
        let count = bytes.count
        queue.async { [self] in
            state.update(UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
            idle.signal()
        }
    }
}

/// A byte source that digests what passes through it.
public struct HashingByteSource<Base: ByteSource>: ByteSource {
    private var base: Base
    private let sink: DigestSink

    /// Wraps `base`, digesting into `sink`.
    public init(_ base: Base, into sink: DigestSink) {
        self.base = base
        self.sink = sink
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = try base.read(into: buffer)
        if n > 0 { sink.add(UnsafeRawBufferPointer(rebasing: buffer[0..<n])) }
        return n
    }
}

/// Any byte source, so one reader type serves plain and transcoded files.
public struct AnyByteSource: ByteSource {
    private var base: any ByteSource

    /// Wraps `base`.
    public init(_ base: any ByteSource) { self.base = base }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        try base.read(into: buffer)
    }
}
