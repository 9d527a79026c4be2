import ArgumentParser
import Benchmarks
import Foundation

/// `workbook bench`: times the standard cases and, in alternation with each, its NumPy twin.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time fills, orthogonal init, matrix products, experiments and the site build; compare with NumPy.",
        discussion: """
            Method: a case with a NumPy twin or a floor runs in --runs rounds; each round runs the Swift case (untimed, \
            then timed), its floor (the same matrix products alone) likewise, then the NumPy twins in one long-lived \
            `numpy_reference.py --serve` process (untimed, then timed, then a pause while OpenBLAS's threads go idle). \
            A case shorter than 20 ms runs back to back enough times to last 20 ms, the same count on both sides; \
            each side's timed runs follow at least 0.5 s of untimed runs (this VM needs a few hundred milliseconds \
            of load after an idle pause to run at full speed). \
            Ratios are taken round by round and reported as median [min–max], so drift of the machine's load cancels. \
            Cases without a twin: one warm-up run, then --runs timed runs, median. The whole-process case starts \
            `workbook run` --runs times and splits its wall time into phases.
            Build in release first: swift run -c release workbook bench
            """
    )

    @Option(help: "Timed runs (rounds) per case.") var runs: Int = 5
    @Option(help: "NumPy reference script (skipped with --no-numpy).") var numpyScript = "Benchmarks/numpy_reference.py"
    @Option(help: "Seconds the NumPy server waits after each timed run for OpenBLAS's threads to go idle.") var settle =
        0.15
    @Flag(help: "Do not run the NumPy reference.") var noNumpy = false
    @Argument(help: "Case names to run (default: all).") var cases: [String] = []

    func run() throws {
        let available = StandardBenchmarks.all
        let selected =
            try cases.isEmpty
            ? available
            : cases.map { name in
                guard let found = available.first(where: { $0.name == name }) else {
                    throw BenchmarkError.unknownCase(name, available: available.map(\.name))
                }
                return found
            }
        let runner = BenchmarkRunner(runs: runs)
        let numpy = noNumpy ? nil : try NumpyServer(script: URL(fileURLWithPath: numpyScript), settle: settle)
        var floors: [BenchmarkRunner.Comparison] = []
        print("| case | Swift median | NumPy median | Swift/NumPy median [min–max] |")
        print("|---|---:|---:|---:|")
        for benchmark in selected {
            let floor = benchmark.floor.flatMap { name in available.first { $0.name == name } }
            let hasTwin = numpy?.names.contains(benchmark.name) ?? false
            if hasTwin || floor != nil {
                let comparison = try runner.compare(benchmark, floor: floor, numpy: hasTwin ? numpy : nil)
                let swift = BenchmarkRunner.median(comparison.swift)
                var swiftText = milliseconds(swift)
                if let operations = benchmark.operations {
                    swiftText += String(format: " (%.1f GFLOP/s)", operations / swift / 1e9)
                }
                var numpyText = "–", ratioText = "–"
                if !comparison.numpy.isEmpty {
                    let median = BenchmarkRunner.median(comparison.numpy)
                    numpyText = milliseconds(median)
                    if let operations = benchmark.operations {
                        numpyText += String(format: " (%.1f GFLOP/s)", operations / median / 1e9)
                    }
                    ratioText = spread(comparison.ratios)
                }
                print("| \(benchmark.name) | \(swiftText) | \(numpyText) | \(ratioText) |")
                if floor != nil { floors.append(comparison) }
            } else {
                let measurement = try runner.measure(benchmark)
                var swiftText = milliseconds(measurement.medianSeconds)
                if let rate = measurement.operationsPerSecond {
                    swiftText += String(format: " (%.1f GFLOP/s)", rate / 1e9)
                }
                print("| \(benchmark.name) | \(swiftText) | – | – |")
            }
        }
        if !floors.isEmpty {
            print("")
            print(
                "Floor ratio: the case's time ÷ the time of its matrix products alone (forward-stats-products), "
                    + "round by round."
            )
            print("")
            print("| case | median | products alone | floor ratio median [min–max] | NumPy floor ratio |")
            print("|---|---:|---:|---:|---:|")
            for comparison in floors {
                let numpyFloor = comparison.numpyFloorRatios.isEmpty ? "–" : spread(comparison.numpyFloorRatios)
                print(
                    "| \(comparison.name) | \(milliseconds(BenchmarkRunner.median(comparison.swift))) | "
                        + "\(milliseconds(BenchmarkRunner.median(comparison.floor))) | "
                        + "\(spread(comparison.floorRatios)) | \(numpyFloor) |"
                )
            }
        }
        if selected.contains(where: { $0.name == StandardBenchmarks.processCaseName }) {
            try printPhases()
        }
    }

    /// Splits the whole-process case's wall time into phases (median of --runs processes).
    private func printPhases() throws {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var samples: [ProcessPhases] = []
        for _ in 0..<max(1, runs) {
            samples.append(
                try ProcessPhases.measure(executable: executable, arguments: StandardBenchmarks.processArguments))
        }
        let phases = ProcessPhases.median(samples)
        print("")
        print(
            "Whole process `workbook \(StandardBenchmarks.processArguments.joined(separator: " "))`, median phase of "
                + "\(samples.count) runs:"
        )
        print("")
        print("| phase | time |")
        print("|---|---:|")
        print("| launch to main (exec, loader, Swift runtime) | \(milliseconds(phases.startup)) |")
        print("| argument parsing, registry | \(milliseconds(phases.parsing)) |")
        print("| experiment (cold: first touch, thread start-up) | \(milliseconds(phases.experiment)) |")
        print("| JSON formatting and writing | \(milliseconds(phases.output)) |")
        print("| exit and reaping | \(milliseconds(phases.teardown)) |")
        print("| sum of medians | \(milliseconds(phases.total)) |")
    }

    /// `median [min–max]` of ratios, two decimals.
    private func spread(_ ratios: [Double]) -> String {
        guard let low = ratios.min(), let high = ratios.max() else { return "–" }
        return String(format: "%.2f [%.2f–%.2f]", BenchmarkRunner.median(ratios), low, high)
    }

    /// Seconds as milliseconds with one decimal.
    private func milliseconds(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
}
