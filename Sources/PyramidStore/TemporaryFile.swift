import Foundation

/// Scratch files an import writes and reads back: made in the temporary folder and unlinked at once, so nothing is
/// left behind whatever happens to the process.
package enum TemporaryFile {
    /// A new, already unlinked file in the temporary folder, its name starting with `prefix`.
    package static func unlinked(prefix: String) throws -> FileHandle {
        var template = Array((NSTemporaryDirectory() + "/\(prefix)-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { name in name.baseAddress.map { mkstemp($0) } ?? -1 }
        guard descriptor >= 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot make a temporary file"])
        }
        template.withUnsafeBufferPointer { name in _ = name.baseAddress.map { unlink($0) } }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }
}
