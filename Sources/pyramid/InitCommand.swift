import ArgumentParser
import Foundation
import PyramidIngest

/// `pyramid init`: writes pyramid.yml with the default standards.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Write pyramid.yml with the default standards.",
        discussion: "Example: pyramid init && $EDITOR pyramid.yml")

    @Option(name: .long, help: "Where to write the settings.")
    var config = "pyramid.yml"

    @Flag(name: .long, help: "Overwrite an existing file.")
    var force = false

    func run() throws {
        let url = URL(fileURLWithPath: config)
        if FileManager.default.fileExists(atPath: url.path) && !force {
            Terminal.note("\(config) already exists; pass --force to overwrite it")
            throw ExitCode.failure
        }
        try ConfigFile.template.write(to: url, atomically: true, encoding: .utf8)
        Terminal.print("wrote \(config): 20 outbound calls a day, 5 conversations a week, 100000 won a quarter")
    }
}
