import Foundation
import Testing
import WeightInit

@Suite("Goodness of fit (Kolmogorov–Smirnov, α = 0.001)")
struct GoodnessOfFitTests {
    static let count = 200_000

    @Test("uniform(a=-1, b=3)")
    func uniform() throws {
        var stream = RandomStream(seed: 11)
        var values = [Float](repeating: 0, count: Self.count)
        try UniformDistribution(low: -1, high: 3).fill(&values, using: &stream)
        let d = StatisticalTolerance.kolmogorovSmirnov(values) { min(1, max(0, ($0 + 1) / 4)) }
        #expect(d < StatisticalTolerance.kolmogorovSmirnovCritical(count: Self.count))
    }

    @Test("normal(mean=2, std=3)")
    func normal() throws {
        var stream = RandomStream(seed: 12)
        var values = [Float](repeating: 0, count: Self.count)
        try NormalDistribution(mean: 2, standardDeviation: 3).fill(&values, using: &stream)
        let d = StatisticalTolerance.kolmogorovSmirnov(values) { StandardNormal.cdf(($0 - 2) / 3) }
        #expect(d < StatisticalTolerance.kolmogorovSmirnovCritical(count: Self.count))
    }

    @Test("trunc-normal(mean=0.5, std=1, a=-1, b=1.5)")
    func truncatedNormal() throws {
        var stream = RandomStream(seed: 13)
        var values = [Float](repeating: 0, count: Self.count)
        try TruncatedNormalDistribution(mean: 0.5, standardDeviation: 1, lower: -1, upper: 1.5).fill(
            &values, using: &stream)
        let low = StandardNormal.cdf(-1.5), high = StandardNormal.cdf(1)
        let d = StatisticalTolerance.kolmogorovSmirnov(values) { x in
            min(1, max(0, (StandardNormal.cdf(x - 0.5) - low) / (high - low)))
        }
        #expect(d < StatisticalTolerance.kolmogorovSmirnovCritical(count: Self.count))
    }

    @Test("the KS test rejects a wrong distribution (the test can fail)")
    func powerCheck() throws {
        var stream = RandomStream(seed: 14)
        var values = [Float](repeating: 0, count: Self.count)
        try NormalDistribution(mean: 0, standardDeviation: 1.02).fill(&values, using: &stream)
        let d = StatisticalTolerance.kolmogorovSmirnov(values) { StandardNormal.cdf($0) }
        #expect(d > StatisticalTolerance.kolmogorovSmirnovCritical(count: Self.count))
    }
}
