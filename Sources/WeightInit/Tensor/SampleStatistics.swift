/// Summary statistics of a set of Float values, accumulated in Double.
///
/// Sums run in a fixed order so every machine and every code path gives the same bits: 16
/// Double lanes, lane l accumulating the elements i ≡ l (mod 16) in ascending i, then the lanes
/// added pairwise (l with l + 8, then l + 4, l + 2, l + 1). NetLab's C reductions (`wb_sum`,
/// `wb_centered_squares`) follow the same order, so they agree with this type bit for bit.
public struct SampleStatistics: Sendable, Equatable {
    /// Number of values.
    public let count: Int
    /// Arithmetic mean Σx/n (0 for n = 0).
    public let mean: Double
    /// Variance with Bessel's correction: Σ(x − mean)²/(n − 1) (0 for n < 2), from a second pass
    /// over the values for accuracy.
    public let variance: Double
    /// Smallest value (0 for n = 0).
    public let minimum: Double
    /// Largest value (0 for n = 0).
    public let maximum: Double

    /// Statistics of `values` (two passes for an accurate variance). Inlinable so callers in
    /// other modules get a version specialised for their collection type; collections without
    /// contiguous storage are copied first.
    @inlinable
    public init<Values: Collection>(_ values: Values) where Values.Element == Float {
        if let statistics = values.withContiguousStorageIfAvailable({ SampleStatistics(contiguous: $0) }) {
            self = statistics
        } else {
            self = Array(values).withUnsafeBufferPointer { SampleStatistics(contiguous: $0) }
        }
    }

    /// Statistics of the values in `buffer`, in the 16-lane order.
    @inlinable
    init(contiguous buffer: UnsafeBufferPointer<Float>) {
        let n = buffer.count
        var sums = SIMD16<Double>()
        var lows = SIMD16<Double>(repeating: .infinity), highs = SIMD16<Double>(repeating: -.infinity)
        let whole = n / 16 * 16
        if let base = buffer.baseAddress {
            let raw = UnsafeRawPointer(base)
            var i = 0
            while i < whole {
                let x = SIMD16<Double>(raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self))
                sums += x
                lows.replace(with: x, where: x .< lows)
                highs.replace(with: x, where: x .> highs)
                i += 16
            }
        }
        for i in whole..<n {
            let x = Double(buffer[i])
            sums[i - whole] += x
            if x < lows[i - whole] { lows[i - whole] = x }
            if x > highs[i - whole] { highs[i - whole] = x }
        }
        let mean = n > 0 ? Self.reduce(sums) / Double(n) : 0
        var squares = SIMD16<Double>()
        if let base = buffer.baseAddress {
            let raw = UnsafeRawPointer(base)
            let m = SIMD16<Double>(repeating: mean)
            var i = 0
            while i < whole {
                let d = SIMD16<Double>(raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self)) - m
                squares += d * d
                i += 16
            }
        }
        for i in whole..<n {
            let d = Double(buffer[i]) - mean
            squares[i - whole] += d * d
        }
        self.count = n
        self.mean = mean
        self.variance = n > 1 ? Self.reduce(squares) / Double(n - 1) : 0
        self.minimum = n > 0 ? lows.min() : 0
        self.maximum = n > 0 ? highs.max() : 0
    }

    /// The lanes added pairwise: (l, l + 8), then (l, l + 4), (l, l + 2), (0, 1).
    @inlinable
    static func reduce(_ lanes: SIMD16<Double>) -> Double {
        let eight = lanes.lowHalf + lanes.highHalf
        let four = eight.lowHalf + eight.highHalf
        let two = four.lowHalf + four.highHalf
        return two[0] + two[1]
    }

    /// Sample standard deviation √variance.
    public var standardDeviation: Double { variance.squareRoot() }
}
