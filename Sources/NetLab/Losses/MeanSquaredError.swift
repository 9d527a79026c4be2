/// Mean squared error over every output of the batch:
///
///     L = (1/(N·D)) Σᵢ Σⱼ (yᵢⱼ − tᵢⱼ)²,   ∂L/∂yᵢⱼ = 2(yᵢⱼ − tᵢⱼ)/(N·D)
///
/// for N samples and D outputs. Class labels are compared with their one-hot vectors.
public struct MeanSquaredError: Loss {
    /// Creates the loss.
    public init() {}

    /// `mse`.
    public var name: String { "mse" }

    /// L and ∂L/∂y.
    public func evaluate(_ output: Matrix, targets: Targets) throws(NetLabError) -> LossEvaluation {
        guard targets.count == output.rows else {
            throw .shapeMismatch(operation: "MeanSquaredError", expected: "\(output.rows) targets", actual: "\(targets.count)")
        }
        let n = output.rows, d = output.columns
        var target = Matrix(rows: n, columns: d)
        switch targets {
        case .values(let values):
            guard values.columns == d else {
                throw .shapeMismatch(operation: "MeanSquaredError", expected: "\(d) target columns", actual: "\(values.columns)")
            }
            target = values
        case .labels(let labels):
            for (row, label) in labels.enumerated() {
                guard (0..<d).contains(label) else {
                    throw .invalidConfiguration(name: "label", value: "\(label)", expected: "a class in 0..<\(d)")
                }
                target[row, label] = 1
            }
        }
        let scale = 1 / Double(max(1, n * d))
        var sum = 0.0
        var gradient = Matrix(rows: n, columns: d)
        for index in 0..<output.count {
            let difference = Double(output.scalars[index]) - Double(target.scalars[index])
            sum += difference * difference
            gradient.scalars[index] = Float(2 * difference * scale)
        }
        return LossEvaluation(value: sum * scale, gradient: gradient)
    }
}
