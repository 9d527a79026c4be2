/// Counts of values in equal-width bins over a closed range.
public struct Histogram: Sendable, Equatable {
    /// Bin edges, ascending; `edges.count == counts.count + 1`.
    public var edges: [Double]
    /// Values per bin; values outside the range are clamped into the end bins, non-finite values are skipped.
    public var counts: [Int]

    /// Bins `values` into `bins` equal bins over `range`.
    public init(values: [Float], range: ClosedRange<Double>, bins: Int) {
        let binCount = max(1, bins)
        let span = range.upperBound - range.lowerBound
        let width = span > 0 ? span / Double(binCount) : 1
        var counts = [Int](repeating: 0, count: binCount)
        for value in values where value.isFinite {
            let position = (Double(value) - range.lowerBound) / width
            counts[min(binCount - 1, max(0, Int(position.rounded(.down))))] += 1
        }
        self.counts = counts
        self.edges = (0...binCount).map { range.lowerBound + Double($0) * width }
    }

    /// A range that fits the finite `values`: [min, max], or symmetric [−m, m] when `symmetric`;
    /// widened to ±1e-12 when all values coincide, and [−1, 1] when there are none.
    public static func fittingRange(_ values: [Float], symmetric: Bool) -> ClosedRange<Double> {
        var low = Double.infinity, high = -Double.infinity
        for value in values where value.isFinite {
            low = min(low, Double(value))
            high = max(high, Double(value))
        }
        guard low <= high else { return -1...1 }
        if symmetric {
            let m = max(abs(low), abs(high), 1e-12)
            return -m...m
        }
        if high - low < 1e-12 { return (low - 1e-12)...(high + 1e-12) }
        return low...high
    }
}
