import Foundation

/// Runs the NumPy reference script (`Benchmarks/numpy_reference.py`) in the same invocation
/// and reads its medians: one JSON object per line, `{"name": …, "median_seconds": …}`.
public struct NumpyReference: Sendable {
    /// Path of the Python script.
    public let script: URL
    /// The Python interpreter to run (`python3` on the PATH by default).
    public let python: String

    /// A reference runner for `script`.
    public init(script: URL, python: String = "python3") {
        self.script = script
        self.python = python
    }

    /// Median seconds per case name, from running the script with `runs` timed runs.
    /// Throws when Python or NumPy is missing or the script fails, with its error output.
    public func run(runs: Int, cases: [String]) throws -> [String: Double] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, script.path, "--runs", String(runs)] + cases
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchmarkError.referenceFailed(script: script.path, message: errorText)
        }
        var medians: [String: Double] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let name = object["name"] as? String, let seconds = object["median_seconds"] as? Double else { continue }
            medians[name] = seconds
        }
        return medians
    }
}

/// Errors of the benchmark harness.
public enum BenchmarkError: Error, CustomStringConvertible {
    /// The NumPy reference script failed.
    case referenceFailed(script: String, message: String)
    /// No case has this name.
    case unknownCase(String, available: [String])

    public var description: String {
        switch self {
        case .referenceFailed(let script, let message):
            return "the NumPy reference \(script) failed: \(message.trimmingCharacters(in: .whitespacesAndNewlines))"
        case .unknownCase(let name, let available):
            return "unknown benchmark '\(name)'; available: \(available.joined(separator: ", "))"
        }
    }
}
