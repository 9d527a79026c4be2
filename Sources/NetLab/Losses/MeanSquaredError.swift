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

    /// Where the targets of ``evaluate(_:rows:columns:target:gradient:)`` come from.
    enum TargetSource {
        /// Row-major `rows × columns` values.
        case values(UnsafeBufferPointer<Float>)
        /// One label per row, compared with its one-hot vector.
        case labels(UnsafeBufferPointer<Int>)
    }

    /// L and ∂L/∂y.
    public func evaluate(_ output: Matrix, targets: Targets) throws(NetLabError) -> LossEvaluation {
        guard targets.count == output.rows else {
            throw .shapeMismatch(
                operation: "MeanSquaredError", expected: "\(output.rows) targets", actual: "\(targets.count)")
        }
        let n = output.rows, d = output.columns
        var gradient = Matrix(rows: n, columns: d)
        let value: Double
        switch targets {
        case .values(let values):
            guard values.columns == d else {
                throw .shapeMismatch(
                    operation: "MeanSquaredError", expected: "\(d) target columns", actual: "\(values.columns)")
            }
            value = output.scalars.withUnsafeBufferPointer { y in
                values.scalars.withUnsafeBufferPointer { t in
                    gradient.scalars.withUnsafeMutableBufferPointer { g in
                        Self.evaluate(y, rows: n, columns: d, target: .values(t), gradient: g)
                    }
                }
            }
        case .labels(let labels):
            try labels.withUnsafeBufferPointer { labels throws(NetLabError) in try Self.validate(labels, classes: d) }
            value = output.scalars.withUnsafeBufferPointer { y in
                labels.withUnsafeBufferPointer { t in
                    gradient.scalars.withUnsafeMutableBufferPointer { g in
                        Self.evaluate(y, rows: n, columns: d, target: .labels(t), gradient: g)
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

    /// L for the row-major `rows × columns` outputs and valid targets, writing ∂L/∂y into
    /// `gradient`; elements in row-major order, sums in Double. Allocates nothing.
    static func evaluate(
        _ output: UnsafeBufferPointer<Float>, rows n: Int, columns d: Int, target: TargetSource,
        gradient: UnsafeMutableBufferPointer<Float>
    ) -> Double {
        let scale = 1 / Double(max(1, n * d))
        var sum = 0.0
        for index in 0..<(n * d) {
            let t: Float
            switch target {
            case .values(let values): t = values[index]
            case .labels(let labels): t = labels[index / max(1, d)] == index % max(1, d) ? 1 : 0
            }
            let difference = Double(output[index]) - Double(t)
            sum += difference * difference
            gradient[index] = Float(2 * difference * scale)
        }
        return sum * scale
    }
}
