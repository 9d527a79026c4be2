import Foundation

/// The normal distribution N(mean, std²), sampled with the Box–Muller transform.
///
/// Each Philox block (four words) gives four values: words (w₀, w₁) and (w₂, w₃) are two
/// pairs of uniforms u₁ ∈ (0, 1], u₂ ∈ [0, 1) giving r = √(−2 ln u₁), θ = 2πu₂ and the two
/// independent normals r·cos θ and r·sin θ. Box–Muller is exact (no rejection), so the
/// number of words per value is fixed and fills can be split across threads. The
/// transcendental functions run in Double and are rounded once to Float32.
public struct NormalDistribution: Sendable, Equatable {
    /// Mean.
    public let mean: Float
    /// Standard deviation (≥ 0).
    public let standardDeviation: Float

    /// N(mean, std²); throws when std < 0 or either is not finite.
    public init(mean: Float, standardDeviation: Float) throws(InitializationError) {
        guard mean.isFinite else {
            throw .invalidArgument(name: "mean", value: "\(mean)", expected: "a finite number")
        }
        guard standardDeviation.isFinite, standardDeviation >= 0 else {
            throw .invalidArgument(name: "std", value: "\(standardDeviation)", expected: "a finite number ≥ 0")
        }
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// Four standard normal values from one block.
    @inlinable
    static func boxMuller(_ words: SIMD4<UInt32>) -> SIMD4<Double> {
        let u1a = Double((words[0] >> 8) + 1) * 0x1p-24
        let u2a = Double(words[1] >> 8) * 0x1p-24
        let u1b = Double((words[2] >> 8) + 1) * 0x1p-24
        let u2b = Double(words[3] >> 8) * 0x1p-24
        let ra = (-2 * Foundation.log(u1a)).squareRoot()
        let rb = (-2 * Foundation.log(u1b)).squareRoot()
        let ta = 2 * Double.pi * u2a
        let tb = 2 * Double.pi * u2b
        return SIMD4(ra * Foundation.cos(ta), ra * Foundation.sin(ta), rb * Foundation.cos(tb), rb * Foundation.sin(tb))
    }

    /// Fills `buffer` with independent draws, consuming ⌈count/4⌉ blocks of `stream`.
    public func fill(_ buffer: UnsafeMutableBufferPointer<Float>, using stream: inout RandomStream) {
        let mean = Double(self.mean), std = Double(standardDeviation)
        BlockFill.fill(buffer, valuesPerBlock: 4, using: &stream) { words in
            SIMD4<Float>(NormalDistribution.boxMuller(words) * std + mean)
        }
    }

    /// Fills `values` with independent draws.
    public func fill(_ values: inout [Float], using stream: inout RandomStream) {
        values.withUnsafeMutableBufferPointer { fill($0, using: &stream) }
    }
}
