import Foundation

/// Errors of the benchmark harness.
public enum BenchmarkError: Error, Equatable, CustomStringConvertible {
    /// The NumPy reference script failed.
    case referenceFailed(script: String, message: String)
    /// No case has this name.
    case unknownCase(String, available: [String])
    /// A measured child process failed or printed no timings.
    case processFailed(command: String, message: String)

    /// The message shown to the user.
    public var description: String {
        switch self {
        case .referenceFailed(let script, let message):
            return "the NumPy reference \(script) failed: \(message.trimmingCharacters(in: .whitespacesAndNewlines))"
        case .unknownCase(let name, let available):
            return "unknown benchmark '\(name)'; available: \(available.joined(separator: ", "))"
        case .processFailed(let command, let message):
            return "\(command) failed: \(message.trimmingCharacters(in: .whitespacesAndNewlines))"
        }
    }
}
