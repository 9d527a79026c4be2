import Foundation
import Testing
import WeightInit

/// Every random family's sample variance matches its formula on square, tall, wide and conv shapes.
@Suite("Sample variance matches the documented formula")
struct VarianceTests {
    static let shapes: [[Int]] = [[256, 256], [512, 128], [128, 512], [64, 32, 3, 3]]

    /// (spec, kurtosis of the distribution) for every variance-scaling family.
    static let families: [(String, Double)] = [
        ("xavier-uniform", 1.8), ("xavier-normal", 3), ("xavier-uniform(gain=5/3)", 1.8),
        ("kaiming-uniform", 1.8), ("kaiming-normal", 3),
        ("kaiming-normal(mode=fan_out, nonlinearity=relu)", 3),
        ("kaiming-uniform(a=0.2, nonlinearity=leaky_relu)", 1.8),
        ("lecun-uniform", 1.8), ("lecun-normal", 3),
        ("normal(mean=0.5, std=0.02)", 3), ("uniform(a=-0.3, b=0.1)", 1.8),
    ]

    @Test("variance-scaling families", arguments: families, shapes)
    func variance(family: (String, Double), shape: [Int]) throws {
        let initializer = try InitializerSpec.parse(family.0).makeInitializer()
        var stream = RandomStream(seed: 2024)
        let tensor = try initializer.makeTensor(shape: shape, using: &stream)
        let statistics = SampleStatistics(tensor.scalars)
        let expected = try initializer.predictedStandardDeviation(for: shape)
        let expectedVariance = expected * expected
        let tolerance =
            StatisticalTolerance.standardErrors
            * StatisticalTolerance.varianceStandardError(
                variance: expectedVariance, kurtosis: family.1, count: tensor.count)
        #expect(
            abs(statistics.variance - expectedVariance) <= tolerance,
            "\(family.0) \(shape): variance \(statistics.variance) vs \(expectedVariance) ± \(tolerance)")
    }

    @Test("formulas match PyTorch for a 256×512 weight")
    func formulas() throws {
        let shape = [256, 512]  // fan_in 512, fan_out 256
        func std(_ spec: String) throws -> Double {
            try InitializerSpec.parse(spec).makeInitializer().predictedStandardDeviation(for: shape)
        }
        #expect(abs(try std("xavier-normal") - (2.0 / 768).squareRoot()) < 1e-15)
        #expect(abs(try std("xavier-uniform") - (6.0 / 768).squareRoot() / 3.0.squareRoot()) < 1e-15)
        #expect(abs(try std("kaiming-normal") - (2.0 / 512).squareRoot()) < 1e-15)
        #expect(abs(try std("kaiming-normal(mode=fan_out)") - (2.0 / 256).squareRoot()) < 1e-15)
        // nn.Linear's default kaiming_uniform_(a=√5): bound = 1/√fan_in, so std = bound/√3.
        #expect(
            abs(try std("kaiming-uniform(a=2.2360679774997896)") - (1.0 / 512).squareRoot() / 3.0.squareRoot()) < 1e-12)
        #expect(abs(try std("lecun-normal") - (1.0 / 512).squareRoot()) < 1e-15)
    }

    @Test(
        "truncated normal: variance of the truncated distribution",
        arguments: [
            ("trunc-normal", [400, 300]), ("trunc-normal(mean=1, std=2, a=0, b=3)", [300, 400]),
            ("trunc-normal(std=0.02, a=-0.04, b=0.04)", [64, 32, 3, 3]),
        ])
    func truncatedVariance(spec: String, shape: [Int]) throws {
        let initializer = try InitializerSpec.parse(spec).makeInitializer()
        var stream = RandomStream(seed: 31)
        let tensor = try initializer.makeTensor(shape: shape, using: &stream)
        let expected = try initializer.predictedStandardDeviation(for: shape)
        let variance = expected * expected
        // Truncation lowers the kurtosis below the normal's 3, so κ = 3 is conservative.
        let tolerance =
            StatisticalTolerance.standardErrors
            * StatisticalTolerance.varianceStandardError(variance: variance, kurtosis: 3, count: tensor.count)
        #expect(abs(SampleStatistics(tensor.scalars).variance - variance) <= tolerance)
    }

    @Test("zero-mean families have a sample mean within 5 standard errors of 0", arguments: shapes)
    func means(shape: [Int]) throws {
        for spec in ["xavier-normal", "kaiming-uniform", "lecun-normal", "orthogonal"] {
            let initializer = try InitializerSpec.parse(spec).makeInitializer()
            var stream = RandomStream(seed: 3)
            let tensor = try initializer.makeTensor(shape: shape, using: &stream)
            let std = try initializer.predictedStandardDeviation(for: shape)
            let statistics = SampleStatistics(tensor.scalars)
            #expect(
                abs(statistics.mean) <= StatisticalTolerance.standardErrors * std / Double(tensor.count).squareRoot(),
                "\(spec) \(shape)")
        }
    }
}
