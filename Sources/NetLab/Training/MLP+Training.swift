import WeightInit

extension MLP {
    /// Trains the network in place for `epochs` passes over `data.train` and returns the loss
    /// (and, for classification, the test accuracy) after every epoch.
    ///
    /// ```swift
    /// let digits = try DatasetSplit.digits()
    /// var net = try MLP(sizes: [64, 128, 10], activation: .relu, outputActivation: .linear, initializer:
    /// "kaiming-normal")
    /// let history = try net.train(on: digits, epochs: 5, optimizer: .sgd, learningRate: 0.1)
    /// ```
    /// The loss is softmax cross-entropy for classification and mean squared error for
    /// regression; mini-batches of `batchSize` are shuffled from `RandomStream(seed: seed)`. A run
    /// whose loss or weights become non-finite stops and reports the step in
    /// ``TrainingHistory/divergedAt`` instead of failing.
    public mutating func train(
        on data: DatasetSplit, epochs: Int, batchSize: Int = 64, optimizer: OptimizerKind = .sgd,
        learningRate: Double, seed: UInt64 = 1
    ) throws(NetLabError) -> TrainingHistory {
        var optimizerState = optimizer.make(learningRate: Float(learningRate))
        let trainer = Trainer(epochs: epochs, batchSize: batchSize, loss: Trainer.defaultLoss(for: data.train))
        return try trainer.train(&self, on: data, optimizer: &optimizerState, stream: RandomStream(seed: seed))
    }
}

extension DatasetSplit {
    /// The UCI handwritten digits (8×8 pixels scaled to [0, 1], 10 classes), split 1,437 / 360.
    public static func digits() throws(DigitsError) -> DatasetSplit {
        try DigitsLoader.bundledSplit()
    }
}
