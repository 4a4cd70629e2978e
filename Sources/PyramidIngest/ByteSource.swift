import Foundation

/// Where the CSV reader gets its bytes: a file read in large chunks, or a transcoding view of one.
public protocol ByteSource {
    /// Reads up to `count` bytes into `buffer` at `offset`; returns how many were read, 0 at the end.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// A file read sequentially with `read(2)`, so memory stays flat however large the file is.
public final class FileByteSource: ByteSource {
    private let handle: FileHandle
    /// The file's path, for messages.
    public let url: URL

    /// Opens `url` for reading.
    public init(url: URL) throws {
        self.url = url
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw IngestError.unreadableFile(file: url.lastPathComponent, reason: IngestError.describe(error))
        }
    }

    deinit { try? handle.close() }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let n = Foundation.read(handle.fileDescriptor, base, buffer.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw IngestError.unreadableFile(
                file: url.lastPathComponent, reason: String(cString: strerror(errno)))
        }
    }
}

/// Bytes held in memory, for tests and for small inputs.
public struct MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private var position = 0

    /// Wraps `bytes`.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Wraps the UTF-8 bytes of `text`.
    public init(_ text: String) { self.bytes = Array(text.utf8) }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = min(buffer.count, bytes.count - position)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position..<position + n]))
        }
        position += n
        return n
    }
}

/// Turns UTF-16 (little or big endian, as Excel's "Unicode text" writes it) into UTF-8 on the fly.
public struct UTF16ToUTF8Source<Base: ByteSource>: ByteSource {
    private var base: Base
    private let bigEndian: Bool
    private var input = [UInt8](repeating: 0, count: 1 << 16)
    private var inputStart = 0
    private var inputEnd = 0
    private var pendingHigh: UInt16?
    private var output: [UInt8] = []
    private var outputStart = 0
    private var finished = false

    /// Wraps `base`. A byte order mark in it comes out as U+FEFF (`EF BB BF`), which `CSVReader` steps over.
    public init(base: Base, bigEndian: Bool) {
        self.base = base
        self.bigEndian = bigEndian
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while output.count - outputStart == 0 {
            if finished { return 0 }
            try refill()
        }
        let n = min(buffer.count, output.count - outputStart)
        output.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[outputStart..<outputStart + n]))
        }
        outputStart += n
        return n
    }

    private mutating func refill() throws {
        output.removeAll(keepingCapacity: true)
        outputStart = 0
        if inputStart > 0 {
            let leftover = inputEnd - inputStart
            for i in 0..<leftover { input[i] = input[inputStart + i] }
            inputStart = 0
            inputEnd = leftover
        }
        let n = try input.withUnsafeMutableBytes {
            try base.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[inputEnd...]))
        }
        inputEnd += n
        if n == 0 { finished = true }
        while inputEnd - inputStart >= 2 {
            let a = UInt16(input[inputStart]), b = UInt16(input[inputStart + 1])
            inputStart += 2
            append(unit: bigEndian ? a << 8 | b : b << 8 | a)
        }
        if finished, pendingHigh != nil { appendScalar(0xFFFD) }
    }

    private mutating func append(unit: UInt16) {
        if let high = pendingHigh {
            pendingHigh = nil
            if (0xDC00...0xDFFF).contains(unit) {
                appendScalar(0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00))
                return
            }
            appendScalar(0xFFFD)
        }
        switch unit {
        case 0xD800...0xDBFF: pendingHigh = unit
        case 0xDC00...0xDFFF: appendScalar(0xFFFD)
        default: appendScalar(UInt32(unit))
        }
    }

    private mutating func appendScalar(_ value: UInt32) {
        guard let scalar = Unicode.Scalar(value), let encoded = UTF8.encode(scalar) else { return }
        output.append(contentsOf: encoded)
    }
}
