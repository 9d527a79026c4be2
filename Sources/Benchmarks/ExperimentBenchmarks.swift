import Experiments
import Foundation
import NetLab
import WeightInit
import Workbook

extension StandardBenchmarks {
    /// One `forward-stats` run and one epoch of the `training` experiment's default network.
    static var experimentCases: [BenchmarkCase] {
        [
            BenchmarkCase(name: "forward-stats-tanh-d10-w500-n1000",
                          summary: "forward-stats, one init (xavier-normal): inputs, weights, 10 tanh layers of 500 on 1000 samples, mean/std and 40-bin histograms") {
                let overrides: [(name: String, value: String)] = [
                    ("init", "xavier-normal"), ("activation", "tanh"), ("depth", "10"), ("width", "500"),
                    ("samples", "1000"), ("bins", "40"),
                ]
                return { _ = try ExperimentRegistry.standard.run("forward-stats", overrides: overrides) }
            },
            BenchmarkCase(name: "training-epoch-digits",
                          summary: "one SGD epoch (batch 64, lr 0.05) of the training experiment's network on digits (64→4×128 relu→10), then test evaluation") {
                let data = try DatasetKind.digits.load(stream: RandomStream(seed: 1).substream(1))
                let configuration = MLPConfiguration.uniform(inputWidth: data.train.features, width: 128, depth: 4,
                                                             outputWidth: data.train.outputWidth, activation: .relu,
                                                             bias: true, initializer: "xavier-normal")
                let root = RandomStream(seed: 1).substream(2)
                let initial = try MLP(configuration, stream: root.substream(0))
                let trainer = Trainer(epochs: 1, batchSize: 64, loss: Trainer.defaultLoss(for: data.train))
                return {
                    var network = initial
                    var optimizer: any Optimizer = SGD(learningRate: 0.05)
                    _ = try trainer.train(&network, on: data, optimizer: &optimizer, stream: root.substream(1))
                }
            },
        ]
    }

    /// The full site build of `Chapters/` (every experiment, no cache) into a temporary folder.
    /// Swift only: the NumPy reference has no counterpart. Run from the repository root.
    static var siteBuildCases: [BenchmarkCase] {
        [
            BenchmarkCase(name: "site-build", summary: "workbook build of Chapters/ into a temporary folder (no cache)") {
                let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
                let chapters = root.appendingPathComponent("Chapters")
                return {
                    let output = FileManager.default.temporaryDirectory
                        .appendingPathComponent("workbook-bench-site-\(UUID().uuidString)")
                    defer { try? FileManager.default.removeItem(at: output) }
                    var builder = SiteBuilder(chaptersDirectory: chapters, outputDirectory: output,
                                              repositoryRoot: root, registry: ExperimentRegistry.standard)
                    builder.usesCache = false
                    try builder.build()
                }
            },
        ]
    }
}
