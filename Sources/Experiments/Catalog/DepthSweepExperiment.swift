import NetLab
import WeightInit

/// `depth-sweep`: how the std of the last hidden layer at initialisation, and the loss after a
/// short training, change with depth for each initialiser and activation.
///
/// For every (activation, init, depth): a network of `depth` hidden layers of `width` units
/// (zero biases, linear head) on the first `samples` training samples of `dataset`.
/// `last_std` is the std of the last hidden layer's outputs on those samples at initialisation;
/// `final_loss` is the loss on the same samples after `steps` plain-SGD steps with batch 32.
/// Defaults are sized to run in about a second (width 64, 256 samples, 30 steps); raise them
/// for smoother curves.
public struct DepthSweepExperiment: Experiment {
    /// Creates the experiment.
    public init() {}

    public var name: String { "depth-sweep" }
    public var summary: String { "Last-layer std at init and loss after a short training, against depth." }
    static let depths = Parameter.integers(
        "depths", in: 1...200, default: [5, 10, 20, 30, 50],
        "hidden-layer counts to sweep")
    static let initializers = CatalogSupport.initializers(default: ["xavier-normal", "kaiming-normal"])
    static let activations = Parameter.choices(
        "activations", Activation.names, default: ["relu", "tanh"],
        "activations to sweep")
    static let width = CatalogSupport.width(default: 64)
    static let samples = CatalogSupport.samples(default: 256)
    static let steps = Parameter.integer("steps", in: 0...100_000, default: 30, "SGD steps (batch 32) per network")
    static let learningRate = CatalogSupport.learningRate(default: 0.01)
    static let dataset = CatalogSupport.dataset(default: .digits)
    /// One row per (activation, init, depth).
    static let table = ExperimentOutputs.Table(
        "depths", columns: ["activation", "init", "depth", "last_std", "final_loss"])

    public var parameters: [ExperimentParameter] {
        [
            Self.depths.declaration, Self.initializers.declaration, Self.activations.declaration,
            CatalogSupport.slope.declaration, Self.width.declaration, Self.samples.declaration,
            Self.steps.declaration, Self.learningRate.declaration, Self.dataset.declaration,
            CatalogSupport.seed.declaration,
        ]
    }

    public func outputs(for values: ParameterValues) -> ExperimentOutputs {
        ExperimentOutputs(tables: [Self.table], series: ["last_std", "final_loss"])
    }

    public func run(_ values: ParameterValues) throws(ExperimentError) -> ExperimentResult {
        let depths = values[Self.depths], specs = values[Self.initializers], width = values[Self.width]
        let samples = values[Self.samples], steps = values[Self.steps], learningRate = values[Self.learningRate]
        var activations: [(String, Activation)] = []
        for name in values[Self.activations] {
            activations.append((name, try CatalogSupport.activation(name, values)))
        }
        let subsetSize = min(samples, DigitsLoader.trainCount)  // the largest training set (digits)
        var multiplyAdds = 0.0
        for depth in depths {
            let weights = ResourceBudget.digitsProducts(width: width, depth: depth)
            multiplyAdds +=
                (Double(2 * subsetSize + 96 * steps) * weights + Double(width) * Double(width) * Double(width)
                    * Double(depth))
        }
        let deepest = depths.max() ?? 1
        let concurrent = Double(min(depths.count * specs.count * activations.count, 64))
        try ResourceBudget(
            experiment: name,
            parameters: [
                ("width", width), ("samples", samples), ("steps", steps), ("deepest", deepest),
                ("networks", depths.count * specs.count * activations.count),
            ],
            values: concurrent
                * (4 * ResourceBudget.digitsProducts(width: width, depth: deepest)
                    + 2 * Double(subsetSize) * Double(width) * Double(deepest)),
            multiplyAdds: multiplyAdds * Double(specs.count * activations.count)
        ).check()
        let root = CatalogSupport.stream(values)
        struct Job: Sendable {
            var activation: String
            var function: Activation
            var spec: String
            var depth: Int
        }
        var jobs: [Job] = []
        for (name, function) in activations {
            for spec in specs {
                for depth in depths { jobs.append(Job(activation: name, function: function, spec: spec, depth: depth)) }
            }
        }
        let jobList = jobs
        let full = try TrainingRun.data(values[Self.dataset], stream: root.substream(1))
        let subset = full.train.subset(0..<min(samples, full.train.count))
        let batchesPerEpoch = (subset.count + 31) / 32
        let outcomes = try TrainingRun.concurrently(jobList.count) { index throws(NetLabError) in
            let job = jobList[index]
            let configuration = MLPConfiguration.uniform(
                inputWidth: subset.features, width: width, depth: job.depth,
                outputWidth: subset.outputWidth, activation: job.function,
                bias: true, initializer: job.spec)
            let initial = try MLP(configuration, stream: root.substream(2))
            let trace = try initial.forward(subset.inputs)
            let lastStd = SampleStatistics(trace.activation(layer: job.depth).scalars).standardDeviation
            // Train for ⌈steps / batches⌉ epochs, then stop at exactly `steps` steps.
            var network = initial
            var optimizer: any Optimizer = SGD(learningRate: Float(learningRate))
            let epochs = steps == 0 ? 0 : (steps + batchesPerEpoch - 1) / batchesPerEpoch
            let trainer = Trainer(
                epochs: epochs, batchSize: 32, loss: Trainer.defaultLoss(for: subset),
                maxSteps: steps)
            let history = try trainer.train(
                &network, on: DatasetSplit(train: subset, test: subset),
                optimizer: &optimizer, stream: root.substream(3))
            let diverged = history.divergedAt
            // The test set is `subset`, so the last epoch's test loss is the loss after the last step;
            // with no step taken, the initial network's.
            let loss: Double
            if diverged != nil {
                loss = .nan
            } else if let last = history.epochs.last {
                loss = last.testLoss
            } else {
                loss = try Evaluation.of(network, on: subset, loss: trainer.loss).loss
            }
            return (lastStd, loss, diverged)
        }
        var table = ResultTable(Self.table)
        var series: [ResultSeries] = []
        var notes: [String] = []
        for (name, _) in activations {
            for spec in specs {
                let label = "\(spec), \(name)"
                var lastStds: [Double] = [], losses: [Double] = []
                for (job, outcome) in zip(jobList, outcomes) where job.activation == name && job.spec == spec {
                    table.rows.append([
                        .text(name), .text(spec), .integer(job.depth), .real(outcome.0), .real(outcome.1),
                    ])
                    lastStds.append(outcome.0)
                    losses.append(outcome.1)
                    if let step = outcome.2 {
                        notes.append(CatalogSupport.divergenceNote("\(label), depth \(job.depth)", step: step))
                    }
                }
                let x = depths.map(Double.init)
                series.append(
                    ResultSeries(
                        group: "last_std", label: label, xLabel: "depth", yLabel: "std of last hidden layer",
                        x: x, y: lastStds))
                series.append(
                    ResultSeries(
                        group: "final_loss", label: label, xLabel: "depth", yLabel: "loss after training",
                        x: x, y: losses))
            }
        }
        notes.append("final_loss: loss on the first \(samples) training samples after \(steps) SGD steps (batch 32)")
        return ExperimentResult(
            experiment: name, parameters: values.settings, tables: [table], series: series, notes: notes)
    }
}
