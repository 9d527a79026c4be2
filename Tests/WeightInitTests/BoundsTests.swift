import Foundation
import Testing
import WeightInit

@Suite("Bounds are never exceeded")
struct BoundsTests {
    @Test(
        "uniform, xavier-uniform, kaiming-uniform, lecun-uniform, trunc-normal",
        arguments: [
            "uniform(a=-0.5, b=0.25)", "xavier-uniform", "xavier-uniform(gain=relu)",
            "kaiming-uniform(nonlinearity=relu)",
            "kaiming-uniform(mode=fan_out)", "lecun-uniform", "trunc-normal(std=1, a=-0.5, b=0.5)",
        ])
    func bounds(spec: String) throws {
        let initializer = try InitializerSpec.parse(spec).makeInitializer()
        let shape = [512, 256]
        var stream = RandomStream(seed: 5)
        let tensor = try initializer.makeTensor(shape: shape, using: &stream)
        let (low, high): (Float, Float)
        switch initializer {
        case let uniform as UniformInitializer: (low, high) = (uniform.distribution.low, uniform.distribution.high)
        case let truncated as TruncatedNormalInitializer:
            (low, high) = (truncated.distribution.lower, truncated.distribution.upper)
        default:
            let bound = Float(3.0.squareRoot() * (try initializer.predictedStandardDeviation(for: shape)))
            (low, high) = (-bound, bound)
        }
        #expect(tensor.scalars.allSatisfy { $0 >= low && $0 <= high })
        // The samples reach close to both bounds (the bound is the formula's, not a looser one).
        let statistics = SampleStatistics(tensor.scalars)
        #expect(statistics.minimum < Double(low) + 0.01 * Double(high - low))
        #expect(statistics.maximum > Double(high) - 0.01 * Double(high - low))
    }
}
