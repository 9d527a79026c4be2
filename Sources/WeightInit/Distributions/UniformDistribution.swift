/// The continuous uniform distribution U[low, high): mean (low+high)/2, variance (high−low)²/12.
///
/// Each value uses one 32-bit word: u = ⌊w / 2⁸⌋ · 2⁻²⁴ ∈ [0, 1), x = low + (high − low)·u
/// (rounded to Float32, then clamped to `high`).
public struct UniformDistribution: Sendable, Equatable {
    /// Lower bound (inclusive).
    public let low: Float
    /// Upper bound.
    public let high: Float

    /// U[low, high); throws unless both are finite and low < high.
    public init(low: Float, high: Float) throws(InitializationError) {
        guard low.isFinite, high.isFinite else {
            throw .invalidArgument(name: "bounds", value: "[\(low), \(high))", expected: "finite numbers")
        }
        guard low < high else {
            throw .invalidArgument(name: "a", value: "\(low)", expected: "a < b (b = \(high))")
        }
        self.low = low
        self.high = high
    }

    /// Standard deviation (high − low)/√12.
    public var standardDeviation: Double { Double(high - low) / 12.0.squareRoot() }

    /// Fills `buffer` with independent draws, consuming 8·⌈count/32⌉ blocks of `stream`.
    public func fill(_ buffer: UnsafeMutableBufferPointer<Float>, using stream: inout RandomStream) {
        let low = SIMD8<Float>(repeating: self.low), width = self.high - self.low
        let high = SIMD8<Float>(repeating: self.high)
        BlockFill.fill(buffer, vectorsPerGroup: 4, using: &stream) { words in
            func map(_ word: SIMD8<UInt32>) -> SIMD8<Float> {
                pointwiseMin(BlockFill.unitInterval(word) * width + low, high)
            }
            return (map(words.0), map(words.1), map(words.2), map(words.3))
        }
    }

    /// Fills `values` with independent draws.
    public func fill(_ values: inout [Float], using stream: inout RandomStream) {
        values.withUnsafeMutableBufferPointer { fill($0, using: &stream) }
    }
}
