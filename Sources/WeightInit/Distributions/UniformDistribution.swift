/// The continuous uniform distribution U[low, high): mean (low+high)/2, variance (high−low)²/12.
///
/// Each value uses one 32-bit word: u = ⌊w / 2⁸⌋ · 2⁻²⁴ ∈ [0, 1), x = low + (high − low)·u.
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

    /// Fills `buffer` with independent draws, consuming ⌈count/4⌉ blocks of `stream`.
    public func fill(_ buffer: UnsafeMutableBufferPointer<Float>, using stream: inout RandomStream) {
        let low = self.low, width = self.high - self.low, high = self.high
        BlockFill.fill(buffer, valuesPerBlock: 4, using: &stream) { words in
            let shifted = words &>> 8
            let unit = SIMD4<Float>(Float(shifted[0]), Float(shifted[1]), Float(shifted[2]), Float(shifted[3])) * 0x1p-24
            return pointwiseMin(unit * width + low, SIMD4(repeating: high))
        }
    }

    /// Fills `values` with independent draws.
    public func fill(_ values: inout [Float], using stream: inout RandomStream) {
        values.withUnsafeMutableBufferPointer { fill($0, using: &stream) }
    }
}
