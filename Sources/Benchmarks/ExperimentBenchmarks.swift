import Experiments
import Foundation
import NetLab
import WeightInit
import Workbook

extension StandardBenchmarks {
    /// One `forward-stats` run and one epoch of the `training` experiment's default network.
    static var experimentCases: [BenchmarkCase] {
        [
            BenchmarkCase(
                name: "forward-stats-tanh-d10-w500-n1000",
                summary:
                    "forward-stats, one init (xavier-normal): inputs, weights, 10 tanh layers of 500 on 1000 "
                    + "samples, mean/std and 40-bin histograms",
                floor: forwardProductsName
            ) {
                let overrides: [(name: String, value: String)] = [
                    ("init", "xavier-normal"), ("activation", "tanh"), ("depth", "10"), ("width", "500"),
                    ("samples", "1000"), ("bins", "40"),
                ]
                return { _ = try ExperimentRegistry.standard.run("forward-stats", overrides: overrides) }
            },
            BenchmarkCase(
                name: "training-epoch-digits",
                summary:
                    "one SGD epoch (batch 64, lr 0.05) of the training experiment's network on digits (64→4×128 "
                    + "relu→10), then test evaluation"
            ) {
                let data = try DatasetKind.digits.load(stream: RandomStream(seed: 1).substream(1))
                let configuration = MLPConfiguration.uniform(
                    inputWidth: data.train.features, width: 128, depth: 4,
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

    /// The name of the case timing forward-stats' matrix products alone.
    static let forwardProductsName = "forward-stats-products-d10-w500-n1000"

    /// The name of the whole-process case.
    public static let processCaseName = "process-forward-stats"

    /// The `workbook` arguments of the whole-process case: what a student types, with JSON output.
    public static let processArguments = ["run", "forward-stats", "--set", "init=xavier-normal", "--format", "json"]

    /// forward-stats' ten products h·Wᵀ alone (its floor), and a whole `workbook run forward-stats`
    /// process as a student starts it (posix_spawn to waitpid).
    static var floorCases: [BenchmarkCase] {
        let (samples, width, depth) = (1000, 500, 10)
        return [
            BenchmarkCase(
                name: forwardProductsName,
                summary:
                    "the \(depth) products h·Wᵀ (\(samples)×\(width) · (\(width)×\(width))ᵀ) of forward-stats alone: "
                    + "its floor",
                operations: Double(2 * samples * width * width * depth)
            ) {
                var stream = RandomStream(seed: 1)
                let h = GaussianInputs.matrix(rows: samples, columns: width, stream: &stream)
                let weights = (0..<depth).map { _ in GaussianInputs.matrix(rows: width, columns: width, stream: &stream)
                }
                return {
                    for w in weights { _ = try MatrixMultiply.productTransposedB(h, w) }
                }
            },
            BenchmarkCase(
                name: processCaseName,
                summary: "a whole `workbook \(processArguments.joined(separator: " "))` process (output discarded)",
                floor: forwardProductsName
            ) {
                let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
                return {
                    let (status, errors) = try SpawnedProcess.run(executable, arguments: processArguments)
                    guard status == 0 else {
                        throw BenchmarkError.processFailed(
                            command: processArguments.joined(separator: " "),
                            message: "exit status \(status): \(String(decoding: errors, as: UTF8.self))")
                    }
                }
            },
        ]
    }

    /// The full site build of `Chapters/` (every experiment, no cache) into a temporary folder.
    /// Swift only: the NumPy reference has no counterpart. Run from the repository root.
    static var siteBuildCases: [BenchmarkCase] {
        [
            BenchmarkCase(name: "site-build", summary: "workbook build of Chapters/ into a temporary folder (no cache)")
            {
                let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
                let chapters = root.appendingPathComponent("Chapters")
                return {
                    let output = FileManager.default.temporaryDirectory
                        .appendingPathComponent("workbook-bench-site-\(UUID().uuidString)")
                    defer { try? FileManager.default.removeItem(at: output) }
                    var builder = SiteBuilder(
                        chaptersDirectory: chapters, outputDirectory: output,
                        repositoryRoot: root, registry: ExperimentRegistry.standard)
                    builder.usesCache = false
                    try builder.build()
                }
            },
            BenchmarkCase(
                name: "site-build-clean",
                summary: "site build with nothing cached: every chapter's cells compiled, every experiment run"
            ) {
                let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
                return {
                    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
                        "workbook-bench-clean-\(UUID().uuidString)")
                    defer { try? FileManager.default.removeItem(at: scratch) }
                    var builder = SiteBuilder(
                        chaptersDirectory: root.appendingPathComponent("Chapters"),
                        outputDirectory: scratch.appendingPathComponent("site"),
                        repositoryRoot: root, registry: ExperimentRegistry.standard)
                    builder.cacheDirectory = scratch.appendingPathComponent("cache")
                    try builder.build()
                }
            },
            editCase(
                name: "site-rebuild-cell-edit",
                summary: "cached rebuild after editing one cell of 04-he-kaiming (recompiles and reruns that chapter)",
                edit: { $0.replacingOccurrences(of: "//| id: relu\n", with: "//| id: relu\n// edit \($1)\n") }),
            editCase(
                name: "site-rebuild-prose-edit",
                summary: "cached rebuild after editing prose of 04-he-kaiming (nothing recompiled or rerun)",
                edit: { $0 + "\nAn edited sentence, version \($1).\n" }),
        ]
    }

    /// A cached rebuild after `edit` changes `04-he-kaiming.md` (a copy); each run makes a new edit.
    static func editCase(
        name: String, summary: String, edit: @escaping @Sendable (String, Int) -> String
    ) -> BenchmarkCase {
        BenchmarkCase(name: name, summary: summary) {
            let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let folder = try ScratchFolder(prefix: "workbook-bench-edit")
            let scratch = folder.url
            let chapters = scratch.appendingPathComponent("Chapters")
            try FileManager.default.copyItem(at: root.appendingPathComponent("Chapters"), to: chapters)
            let file = chapters.appendingPathComponent("04-he-kaiming.md")
            let original = try String(contentsOf: file, encoding: .utf8)
            var builder = SiteBuilder(
                chaptersDirectory: chapters, outputDirectory: scratch.appendingPathComponent("site"),
                repositoryRoot: root, registry: ExperimentRegistry.standard)
            builder.cacheDirectory = scratch.appendingPathComponent("cache")
            builder.usesCache = true
            try builder.build()
            let warmed = builder
            let counter = Box(0)
            return {
                counter.value += 1
                try Data(edit(original, counter.value).utf8).write(to: file)
                try warmed.build()
                _ = folder  // removed with the last run's closure
            }
        }
    }
}
