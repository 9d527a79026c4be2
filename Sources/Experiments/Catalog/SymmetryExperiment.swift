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
    public var parameters: [ExperimentParameter] {
        [
            CatalogSupport.initializers(default: "[zeros, constant(value=0.1), normal(std=0.1)]"),
            CatalogSupport.activation(default: "tanh"),
            CatalogSupport.slope,
            CatalogSupport.depth(default: 2),
            CatalogSupport.width(default: 16),
            ExperimentParameter("epochs", .integer(0...1000), default: "20", "passes over the training set"),
            CatalogSupport.learningRate(default: "0.1"),
            CatalogSupport.dataset(default: "spirals"),
            CatalogSupport.seed,
        ]
    }

    public func run(_ values: ParameterValues) throws -> ExperimentResult {
        let activation = try CatalogSupport.activation(values.word("activation"), values)
        let depth = values.integer("depth"), width = values.integer("width"), epochs = values.integer("epochs")
        let learningRate = values.real("lr")
        let root = CatalogSupport.stream(values)
        let specs = values.specs("init")
        try TrainingRun.budget(experiment: name, width: width, depth: depth, epochs: epochs, batch: 32, networks: specs.count).check()
        let runs = try CatalogSupport.mapErrors {
            let data = try DatasetKind(name: values.word("dataset")).load(stream: root.substream(1))
            return try TrainingRun.concurrently(specs.count) { index in
                try TrainingRun.run(spec: specs[index], data: data, depth: depth, width: width, activation: activation,
                                    bias: true, optimizer: .sgd, learningRate: learningRate, epochs: epochs,
                                    batchSize: 32, stream: root.substream(2))
            }
        }
        var table = ResultTable(name: "units", columns: ["init", "layer", "distinct_units", "width"])
        var series: [ResultSeries] = []
        var notes: [String] = []
        for (spec, run) in zip(specs, runs) {
            for (index, layer) in run.network.layers.dropLast().enumerated() {
                table.rows.append([.text(spec), .integer(index + 1), .integer(DistinctUnits.count(layer)), .integer(width)])
            }
            series.append(ResultSeries(group: "loss", label: spec, xLabel: "epoch", yLabel: "train loss",
                                       x: run.history.epochs.map { Double($0.epoch) },
                                       y: run.history.epochs.map(\.trainLoss), divergedAt: run.history.divergedAt))
            if let step = run.history.divergedAt { notes.append(CatalogSupport.divergenceNote(spec, step: step)) }
        }
        notes.append("units count as one when their incoming weights and bias agree within 1e-6·(1 + max|w|)")
        return ExperimentResult(experiment: name, parameters: values.settings, tables: [table], series: series, notes: notes)
    }
}
