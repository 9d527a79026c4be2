import ArgumentParser
import Benchmarks
import Foundation

/// `workbook bench`: times the standard cases and, side by side, the NumPy reference.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time fills, orthogonal init, matrix products, experiments and the site build; compare with NumPy.",
        discussion: """
        Method: one warm-up run, then --runs timed runs per case; the median wall time is reported.
        Build in release first: swift run -c release workbook bench
        """
    )

    @Option(help: "Timed runs per case.") var runs: Int = 5
    @Option(help: "NumPy reference script (skipped with --no-numpy).") var numpyScript = "Benchmarks/numpy_reference.py"
    @Flag(help: "Do not run the NumPy reference.") var noNumpy = false
    @Argument(help: "Case names to run (default: all).") var cases: [String] = []

    func run() throws {
        let available = StandardBenchmarks.all
        let selected = try cases.isEmpty ? available : cases.map { name in
            guard let found = available.first(where: { $0.name == name }) else {
                throw BenchmarkError.unknownCase(name, available: available.map(\.name))
            }
            return found
        }
        let runner = BenchmarkRunner(runs: runs)
        let reference = noNumpy ? [:] : try NumpyReference(script: URL(fileURLWithPath: numpyScript))
            .run(runs: runs, cases: selected.map(\.name))
        print("| case | Swift median | NumPy median | Swift/NumPy |")
        print("|---|---:|---:|---:|")
        for benchmark in selected {
            let measurement = try runner.measure(benchmark)
            let numpy = reference[benchmark.name]
            let ratio = numpy.map { String(format: "%.2f", measurement.medianSeconds / $0) } ?? "–"
            var swiftText = milliseconds(measurement.medianSeconds)
            if let rate = measurement.operationsPerSecond { swiftText += String(format: " (%.1f GFLOP/s)", rate / 1e9) }
            var numpyText = numpy.map(milliseconds) ?? "–"
            if let numpy, let operations = benchmark.operations { numpyText += String(format: " (%.1f GFLOP/s)", operations / numpy / 1e9) }
            print("| \(benchmark.name) | \(swiftText) | \(numpyText) | \(ratio) |")
        }
    }

    private func milliseconds(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
}
