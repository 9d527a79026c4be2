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
            throw .invalidConfiguration(name: "targets", value: "values", expected: "class labels for softmax cross-entropy")
        }
        guard labels.count == output.rows else {
            throw .shapeMismatch(operation: "SoftmaxCrossEntropy", expected: "\(output.rows) labels", actual: "\(labels.count)")
        }
        let n = output.rows, d = output.columns
        var gradient = Matrix(rows: n, columns: d)
        var total = 0.0
        var probabilities = [Double](repeating: 0, count: d)
        for row in 0..<n {
            let label = labels[row]
            guard (0..<d).contains(label) else {
                throw .invalidConfiguration(name: "label", value: "\(label)", expected: "a class in 0..<\(d)")
            }
            var maximum = -Double.infinity
            for j in 0..<d { maximum = max(maximum, Double(output[row, j])) }
            var sum = 0.0
            for j in 0..<d {
                probabilities[j] = Foundation.exp(Double(output[row, j]) - maximum)
                sum += probabilities[j]
            }
            total -= Double(output[row, label]) - maximum - Foundation.log(sum)
            for j in 0..<d {
                let p = probabilities[j] / sum
                gradient[row, j] = Float((p - (j == label ? 1 : 0)) / Double(max(1, n)))
            }
        }
        return LossEvaluation(value: total / Double(max(1, n)), gradient: gradient)
    }
}
