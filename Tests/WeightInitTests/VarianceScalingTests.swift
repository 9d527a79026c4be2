import Foundation
import Testing
import WeightInit

/// `variance-scaling(scale, mode, distribution)` against Keras's `VarianceScaling` formulas, and the
/// named fan-scaled initialisers as its cases.
@Suite("Variance scaling (Keras/JAX)")
struct VarianceScalingTests {
    static let shapes: [[Int]] = [[256, 512], [384, 96], [64, 32, 3, 3]]
    static let cases: [(String, Double, String, String)] = [
        ("variance-scaling", 1, "fan_in", "truncated_normal"),
        ("variance-scaling(scale=2, mode=fan_in, distribution=truncated_normal)", 2, "fan_in", "truncated_normal"),
        (
            "variance-scaling(scale=0.5, mode=fan_out, distribution=untruncated_normal)", 0.5, "fan_out",
            "untruncated_normal"
        ),
        ("variance-scaling(scale=3, mode=fan_avg, distribution=uniform)", 3, "fan_avg", "uniform"),
        ("variance-scaling(mode=fan_avg)", 1, "fan_avg", "truncated_normal"),
        ("variance_scaling(scale=1/3, mode=fan-out, distribution=uniform)", 1.0 / 3, "fan_out", "uniform"),
    ]

    /// Keras: n = max(1, fan) per mode (fan_avg = (fan_in + fan_out)/2); target variance scale/n.
    static func kerasVariance(scale: Double, mode: String, shape: [Int]) throws -> Double {
        let fans = try Fans(shape: shape)
        let n: Double =
            switch mode {
            case "fan_in": Double(fans.fanIn)
            case "fan_out": Double(fans.fanOut)
            default: Double(fans.fanIn + fans.fanOut) / 2
            }
        return scale / max(1, n)
    }

    @Test(
        "sample variance is scale/n (Keras) within 5 standard errors; the truncated normal stays in ±2σ′",
        arguments: cases, shapes)
    func keras(testCase: (String, Double, String, String), shape: [Int]) throws {
        let initializer = try InitializerSpec.parse(testCase.0).makeInitializer()
        let variance = try Self.kerasVariance(scale: testCase.1, mode: testCase.2, shape: shape)
        let predicted = try initializer.predictedStandardDeviation(for: shape)
        #expect(abs(predicted * predicted - variance) <= 1e-14 * variance)
        var stream = RandomStream(seed: 77)
        let tensor = try initializer.makeTensor(shape: shape, using: &stream)
        let statistics = SampleStatistics(tensor.scalars)
        // Kurtosis: uniform 1.8, normal 3; the ±2 truncated normal's is below 3, so 3 is conservative.
        let kurtosis = testCase.3 == "uniform" ? 1.8 : 3
        let tolerance =
            StatisticalTolerance.standardErrors
            * StatisticalTolerance.varianceStandardError(variance: variance, kurtosis: kurtosis, count: tensor.count)
        #expect(
            abs(statistics.variance - variance) <= tolerance,
            "\(testCase.0) \(shape): variance \(statistics.variance) vs \(variance) ± \(tolerance)")
        let meanTolerance = StatisticalTolerance.standardErrors * (variance / Double(tensor.count)).squareRoot()
        #expect(abs(statistics.mean) <= meanTolerance)
        let std = variance.squareRoot()
        switch testCase.3 {
        case "truncated_normal":
            // Keras: stddev = √(scale/n)/0.87962566103423978, values beyond 2·stddev redrawn.
            let bound = 2 * std / 0.87962566103423978
            #expect(statistics.maximum <= bound * (1 + 1e-6) && statistics.minimum >= -bound * (1 + 1e-6))
            #expect(statistics.maximum > 0.95 * bound && statistics.minimum < -0.95 * bound)
        case "uniform":
            // Keras: limit = √(3·scale/n).
            let limit = (3 * variance).squareRoot()
            #expect(statistics.maximum <= limit * (1 + 1e-6) && statistics.minimum >= -limit * (1 + 1e-6))
            #expect(statistics.maximum > 0.99 * limit)
        default:
            // Untruncated: some values beyond 2σ (4.55 % of them).
            #expect(statistics.maximum > 3 * std)
        }
    }

    @Test("the correction is the std of a unit normal truncated at ±2")
    func correction() throws {
        let truncated = try TruncatedNormalDistribution(mean: 0, standardDeviation: 1, lower: -2, upper: 2)
        #expect(
            abs(truncated.variance.squareRoot() - VarianceScalingInitializer.Distribution.truncationCorrection) < 1e-12)
    }

    @Test("spec text: defaults omitted, names round-trip")
    func specText() throws {
        let spec = try InitializerSpec.parse("variance-scaling(scale=2, mode=fan_in, distribution=truncated_normal)")
        let initializer = try #require(try spec.makeInitializer() as? VarianceScalingInitializer)
        #expect(initializer == (try VarianceScalingInitializer(scale: 2)))
        #expect(initializer.spec.description == "variance-scaling(scale=2)")
        let other = try InitializerSpec.parse("variance-scaling(mode=fan_avg, distribution=uniform)").makeInitializer()
        #expect(other.spec.description == "variance-scaling(mode=fan_avg, distribution=uniform)")
        #expect(try other.spec.makeInitializer() as? VarianceScalingInitializer == other as? VarianceScalingInitializer)
    }

    @Test("bad values name the value and the valid choices")
    func errors() {
        #expect(
            throws: InitializationError.invalidArgument(
                name: "distribution", value: "normal",
                expected: "truncated_normal, untruncated_normal or uniform")
        ) {
            try InitializerSpec.parse("variance-scaling(distribution=normal)").makeInitializer()
        }
        #expect(
            throws: InitializationError.invalidArgument(
                name: "mode", value: "fan_sum", expected: "fan_in, fan_out or fan_avg")
        ) {
            try InitializerSpec.parse("variance-scaling(mode=fan_sum)").makeInitializer()
        }
        #expect(
            throws: InitializationError.invalidArgument(name: "scale", value: "0.0", expected: "a finite number > 0")
        ) {
            try InitializerSpec.parse("variance-scaling(scale=0)").makeInitializer()
        }
        #expect(throws: InitializationError.unknownInitializer("keras-scaling", valid: InitializerCatalog.names)) {
            try InitializerSpec.parse("keras-scaling").makeInitializer()
        }
    }

    /// The appendix's table: (named spec, scale, mode, distribution).
    static let named: [(String, Double, VarianceScalingInitializer.Mode, VarianceScalingInitializer.Distribution)] = [
        ("xavier-uniform", 1, .fanAvg, .uniform), ("xavier-normal", 1, .fanAvg, .untruncatedNormal),
        ("xavier-normal(gain=tanh)", 25.0 / 9, .fanAvg, .untruncatedNormal),
        ("kaiming-uniform", 2, .fanIn, .uniform), ("kaiming-normal", 2, .fanIn, .untruncatedNormal),
        ("kaiming-normal(mode=fan_out, nonlinearity=relu)", 2, .fanOut, .untruncatedNormal),
        ("kaiming-uniform(a=2.2360679774997896)", 1.0 / 3, .fanIn, .uniform),
        ("kaiming-normal(nonlinearity=linear)", 1, .fanIn, .untruncatedNormal),
        ("lecun-uniform", 1, .fanIn, .uniform), ("lecun-normal", 1, .fanIn, .untruncatedNormal),
        ("lecun-normal(gain=0.75)", 0.5625, .fanIn, .untruncatedNormal),
    ]

    @Test("named initialisers are cases of variance scaling, with the same bits", arguments: named, shapes)
    func namedCases(
        entry: (String, Double, VarianceScalingInitializer.Mode, VarianceScalingInitializer.Distribution),
        shape: [Int]
    ) throws {
        let initializer = try #require(
            try InitializerSpec.parse(entry.0).makeInitializer() as? any FanScaledInitializer)
        let general = initializer.varianceScaling
        #expect(abs(general.scale - entry.1) <= 1e-14 * entry.1)
        #expect(general.mode == entry.2 && general.distribution == entry.3)
        // √(gain²) = gain exactly in binary floating point, so σ is the same Double.
        #expect(
            try general.predictedStandardDeviation(for: shape) == initializer.predictedStandardDeviation(for: shape))
        var first = RandomStream(seed: 5), second = RandomStream(seed: 5)
        let named = try initializer.makeTensor(shape: shape, using: &first)
        let scaled = try general.makeTensor(shape: shape, using: &second)
        #expect(named.scalars.map(\.bitPattern) == scaled.scalars.map(\.bitPattern))
    }

    @Test("√(g²) = g for gains across the range PyTorch uses")
    func squareRootOfSquare() {
        var stream = RandomStream(seed: 11)
        for _ in 0..<10_000 {
            let gain = Double(stream.next() % 1_000_000_007) / 1e6 + Double(stream.next() % 1000) * 1e-12
            #expect((gain * gain).squareRoot() == gain)
        }
    }
}
