import NetLab
import WeightInit

/// `training`: train the same network from several initialisations and compare learning curves.
///
/// Network: `depth` hidden layers of `width` units with zero-initialised biases and a linear head;
/// softmax cross-entropy for classification data sets. For `dataset=teacher` (regression, MSE)
/// the accuracy columns are replaced by the test loss: table `epochs` has `test_loss` instead of
/// `test_accuracy`, `summary` has `final_test_loss`, and the second series group is `test_loss`.
/// A run whose loss, gradients or weights become non-finite stops and reports the step.
public struct TrainingExperiment: Experiment {
    /// Creates the experiment.
    public init() {}

    public var name: String { "training" }
    public var summary: String {
        "Train/test curves of one network from several initialisations (diverged runs reported)."
    }
    static let initializers = CatalogSupport.initializers(default: [
        "xavier-normal", "kaiming-normal", "normal(std=0.01)",
    ])
    static let depth = CatalogSupport.depth(default: 4)
    static let width = CatalogSupport.width(default: 128)
    static let activation = CatalogSupport.activation(default: "relu")
    static let optimizer = Parameter.choice(
        "optimizer", OptimizerKind.allCases.map(\.rawValue), default: "sgd",
        "sgd, momentum (μ = 0.9) or adam (β = 0.9, 0.999)")
    static let learningRate = CatalogSupport.learningRate(default: 0.05)
    static let epochs = CatalogSupport.epochs(default: 20)
    static let batch = Parameter.integer("batch", in: 1...4096, default: 64, "mini-batch size")
    static let dataset = CatalogSupport.dataset(default: .digits)

    public var parameters: [ExperimentParameter] {
        [
            Self.initializers.declaration, Self.depth.declaration, Self.width.declaration,
            Self.activation.declaration, CatalogSupport.slope.declaration, Self.optimizer.declaration,
            Self.learningRate.declaration, Self.epochs.declaration, Self.batch.declaration,
            Self.dataset.declaration, CatalogSupport.seed.declaration,
        ]
    }

    /// Classification data sets report accuracy; `teacher` (regression) reports the test loss.
    public func outputs(for values: ParameterValues) -> ExperimentOutputs {
        let classification = values[Self.dataset] != DatasetKind.teacher.rawValue
        let metric = classification ? "test_accuracy" : "test_loss"
        return ExperimentOutputs(
            tables: [
                .init("epochs", columns: ["init", "epoch", "train_loss", metric]),
                .init("summary", columns: ["init", "final_train_loss", "final_" + metric, "diverged_at"]),
            ],
            series: ["loss", classification ? "accuracy" : "test_loss"])
    }

    public func run(_ values: ParameterValues) throws(ExperimentError) -> ExperimentResult {
        let activation = try CatalogSupport.activation(values[Self.activation], values)
        let depth = values[Self.depth], width = values[Self.width], epochs = values[Self.epochs]
        let batch = values[Self.batch], learningRate = values[Self.learningRate]
        let root = CatalogSupport.stream(values)
        let specs = values[Self.initializers]
        try TrainingRun.budget(
            experiment: name, width: width, depth: depth, epochs: epochs, batch: batch, networks: specs.count
        ).check()
        let kind = try ExperimentError.network { () throws(NetLabError) in
            try OptimizerKind(name: values[Self.optimizer])
        }
        let data = try TrainingRun.data(values[Self.dataset], stream: root.substream(1))
        let runs = try TrainingRun.concurrently(specs.count) { index throws(NetLabError) in
            try TrainingRun.run(
                spec: specs[index], data: data, depth: depth, width: width, activation: activation,
                bias: true, optimizer: kind, learningRate: learningRate, epochs: epochs,
                batchSize: batch, stream: root.substream(2))
        }
        let classification = data.train.isClassification
        let outputs = outputs(for: values)
        var epochsTable = ResultTable(outputs.tables[0])
        var summary = ResultTable(outputs.tables[1])
        var series: [ResultSeries] = []
        var notes: [String] = []
        for (spec, run) in zip(specs, runs) {
            let history = run.history
            func metricValue(_ epoch: TrainingHistory.Epoch) -> Double {
                classification ? (epoch.testAccuracy ?? .nan) : epoch.testLoss
            }
            for epoch in history.epochs {
                epochsTable.rows.append([
                    .text(spec), .integer(epoch.epoch), .real(epoch.trainLoss), .real(metricValue(epoch)),
                ])
            }
            let last = history.divergedAt == nil ? history.epochs.last : nil
            summary.rows.append([
                .text(spec), .real(last?.trainLoss ?? .nan), .real(last.map(metricValue) ?? .nan),
                history.divergedAt.map { .integer($0) } ?? .text(""),
            ])
            let x = history.epochs.map { Double($0.epoch) }
            series.append(
                ResultSeries(
                    group: "loss", label: spec, xLabel: "epoch", yLabel: "train loss",
                    x: x, y: history.epochs.map(\.trainLoss), divergedAt: history.divergedAt))
            series.append(
                ResultSeries(
                    group: outputs.series[1], label: spec, xLabel: "epoch",
                    yLabel: classification ? "test accuracy" : "test loss",
                    x: x, y: history.epochs.map(metricValue), divergedAt: history.divergedAt))
            if let step = history.divergedAt { notes.append(CatalogSupport.divergenceNote(spec, step: step)) }
        }
        notes.append(
            "\(data.train.name): \(data.train.count) training / \(data.test.count) test samples; "
                + "\(Trainer.defaultLoss(for: data.train).name) loss")
        return ExperimentResult(
            experiment: name, parameters: values.settings, tables: [epochsTable, summary],
            series: series, notes: notes)
    }
}
