import WeightInit

/// A classification task on Gaussian inputs: x ~ N(0, I) in `features` dimensions, labelled by
/// a random linear teacher, t = argmaxₖ (x·Vᵀ)ₖ with V ~ N(0, 1) of shape `classes × features`.
/// It is linearly separable, so a good network reaches near-perfect accuracy.
public enum GaussianClassification {
    /// Training and test sets drawn from independent substreams of `stream`.
    public static func split(
        train: Int = 1000, test: Int = 250, features: Int = 16, classes: Int = 4,
        stream: RandomStream
    ) -> DatasetSplit {
        var teacherStream = stream.substream(0)
        let teacher = GaussianInputs.matrix(rows: classes, columns: features, stream: &teacherStream)
        func make(_ count: Int, _ index: UInt64) -> Dataset {
            var dataStream = stream.substream(index)
            let inputs = GaussianInputs.matrix(rows: count, columns: features, stream: &dataStream)
            let scores = MatrixMultiply.uncheckedProductTransposedB(inputs, teacher)
            var labels = [Int](repeating: 0, count: count)
            for row in 0..<count {
                var best = 0
                for k in 1..<classes where scores[row, k] > scores[row, best] { best = k }
                labels[row] = best
            }
            return Dataset(generated: "gaussian", inputs: inputs, targets: .labels(labels), classCount: classes)
        }
        return DatasetSplit(train: make(train, 1), test: make(test, 2))
    }
}
