import CKernels

/// Counts of values in equal-width bins over a closed range.
public struct Histogram: Sendable, Equatable {
    /// Bin edges, ascending; `edges.count == counts.count + 1`.
    public var edges: [Double]
    /// Values per bin; values outside the range are clamped into the end bins, non-finite values are skipped.
    public var counts: [Int]

    /// Bins `values` into `bins` equal bins over `range`: value x goes to bin
    /// ⌊(x − lower)/width⌋ (Double arithmetic, width = span/bins), clamped to the first and
    /// last bin; non-finite values are skipped. Counted by the vectorised C kernel (`wb_histogram`);
    /// counts are exact integers, so the result does not depend on the path.
    public init(values: [Float], range: ClosedRange<Double>, bins: Int) {
        let binCount = max(1, bins)
        let span = range.upperBound - range.lowerBound
        let width = span > 0 && span.isFinite ? span / Double(binCount) : 1
        var counts = [Int64](repeating: 0, count: binCount)
        values.withUnsafeBufferPointer { values in
            counts.withUnsafeMutableBufferPointer { counts in
                wb_histogram(
                    KernelISA.selected.code, values.baseAddress, values.count, range.lowerBound, width,
                    Int32(clamping: binCount), counts.baseAddress)
            }
        }
        self.counts = counts.map { Int($0) }
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
