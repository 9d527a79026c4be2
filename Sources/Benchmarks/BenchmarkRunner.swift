import Foundation

/// Times benchmark cases: one warm-up run, then `runs` timed runs; reports the median
/// wall-clock time (monotonic clock), which is robust to an occasional slow run.
public struct BenchmarkRunner: Sendable {
    /// Number of timed runs per case (≥ 1).
    public let runs: Int

    /// A runner doing `runs` timed runs per case.
    public init(runs: Int = 5) {
        self.runs = max(1, runs)
    }

    /// The measurement of one case.
    public struct Measurement: Sendable {
        /// The case's name.
        public let name: String
        /// Median wall time of one run, in seconds.
        public let medianSeconds: Double
        /// Every timed run, in seconds, in the order measured.
        public let samples: [Double]
        /// Operations per second at the median (nil when the case has no operation count).
        public let operationsPerSecond: Double?
    }

    /// Runs `benchmark` and returns its measurement.
    public func measure(_ benchmark: BenchmarkCase) throws -> Measurement {
        let body = try benchmark.prepare()
        try body()  // warm-up
        let clock = ContinuousClock()
        var samples: [Double] = []
        for _ in 0..<runs {
            let elapsed = try clock.measure { try body() }
            samples.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        let median = samples.sorted()[samples.count / 2]
        return Measurement(name: benchmark.name, medianSeconds: median, samples: samples,
                           operationsPerSecond: benchmark.operations.map { $0 / median })
    }
}
