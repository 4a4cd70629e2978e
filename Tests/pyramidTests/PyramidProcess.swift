import Foundation
import Testing

/// The real `pyramid` executable, run as a separate process the way a person or a cron job runs it.
enum PyramidProcess {
    /// The `pyramid` binary `swift test` built next to the test bundle (`PYRAMID_BIN` overrides): found by
    /// walking up from the test runner's own path to the build folder that holds it.
    static func binary() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["PYRAMID_BIN"] { return URL(fileURLWithPath: path) }
        let starts = [Bundle.main.executableURL, URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0])]
        for start in starts.compactMap({ $0?.resolvingSymlinksInPath() }) {
            var folder = start.deletingLastPathComponent()
            while folder.path != "/" {
                let candidate = folder.appendingPathComponent("pyramid")
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue,
                    FileManager.default.isExecutableFile(atPath: candidate.path)
                {
                    return candidate
                }
                folder = folder.deletingLastPathComponent()
            }
        }
        Issue.record("no pyramid executable next to the test runner \(ProcessInfo.processInfo.arguments[0])")
        throw CocoaError(.fileNoSuchFile)
    }

    /// Starts `pyramid ARGUMENTS` with its output going to files in `folder` (a pipe could fill and block it).
    static func start(_ arguments: [String], in folder: URL, label: String) throws -> Process {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let output = folder.appendingPathComponent("\(label).out")
        let errors = folder.appendingPathComponent("\(label).err")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        return process
    }

    /// Runs `pyramid ARGUMENTS` to the end; returns its exit status, standard output and standard error.
    static func run(_ arguments: [String], in folder: URL, label: String = "run") throws
        -> (status: Int32, output: String, errors: String)
    {
        let process = try start(arguments, in: folder, label: label)
        process.waitUntilExit()
        return (process.terminationStatus, try text(label + ".out", in: folder), try text(label + ".err", in: folder))
    }

    /// A file a run wrote.
    static func text(_ name: String, in folder: URL) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    /// Writes a generic activities export of `rows` calls, ids `PREFIX0`… and owners spread over 40 sellers.
    static func writeActivities(rows: Int, prefix: String, to url: URL) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var chunk = "id,owner,kind,direction,outcome,timestamp,duration,subject\n"
        for i in 0..<rows {
            let day = 9 + i % 5, hour = 8 + i % 9, minute = i % 60
            chunk += "\(prefix)\(i),seller\(i % 40)@example.com,call,outbound,connected,"
            chunk += "2026-11-\(day < 10 ? "0" : "")\(day)T\(hour < 10 ? "0" : "")\(hour):"
            chunk += "\(minute < 10 ? "0" : "")\(minute):00Z,\(i % 600),Call \(i)\n"
            if chunk.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(chunk.utf8))
                chunk = ""
            }
        }
        try handle.write(contentsOf: Data(chunk.utf8))
    }
}
