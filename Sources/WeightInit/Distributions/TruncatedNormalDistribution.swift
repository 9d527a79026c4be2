import Foundation

/// The normal distribution N(mean, std²) truncated to [a, b], with PyTorch's semantics:
/// `a` and `b` are absolute bounds (not multiples of std), as in `torch.nn.init.trunc_normal_`.
///
/// Sampling is by inversion, like PyTorch: with Φ the standard normal CDF,
/// u ~ U[Φ((a−μ)/σ), Φ((b−μ)/σ)] and x = μ + σ·Φ⁻¹(u), clamped to [a, b]. Each value
/// uses two 32-bit words (53 random bits, word vectors 0–1 and 2–3 of a group), so a group
/// of eight blocks gives sixteen values. Φ⁻¹ runs in Double (see ``StandardNormal/quantile(_:)``).
public struct TruncatedNormalDistribution: Sendable, Equatable {
    /// Mean of the untruncated normal.
    public let mean: Float
    /// Standard deviation of the untruncated normal (> 0).
    public let standardDeviation: Float
    /// Lower bound (absolute).
    public let lower: Float
    /// Upper bound (absolute).
    public let upper: Float

    /// Throws unless std > 0, a < b and all values are finite.
    public init(mean: Float, standardDeviation: Float, lower: Float, upper: Float) throws(InitializationError) {
        guard mean.isFinite else { throw .invalidArgument(name: "mean", value: "\(mean)", expected: "a finite number") }
        guard standardDeviation.isFinite, standardDeviation > 0 else {
            throw .invalidArgument(name: "std", value: "\(standardDeviation)", expected: "a finite number > 0")
        }
        guard lower.isFinite, upper.isFinite, lower < upper else {
            throw .invalidArgument(name: "a", value: "\(lower)", expected: "finite bounds with a < b (b = \(upper))")
        }
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.lower = lower
        self.upper = upper
    }

    /// α = (a − μ)/σ and β = (b − μ)/σ.
    var standardizedBounds: (alpha: Double, beta: Double) {
        (
            (Double(lower) - Double(mean)) / Double(standardDeviation),
            (Double(upper) - Double(mean)) / Double(standardDeviation)
        )
    }

    /// The variance of the truncated distribution:
    /// σ²·[1 + (αφ(α) − βφ(β))/Z − ((φ(α) − φ(β))/Z)²] with Z = Φ(β) − Φ(α).
    public var variance: Double {
        let (alpha, beta) = standardizedBounds
        let z = StandardNormal.cdf(beta) - StandardNormal.cdf(alpha)
        let pa = StandardNormal.pdf(alpha), pb = StandardNormal.pdf(beta)
        let ratio = (pa - pb) / z
        let sigma = Double(standardDeviation)
        let aTerm = alpha.isFinite ? alpha * pa : 0
        let bTerm = beta.isFinite ? beta * pb : 0
        return sigma * sigma * (1 + (aTerm - bTerm) / z - ratio * ratio)
    }

    /// Fills `buffer` with independent draws, consuming 8·⌈count/16⌉ blocks of `stream`.
    public func fill(_ buffer: UnsafeMutableBufferPointer<Float>, using stream: inout RandomStream) {
        let (alpha, beta) = standardizedBounds
        let low = StandardNormal.cdf(alpha), high = StandardNormal.cdf(beta)
        let mean = Double(self.mean), std = Double(standardDeviation)
        let lower = self.lower, upper = self.upper
        BlockFill.fill(buffer, vectorsPerGroup: 2, using: &stream) { words in
            func draw(_ hi: SIMD8<UInt32>, _ lo: SIMD8<UInt32>) -> SIMD8<Float> {
                var result = SIMD8<Float>()
                for lane in 0..<8 {
                    let u = low + (high - low) * RandomStream.unitDouble(hi[lane], lo[lane])
                    let x = Float(mean + std * StandardNormal.quantile(u))
                    result[lane] = Swift.min(Swift.max(x, lower), upper)
                }
                return result
            }
            return (draw(words.0, words.1), draw(words.2, words.3), SIMD8(), SIMD8())
        }
    }

    /// Fills `values` with independent draws.
    public func fill(_ values: inout [Float], using stream: inout RandomStream) {
        values.withUnsafeMutableBufferPointer { fill($0, using: &stream) }
    }
}
