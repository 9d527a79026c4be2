import NetLab
import WeightInit

/// One training run of the catalogue: build, train, report — shared by `symmetry`,
/// `training` and `depth-sweep`.
struct TrainingRun: Sendable {
    /// The trained network (or the state at divergence).
    var network: MLP
    /// Per-epoch losses and the divergence step.
    var history: TrainingHistory

    /// Builds a network of `depth` hidden layers of `width` units with a linear head sized for
    /// `data`, initialised by `spec` from `stream.substream(0)`, and trains it with the optimiser
    /// `optimizer` (a fresh instance), shuffling from `stream.substream(1)`.
    static func run(spec: String, data: DatasetSplit, depth: Int, width: Int, activation: Activation, bias: Bool,
                    optimizer kind: OptimizerKind, learningRate: Double, epochs: Int, batchSize: Int,
                    stream: RandomStream) throws -> TrainingRun {
        let configuration = MLPConfiguration.uniform(inputWidth: data.train.features, width: width, depth: depth,
                                                     outputWidth: data.train.outputWidth, activation: activation,
                                                     bias: bias, initializer: spec)
        var network = try MLP(configuration, stream: stream.substream(0))
        var optimizer = kind.make(learningRate: Float(learningRate))
        let trainer = Trainer(epochs: epochs, batchSize: batchSize, loss: Trainer.defaultLoss(for: data.train))
        let history = try trainer.train(&network, on: data, optimizer: &optimizer, stream: stream.substream(1))
        return TrainingRun(network: network, history: history)
    }

    /// The resources of training `networks` MLPs concurrently on the largest data set (digits:
    /// 1,437 training and 360 test samples, 64 inputs, 10 outputs), evaluated after every epoch.
    static func budget(experiment: String, width: Int, depth: Int, epochs: Int, batch: Int, networks: Int) -> ResourceBudget {
        let weights = ResourceBudget.digitsProducts(width: width, depth: depth)
        let (train, all) = (Double(DigitsLoader.trainCount), Double(DigitsLoader.bundledCount))
        let activations = 2 * (Double(batch) + all) * Double(width) * Double(depth)
        let w = Double(width)
        return ResourceBudget(experiment: experiment,
                              parameters: [("width", width), ("depth", depth), ("epochs", epochs), ("initialisers", networks)],
                              values: Double(networks) * (4 * weights + activations),
                              multiplyAdds: Double(networks)
                                  * (Double(epochs) * (3 * train + all) * weights + w * w * w * Double(depth)))
    }

    /// Runs `count` independent jobs concurrently (results in index order), rethrowing the first error.
    static func concurrently<T: Sendable>(_ count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        let results = ParallelMap.map(count: count) { index in
            Result { try body(index) }
        }
        return try results.map { try $0.get() }
    }
}
