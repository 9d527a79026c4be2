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
    static func run(
        spec: String, data: DatasetSplit, depth: Int, width: Int, activation: Activation, bias: Bool,
        optimizer kind: OptimizerKind, learningRate: Double, epochs: Int, batchSize: Int,
        stream: RandomStream
    ) throws(NetLabError) -> TrainingRun {
        let configuration = MLPConfiguration.uniform(
            inputWidth: data.train.features, width: width, depth: depth,
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
    static func budget(
        experiment: String, width: Int, depth: Int, epochs: Int, batch: Int, networks: Int
    ) -> ResourceBudget {
        let weights = ResourceBudget.digitsProducts(width: width, depth: depth)
        let (train, all) = (Double(DigitsLoader.trainCount), Double(DigitsLoader.bundledCount))
        let activations = 2 * (Double(batch) + all) * Double(width) * Double(depth)
        let w = Double(width)
        return ResourceBudget(
            experiment: experiment,
            parameters: [("width", width), ("depth", depth), ("epochs", epochs), ("initialisers", networks)],
            values: Double(networks) * (4 * weights + activations),
            multiplyAdds: Double(networks)
                * (Double(epochs) * (3 * train + all) * weights + w * w * w * Double(depth)))
    }

    /// Runs `count` independent jobs concurrently (results in index order), rethrowing the first
    /// error by index as ``ExperimentError/network(_:)``.
    static func concurrently<T: Sendable>(
        _ count: Int, _ body: @Sendable (Int) throws(NetLabError) -> T
    )
        throws(ExperimentError) -> [T]
    {
        let results = ParallelMap.map(count: count) { index -> Result<T, NetLabError> in
            do throws(NetLabError) {
                return .success(try body(index))
            } catch {
                return .failure(error)
            }
        }
        return try results.map { result throws(ExperimentError) in
            switch result {
            case .success(let value): return value
            case .failure(let error): throw .network(error)
            }
        }
    }

    /// The data set called `name` (a ``DatasetKind`` raw value), generated from `stream`.
    static func data(_ name: String, stream: RandomStream) throws(ExperimentError) -> DatasetSplit {
        try ExperimentError.network { () throws(NetLabError) in try DatasetKind(name: name).load(stream: stream) }
    }
}
