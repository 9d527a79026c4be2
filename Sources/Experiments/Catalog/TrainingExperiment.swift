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
    public var summary: String { "Train/test curves of one network from several initialisations (diverged runs reported)." }
    public var parameters: [ExperimentParameter] {
        [
            CatalogSupport.initializers(default: "[xavier-normal, kaiming-normal, normal(std=0.01)]"),
            CatalogSupport.depth(default: 4),
            CatalogSupport.width(default: 128),
            CatalogSupport.activation(default: "relu"),
            CatalogSupport.slope,
            ExperimentParameter("optimizer", .choice(OptimizerKind.allCases.map(\.rawValue)), default: "sgd",
                                "sgd, momentum (μ = 0.9) or adam (β = 0.9, 0.999)"),
            CatalogSupport.learningRate(default: "0.05"),
            ExperimentParameter("epochs", .integer(0...1000), default: "20", "passes over the training set"),
            ExperimentParameter("batch", .integer(1...4096), default: "64", "mini-batch size"),
            CatalogSupport.dataset(default: "digits"),
            CatalogSupport.seed,
        ]
    }

    public func run(_ values: ParameterValues) throws -> ExperimentResult {
        let activation = try CatalogSupport.activation(values.word("activation"), values)
        let depth = values.integer("depth"), width = values.integer("width"), epochs = values.integer("epochs")
        let batch = values.integer("batch"), learningRate = values.real("lr")
        let root = CatalogSupport.stream(values)
        let specs = values.specs("init")
        try TrainingRun.budget(experiment: name, width: width, depth: depth, epochs: epochs, batch: values.integer("batch"), networks: specs.count).check()
        let (data, runs) = try CatalogSupport.mapErrors {
            let kind = try OptimizerKind(name: values.word("optimizer"))
            let data = try DatasetKind(name: values.word("dataset")).load(stream: root.substream(1))
            let runs = try TrainingRun.concurrently(specs.count) { index in
                try TrainingRun.run(spec: specs[index], data: data, depth: depth, width: width, activation: activation,
                                    bias: true, optimizer: kind, learningRate: learningRate, epochs: epochs,
                                    batchSize: batch, stream: root.substream(2))
            }
            return (data, runs)
        }
        let classification = data.train.isClassification
        let metric = classification ? "test_accuracy" : "test_loss"
        var epochsTable = ResultTable(name: "epochs", columns: ["init", "epoch", "train_loss", metric])
        var summary = ResultTable(name: "summary", columns: ["init", "final_train_loss", "final_" + metric, "diverged_at"])
        var series: [ResultSeries] = []
        var notes: [String] = []
        for (spec, run) in zip(specs, runs) {
            let history = run.history
            func metricValue(_ epoch: TrainingHistory.Epoch) -> Double {
                classification ? (epoch.testAccuracy ?? .nan) : epoch.testLoss
            }
            for epoch in history.epochs {
                epochsTable.rows.append([.text(spec), .integer(epoch.epoch), .real(epoch.trainLoss), .real(metricValue(epoch))])
            }
            let last = history.divergedAt == nil ? history.epochs.last : nil
            summary.rows.append([.text(spec), .real(last?.trainLoss ?? .nan), .real(last.map(metricValue) ?? .nan),
                                 history.divergedAt.map { .integer($0) } ?? .text("")])
            let x = history.epochs.map { Double($0.epoch) }
            series.append(ResultSeries(group: "loss", label: spec, xLabel: "epoch", yLabel: "train loss",
                                       x: x, y: history.epochs.map(\.trainLoss), divergedAt: history.divergedAt))
            series.append(ResultSeries(group: classification ? "accuracy" : "test_loss", label: spec, xLabel: "epoch",
                                       yLabel: classification ? "test accuracy" : "test loss",
                                       x: x, y: history.epochs.map(metricValue), divergedAt: history.divergedAt))
            if let step = history.divergedAt { notes.append(CatalogSupport.divergenceNote(spec, step: step)) }
        }
        notes.append("\(data.train.name): \(data.train.count) training / \(data.test.count) test samples; "
                     + "\(Trainer.defaultLoss(for: data.train).name) loss")
        return ExperimentResult(experiment: name, parameters: values.settings, tables: [epochsTable, summary],
                                series: series, notes: notes)
    }
}
