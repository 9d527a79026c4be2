import Foundation

/// One long-lived `Benchmarks/numpy_reference.py --serve` process for a whole `workbook bench`
/// run: NumPy is imported and its cases prepared once, and each ``time(_:)`` request runs one
/// case there (an untimed run, then a timed one), so Swift and NumPy runs of a case can
/// alternate with both sides warm.
///
/// Protocol (one line each way): `time NAME REPS WARM` → `{"name": NAME, "seconds": t}` (or an `error`),
/// `names` → `{"names": [...]}`, `quit`.
public final class NumpyServer {
    /// The Python process.
    private let process: Process
    /// Its stdin (commands).
    private let input: FileHandle
    /// Its stdout (one JSON answer per line).
    private let output: FileHandle
    /// Its stderr, read when it fails.
    private let errors: Pipe
    /// Output read but not yet split into lines.
    private var buffer = Data()
    /// The case names the script knows.
    public private(set) var names: Set<String> = []

    /// Starts `python script --serve --settle settle`. Throws when Python, NumPy or the
    /// script is missing (with the script's error output).
    public init(script: URL, python: String = "python3", settle: Double = 0.15) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, script.path, "--serve", "--settle", String(settle)]
        let stdin = Pipe(), stdout = Pipe()
        errors = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = errors
        try process.run()
        input = stdin.fileHandleForWriting
        output = stdout.fileHandleForReading
        let reply = try request("names")
        names = Set((reply["names"] as? [String]) ?? [])
    }

    /// Asks the script to quit and waits for it.
    deinit {
        try? input.write(contentsOf: Data("quit\n".utf8))
        try? input.close()
        process.waitUntilExit()
    }

    /// Mean seconds of `repetitions` timed NumPy runs of `name`, after untimed runs (at least
    /// `repetitions`, for at least `warmSeconds`), or nil when the script has no such case.
    public func time(_ name: String, repetitions: Int = 1, warmSeconds: Double = 0) throws -> Double? {
        guard names.contains(name) else { return nil }
        let reply = try request("time \(name) \(max(1, repetitions)) \(warmSeconds)")
        return reply["seconds"] as? Double
    }

    /// Sends one command and parses the one-line JSON answer.
    private func request(_ command: String) throws -> [String: Any] {
        do {
            try input.write(contentsOf: Data((command + "\n").utf8))
        } catch {
            throw failure("could not send '\(command)': \(error)")
        }
        guard let line = readLine(),
            let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any]
        else {
            throw failure("no answer to '\(command)'")
        }
        if let message = object["error"] as? String, object["name"] == nil {
            throw failure(message)
        }
        return object
    }

    /// The next line of the script's output (without the newline), or nil at end of file.
    private func readLine() -> Data? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[buffer.index(after: newline)...])
                return Data(line)
            }
            let chunk = output.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
        }
    }

    /// The error for a failed exchange, with what the script wrote to stderr when it exited.
    private func failure(_ message: String) -> BenchmarkError {
        var detail = message
        if !process.isRunning {
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            detail += ": " + text
        }
        return .referenceFailed(script: process.arguments?.dropFirst().first ?? "numpy_reference.py", message: detail)
    }
}
