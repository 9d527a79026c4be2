import Foundation
import Testing

/// Runs the `workbook` executable that `swift test` builds next to the test bundle, as a user would.
enum Workbook {
    /// What one run printed and how it ended.
    struct Output {
        /// Standard output, UTF-8.
        let stdout: String
        /// Standard error, UTF-8.
        let stderr: String
        /// The exit status (0 success, 1 failure, 64 usage error as ArgumentParser reports it).
        let status: Int32
    }

    /// The `workbook` executable in the build folder of the running tests.
    static func executable() throws -> URL {
        let folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let executable = folder.appendingPathComponent("workbook")
        try #require(
            FileManager.default.isExecutableFile(atPath: executable.path),
            "no workbook executable in \(folder.path); build it with `swift build -c release`")
        return executable
    }

    /// `workbook arguments…`: what it printed and its exit status. Both streams go to files in a fresh
    /// temporary folder, so neither can fill a pipe and block the child.
    static func run(_ arguments: [String]) throws -> Output {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputURL = folder.appendingPathComponent("stdout"), errorURL = folder.appendingPathComponent("stderr")
        try Data().write(to: outputURL)
        try Data().write(to: errorURL)
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        try process.run()
        process.waitUntilExit()
        return Output(
            stdout: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self),
            status: process.terminationStatus)
    }

    /// The first line of standard error (ArgumentParser's `Error: …` line) of a run that must fail.
    static func errorLine(_ arguments: [String]) throws -> String {
        let output = try run(arguments)
        #expect(output.status != 0, "workbook \(arguments.joined(separator: " ")) succeeded")
        return output.stderr.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
    }
}
