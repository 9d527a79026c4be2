import Foundation

/// Softmax cross-entropy of logits y against class labels t, averaged over the batch:
///
///     pᵢⱼ = exp(yᵢⱼ − mᵢ) / Σₖ exp(yᵢₖ − mᵢ),  mᵢ = maxₖ yᵢₖ
///     L = −(1/N) Σᵢ log pᵢ,tᵢ,   ∂L/∂yᵢⱼ = (pᵢⱼ − [j = tᵢ])/N
///
/// Computed in Double with the max subtracted, so it is finite for any finite logits.
public struct SoftmaxCrossEntropy: Loss {
    /// Creates the loss.
    public init() {}

    /// `cross-entropy`.
    public var name: String { "cross-entropy" }

    /// L and ∂L/∂y; throws for value targets or labels outside 0..<outputs.
    public func evaluate(_ output: Matrix, targets: Targets) throws(NetLabError) -> LossEvaluation {
        guard case .labels(let labels) = targets else {
            throw .invalidConfiguration(
                name: "targets", value: "values", expected: "class labels for softmax cross-entropy")
        }
        guard labels.count == output.rows else {
            throw .shapeMismatch(
                operation: "SoftmaxCrossEntropy", expected: "\(output.rows) labels", actual: "\(labels.count)")
        }
        let n = output.rows, d = output.columns
        try labels.withUnsafeBufferPointer { labels throws(NetLabError) in try Self.validate(labels, classes: d) }
        var gradient = Matrix(rows: n, columns: d)
        var probabilities = [Double](repeating: 0, count: max(1, d))
        let value = output.scalars.withUnsafeBufferPointer { y in
            labels.withUnsafeBufferPointer { t in
                gradient.scalars.withUnsafeMutableBufferPointer { g in
                    probabilities.withUnsafeMutableBufferPointer { p in
                        Self.evaluate(y, rows: n, columns: d, labels: t, gradient: g, probabilities: p.baseAddress)
                    }
                }
            }
        }
        return LossEvaluation(value: value, gradient: gradient)
    }

    /// Throws unless every label is a class in 0..<classes.
    static func validate(_ labels: UnsafeBufferPointer<Int>, classes d: Int) throws(NetLabError) {
        for label in labels where !(0..<d).contains(label) {
            throw .invalidConfiguration(name: "label", value: "\(label)", expected: "a class in 0..<\(d)")
        }
    }

    /// L for the row-major `rows × columns` logits `output` and valid `labels`, writing ∂L/∂y
    /// into `gradient` (same shape); `probabilities` holds `columns` Doubles of scratch. Allocates
    /// nothing.
    static func evaluate(
        _ output: UnsafeBufferPointer<Float>, rows n: Int, columns d: Int, labels: UnsafeBufferPointer<Int>,
        gradient: UnsafeMutableBufferPointer<Float>, probabilities: UnsafeMutablePointer<Double>?
    ) -> Double {
        guard let probabilities else { return 0 }
        var total = 0.0
        for row in 0..<n {
            let label = labels[row]
            var maximum = -Double.infinity
            for j in 0..<d { maximum = max(maximum, Double(output[row * d + j])) }
            var sum = 0.0
            for j in 0..<d {
                probabilities[j] = Foundation.exp(Double(output[row * d + j]) - maximum)
                sum += probabilities[j]
            }
            total -= Double(output[row * d + label]) - maximum - Foundation.log(sum)
            for j in 0..<d {
                let p = probabilities[j] / sum
                gradient[row * d + j] = Float((p - (j == label ? 1 : 0)) / Double(max(1, n)))
            }
        }
        return total / Double(max(1, n))
    }
}
