import Foundation

/// Where the wall time of one `workbook run` process goes, as a student sees it: the bench
/// starts the process, which reports (with `--timings`) when `main` began, when its arguments
/// were parsed, when the experiment's result was ready and when its output was written, as
/// CLOCK_MONOTONIC seconds (one clock for both processes).
public struct ProcessPhases: Sendable {
    /// Launch to `main`: fork/exec, the dynamic loader, the Swift runtime and static initialisers.
    public var startup: Double
    /// `main` to the parsed command: argument parsing and the experiment registry.
    public var parsing: Double
    /// The experiment itself, cold: first touch of fresh memory, thread-pool start-up, caches.
    public var experiment: Double
    /// Formatting the result as JSON and writing it.
    public var output: Double
    /// Output written to the parent seeing the exit: releasing memory, exit, reaping.
    public var teardown: Double

    /// The whole process, launch to exit.
    public var total: Double { startup + parsing + experiment + output + teardown }

    /// The current CLOCK_MONOTONIC time in seconds (the same clock in every process).
    public static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    /// The stderr line `workbook run --timings` prints.
    public static func report(main: Double, parsed: Double, result: Double, written: Double) -> String {
        String(
            format: "{\"timings\": {\"main\": %.9f, \"parsed\": %.9f, \"result\": %.9f, \"written\": %.9f}}", main,
            parsed, result, written)
    }

    /// Runs `executable arguments… --timings` once (stdout discarded; `posix_spawn` and
    /// `waitpid`) and splits its wall time into phases; throws when it fails or prints no timings.
    public static func measure(executable: URL, arguments: [String]) throws -> ProcessPhases {
        let launched = now()
        let (status, text) = try SpawnedProcess.run(executable, arguments: arguments + ["--timings"])
        let exited = now()
        guard status == 0,
            let line = String(decoding: text, as: UTF8.self).split(separator: "\n").last(where: {
                $0.contains("\"timings\"")
            }),
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
            let timings = object["timings"] as? [String: Double],
            let main = timings["main"], let parsed = timings["parsed"], let result = timings["result"],
            let written = timings["written"]
        else {
            throw BenchmarkError.processFailed(
                command: ([executable.path] + arguments).joined(separator: " "),
                message: String(decoding: text, as: UTF8.self))
        }
        return ProcessPhases(
            startup: main - launched, parsing: parsed - main, experiment: result - parsed,
            output: written - result, teardown: exited - written)
    }

    /// The element-wise median of `samples` (each phase on its own).
    public static func median(_ samples: [ProcessPhases]) -> ProcessPhases {
        func middle(_ key: KeyPath<ProcessPhases, Double>) -> Double {
            BenchmarkRunner.median(samples.map { $0[keyPath: key] })
        }
        return ProcessPhases(
            startup: middle(\.startup), parsing: middle(\.parsing), experiment: middle(\.experiment),
            output: middle(\.output), teardown: middle(\.teardown))
    }
}
