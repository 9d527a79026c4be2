/// Loss and accuracy of a network on a whole data set.
public struct Evaluation: Sendable, Equatable {
    /// The loss over all samples.
    public var loss: Double
    /// Fraction classified correctly (argmax of the output equals the label); nil for regression.
    public var accuracy: Double?

    /// Evaluates `network` on `dataset` with `loss`.
    public static func of(_ network: MLP, on dataset: Dataset, loss: any Loss) throws(NetLabError) -> Evaluation {
        try of(output: network.predict(dataset.inputs), on: dataset, loss: loss)
    }

    /// The evaluation of a network whose output on `dataset.inputs` is `output`.
    static func of(output: Matrix, on dataset: Dataset, loss: any Loss) throws(NetLabError) -> Evaluation {
        let value = try loss.evaluate(output, targets: dataset.targets).value
        guard case .labels(let labels) = dataset.targets else { return Evaluation(loss: value, accuracy: nil) }
        var correct = 0
        for row in 0..<output.rows {
            var best = 0
            for j in 1..<max(1, output.columns) where output[row, j] > output[row, best] { best = j }
            if best == labels[row] { correct += 1 }
        }
        return Evaluation(loss: value, accuracy: Double(correct) / Double(max(1, output.rows)))
    }
}
