import NetLab
import WeightInit

/// `symmetry`: why weights must not start equal. With a zero or constant initialisation every
/// unit of a layer computes the same function and receives the same gradient, so after training
/// the layer still has one distinct unit; a random initialisation breaks the symmetry.
///
/// Network: `depth` hidden layers of `width` units (with zero-initialised bias) and a linear
/// head, all weights from `init`; plain SGD, batch 32, softmax cross-entropy (MSE for `teacher`).
public struct SymmetryExperiment: Experiment {
    /// Creates the experiment.
    public init() {}

    public var name: String { "symmetry" }
    public var summary: String { "Distinct hidden units after training from zeros, a constant, or random weights." }
    static let initializers = CatalogSupport.initializers(default: ["zeros", "constant(value=0.1)", "normal(std=0.1)"])
    static let activation = CatalogSupport.activation(default: "tanh")
    static let depth = CatalogSupport.depth(default: 2)
    static let width = CatalogSupport.width(default: 16)
    static let epochs = CatalogSupport.epochs(default: 20)
    static let learningRate = CatalogSupport.learningRate(default: 0.1)
    static let dataset = CatalogSupport.dataset(default: .spirals)
    /// Distinct units per hidden layer after training.
    static let units = ExperimentOutputs.Table("units", columns: ["init", "layer", "distinct_units", "width"])

    public var parameters: [ExperimentParameter] {
        [
            Self.initializers.declaration, Self.activation.declaration, CatalogSupport.slope.declaration,
            Self.depth.declaration, Self.width.declaration, Self.epochs.declaration,
            Self.learningRate.declaration, Self.dataset.declaration, CatalogSupport.seed.declaration,
        ]
    }

    public func outputs(for values: ParameterValues) -> ExperimentOutputs {
        ExperimentOutputs(tables: [Self.units], series: ["loss"])
    }

    public func run(_ values: ParameterValues) throws(ExperimentError) -> ExperimentResult {
        let activation = try CatalogSupport.activation(values[Self.activation], values)
        let depth = values[Self.depth], width = values[Self.width], epochs = values[Self.epochs]
        let learningRate = values[Self.learningRate]
        let root = CatalogSupport.stream(values)
        let specs = values[Self.initializers]
        try TrainingRun.budget(
            experiment: name, width: width, depth: depth, epochs: epochs, batch: 32, networks: specs.count
        ).check()
        let data = try TrainingRun.data(values[Self.dataset], stream: root.substream(1))
        let runs = try TrainingRun.concurrently(specs.count) { index throws(NetLabError) in
            try TrainingRun.run(
                spec: specs[index], data: data, depth: depth, width: width, activation: activation,
                bias: true, optimizer: .sgd, learningRate: learningRate, epochs: epochs,
                batchSize: 32, stream: root.substream(2))
        }
        var table = ResultTable(Self.units)
        var series: [ResultSeries] = []
        var notes: [String] = []
        for (spec, run) in zip(specs, runs) {
            for (index, layer) in run.network.layers.dropLast().enumerated() {
                table.rows.append([
                    .text(spec), .integer(index + 1), .integer(DistinctUnits.count(layer)), .integer(width),
                ])
            }
            series.append(
                ResultSeries(
                    group: "loss", label: spec, xLabel: "epoch", yLabel: "train loss",
                    x: run.history.epochs.map { Double($0.epoch) },
                    y: run.history.epochs.map(\.trainLoss), divergedAt: run.history.divergedAt))
            if let step = run.history.divergedAt { notes.append(CatalogSupport.divergenceNote(spec, step: step)) }
        }
        notes.append("units count as one when their incoming weights and bias agree within 1e-6·(1 + max|w|)")
        return ExperimentResult(
            experiment: name, parameters: values.settings, tables: [table], series: series, notes: notes)
    }
}
