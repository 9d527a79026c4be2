import Dispatch
import Foundation
import WeightInit

/// Runs a program to completion with its standard output and error in files and a time limit,
/// so that whatever the program does (trap, loop, flood its output) the caller gets a result.
struct ChildProcess: Sendable {
    /// How the program ended.
    enum Ending: Sendable, Equatable {
        /// It exited with this status.
        case exited(Int32)
        /// A signal ended it (e.g. 4 or 5 for a Swift trap, 11 for a stack overflow).
        case signalled(Int32)
        /// It ran past the limit and was killed.
        case timedOut
    }

    /// What a run left behind.
    struct Outcome: Sendable {
        var ending: Ending
        var standardOutput: String
        var standardError: String
    }

    /// The program.
    var executable: URL
    /// Its arguments.
    var arguments: [String]
    /// Variables added to the current environment.
    var environment: [String: String] = [:]
    /// The working directory.
    var directory: URL
    /// The time limit.
    var timeout: Duration

    /// Runs the program within the process's ``ChildProcessSlots`` (waiting for a slot, and telling
    /// the child its thread budget in `WORKBOOK_JOBS`); output goes to files in `scratch` (created if needed).
    func run(scratch: URL) throws -> Outcome {
        let manager = FileManager.default
        try manager.createDirectory(at: scratch, withIntermediateDirectories: true)
        let outURL = scratch.appendingPathComponent("stdout.txt")
        let errURL = scratch.appendingPathComponent("stderr.txt")
        _ = manager.createFile(atPath: outURL.path, contents: nil)
        _ = manager.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        defer {
            try? out.close()
            try? err.close()
        }
        let slots = ChildProcessSlots.shared
        let jobs = slots.acquire()
        defer { slots.release() }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var inherited = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        inherited[ConcurrencyBudget.environmentKey] = String(jobs)
        process.environment = inherited
        process.currentDirectoryURL = directory
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        var timedOut = false
        if finished.wait(timeout: .now() + Self.dispatchInterval(timeout)) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        process.waitUntilExit()
        let ending: Ending
        if timedOut {
            ending = .timedOut
        } else if process.terminationReason == .uncaughtSignal {
            ending = .signalled(process.terminationStatus)
        } else {
            ending = .exited(process.terminationStatus)
        }
        return Outcome(ending: ending, standardOutput: Self.read(outURL), standardError: Self.read(errURL))
    }

    private static func read(_ url: URL) -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    private static func dispatchInterval(_ duration: Duration) -> DispatchTimeInterval {
        let (seconds, attoseconds) = duration.components
        return .milliseconds(Int(min(seconds, 86_400 * 365)) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
