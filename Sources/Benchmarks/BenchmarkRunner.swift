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
        return Measurement(
            name: benchmark.name, medianSeconds: median, samples: samples,
            operationsPerSecond: benchmark.operations.map { $0 / median })
    }
}

extension BenchmarkRunner {
    /// A case measured in alternation with its NumPy twin and its floor, round by round.
    public struct Comparison: Sendable {
        /// The case's name.
        public let name: String
        /// Swift seconds per round.
        public let swift: [Double]
        /// NumPy seconds per round (empty without a twin).
        public let numpy: [Double]
        /// Seconds of the floor case per round (empty without a floor).
        public let floor: [Double]
        /// NumPy seconds of the floor case's twin per round (empty without one).
        public let numpyFloor: [Double]

        /// swift[r] / numpy[r] for every round.
        public var ratios: [Double] { zip(swift, numpy).map { $0 / $1 } }
        /// swift[r] / floor[r] for every round.
        public var floorRatios: [Double] { zip(swift, floor).map { $0 / $1 } }
        /// numpy[r] / numpyFloor[r] for every round.
        public var numpyFloorRatios: [Double] { zip(numpy, numpyFloor).map { $0 / $1 } }
    }

    /// Measures `benchmark` in `runs` rounds. Each round (ABAB…): the Swift case (untimed runs,
    /// then as many timed runs), its `floor` case likewise, then NumPy's twin and the floor's twin
    /// in the long-lived `numpy` server (the same untimed and timed counts; it then waits for
    /// OpenBLAS's threads to go idle before it answers). A case faster than
    /// ``minimumRoundSeconds`` repeats back to back to last that long, the same count on both
    /// sides (the time of one run is the mean), and untimed runs (at least as many, for at least
    /// ``warmSeconds``) precede the timed ones, so each side starts timing with warm caches,
    /// threads and CPU clocks after the other's turn. Alternating makes slow drift of the machine's load hit both sides
    /// of each ratio alike; the medians and min–max are over the rounds.
    public func compare(_ benchmark: BenchmarkCase, floor: BenchmarkCase?, numpy: NumpyServer?) throws -> Comparison {
        let body = try benchmark.prepare()
        let floorBody = try floor?.prepare()
        let clock = ContinuousClock()
        func seconds(_ run: () throws -> Void) throws -> Double {
            let elapsed = try clock.measure(run)
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        }
        func repetitions(_ run: () throws -> Void) throws -> Int {
            let once = max(1e-6, try seconds(run))
            return min(1000, max(1, Int((Self.minimumRoundSeconds / once).rounded(.up))))
        }
        let reps = try repetitions(body)
        let floorReps = try floorBody.map { try repetitions($0) } ?? 1
        func mean(_ run: () throws -> Void, _ count: Int) throws -> Double {
            try seconds { for _ in 0..<count { try run() } } / Double(count)
        }
        var swift: [Double] = [], numpyTimes: [Double] = [], floorTimes: [Double] = [], numpyFloor: [Double] = []
        func warm(_ run: () throws -> Void, _ count: Int) throws {
            var elapsed = 0.0, done = 0
            while done < count || elapsed < Self.warmSeconds {
                elapsed += try seconds(run)
                done += 1
            }
        }
        let warmSeconds = Self.warmSeconds
        for _ in 0..<runs {
            try warm(body, reps)
            swift.append(try mean(body, reps))
            if let floorBody {
                try warm(floorBody, floorReps)
                floorTimes.append(try mean(floorBody, floorReps))
            }
            if let numpy {
                if let time = try numpy.time(benchmark.name, repetitions: reps, warmSeconds: warmSeconds) {
                    numpyTimes.append(time)
                }
                if let floor, let time = try numpy.time(floor.name, repetitions: floorReps, warmSeconds: warmSeconds) {
                    numpyFloor.append(time)
                }
            }
        }
        return Comparison(
            name: benchmark.name, swift: swift, numpy: numpyTimes, floor: floorTimes, numpyFloor: numpyFloor)
    }

    /// Rounds of a compared case last at least this long (20 ms): shorter cases repeat.
    public static let minimumRoundSeconds = 0.02

    /// Untimed runs before each side's timed runs last at least this long (0.5 s): on this
    /// project's VM a product runs at about 60 % speed after a 0.15 s idle pause (such as the
    /// pause that lets OpenBLAS's threads go idle) and needs a few hundred milliseconds of load to
    /// reach full speed, so without it the side timed after the pause would be penalised.
    public static let warmSeconds = 0.5

    /// The median of `values` (the upper middle one for an even count); 0 when empty.
    public static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        return values.sorted()[values.count / 2]
    }
}
