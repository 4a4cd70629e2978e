import Foundation

// csvbench generate FILE --rows N
// csvbench read pyramid|csvswift FILE
//
// `read` streams the whole file, counts records and fields, and sums the UTF-8 length of four columns
// turned into Strings per row (as the importer does), then prints one `key=value` line.

/// The four columns each reader turns into Strings on every row.
let benchColumns = ["Record ID", "Activity date", "Activity assigned to", "Call notes"]

/// Where the benchmark columns stand in `header`.
func benchColumnIndices(in header: [String]) -> [Int] {
    benchColumns.map { name in
        guard let index = header.firstIndex(of: name) else { fail("no column \(name)") }
        return index
    }
}

/// What a reader saw: equal across readers when they agree.
struct Tally {
    var rows = 0
    var fields = 0
    var utf8Bytes = 0
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("csvbench: \(message)\n".utf8))
    exit(2)
}

/// The peak resident set size of this process in kB (VmHWM), or 0 where /proc is missing.
func peakRSSKilobytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
    return line.flatMap { Int($0.split(separator: " ")[1]) } ?? 0
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch (arguments.first, arguments.count) {
case ("generate", 4) where arguments[2] == "--rows":
    guard let rows = Int(arguments[3]), rows > 0 else { fail("--rows wants a positive number") }
    try generate(path: arguments[1], rows: rows)
case ("read", 3):
    let path = arguments[2]
    let clock = ContinuousClock()
    let started = clock.now
    let tally: Tally
    switch arguments[1] {
    case "pyramid": tally = try readWithPyramid(path: path)
    case "csvswift": tally = try readWithCSVSwift(path: path)
    default: fail("unknown reader \(arguments[1]); use pyramid or csvswift")
    }
    let elapsed = clock.now - started
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    print(
        "reader=\(arguments[1]) rows=\(tally.rows) fields=\(tally.fields) utf8=\(tally.utf8Bytes)",
        "bytes=\(bytes) seconds=" + String(format: "%.3f", seconds),
        "rows_per_s=" + String(format: "%.0f", Double(tally.rows) / seconds),
        "mb_per_s=" + String(format: "%.1f", Double(bytes) / 1e6 / seconds),
        "vmhwm_kb=\(peakRSSKilobytes())")
default:
    fail("usage: csvbench generate FILE --rows N | csvbench read pyramid|csvswift FILE")
}
