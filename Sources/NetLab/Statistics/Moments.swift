import CKernels
import WeightInit

/// Mean and variance of Float values by the vectorised C reductions: the same order, hence the
/// same bits, as ``WeightInit/SampleStatistics`` (16 Double lanes, pairwise), without the
/// minimum and maximum.
struct Moments {
    /// Number of values.
    let count: Int
    /// Σx/n (0 for n = 0).
    let mean: Double
    /// Σ(x − mean)²/(n − 1) (0 for n < 2).
    let variance: Double

    /// The moments of `values`.
    init(_ values: [Float]) {
        let isa = KernelISA.selected.code
        (count, mean, variance) = values.withUnsafeBufferPointer { buffer in
            let n = buffer.count
            guard n > 0 else { return (0, 0, 0) }
            let mean = wb_sum(isa, buffer.baseAddress, n) / Double(n)
            let squares = n > 1 ? wb_centered_squares(isa, buffer.baseAddress, n, mean) : 0
            return (n, mean, n > 1 ? squares / Double(n - 1) : 0)
        }
    }

    /// √variance.
    var standardDeviation: Double { variance.squareRoot() }
}
