import WeightInit

/// A student–teacher regression task: x ~ N(0, I) in `features` dimensions and targets
/// t = teacher(x), where the teacher is a fixed random tanh network
/// `features → hidden → 1` with lecun-normal weights scaled so Var(t) ≈ 1.
/// The loss is mean squared error; the best achievable test loss is 0.
public enum TeacherRegression {
    /// Training and test sets from independent substreams of `stream`. Throws the teacher's
    /// ``NetLabError`` when it cannot be built (`features` or `hidden` below 1).
    public static func split(
        train: Int = 1000, test: Int = 250, features: Int = 16, hidden: Int = 32,
        stream: RandomStream
    ) throws(NetLabError) -> DatasetSplit {
        let configuration = MLPConfiguration(
            inputWidth: features, widths: [hidden, 1], activation: .tanh,
            outputActivation: .linear, bias: false,
            weightInitializers: ["lecun-normal(gain=5/3)", "lecun-normal(gain=2)"])
        let teacher = try MLP(configuration, stream: stream.substream(0))
        func make(_ count: Int, _ index: UInt64) throws(NetLabError) -> Dataset {
            var dataStream = stream.substream(index)
            let inputs = GaussianInputs.matrix(rows: count, columns: features, stream: &dataStream)
            let targets = try teacher.predict(inputs)
            return Dataset(generated: "teacher", inputs: inputs, targets: .values(targets), classCount: nil)
        }
        return DatasetSplit(train: try make(train, 1), test: try make(test, 2))
    }
}
