import Foundation
import NetLab
import Testing
import WeightInit

/// Training, symmetry, divergence, LSUV and data loading.
@Suite struct TrainingTests {
    static func train(
        _ spec: String, optimizer: OptimizerKind = .sgd, learningRate: Float = 0.1, epochs: Int = 5,
        activation: Activation = .tanh, data: DatasetSplit
    ) throws -> (MLP, TrainingHistory) {
        var network = try MLP(
            .uniform(
                inputWidth: data.train.features, width: 16, depth: 2,
                outputWidth: data.train.outputWidth, activation: activation, bias: true, initializer: spec),
            stream: RandomStream(seed: 8))
        var opt = optimizer.make(learningRate: learningRate)
        let history = try Trainer(epochs: epochs, batchSize: 32, loss: Trainer.defaultLoss(for: data.train))
            .train(&network, on: data, optimizer: &opt, stream: RandomStream(seed: 9))
        return (network, history)
    }

    @Test(arguments: ["zeros", "constant(value=0.1)"])
    func symmetricInitStaysAtOneDistinctUnit(spec: String) throws {
        let (network, history) = try Self.train(
            spec, data: TwoSpirals.split(train: 128, test: 32, stream: RandomStream(seed: 1)))
        #expect(history.divergedAt == nil)
        for layer in network.layers.dropLast() { #expect(DistinctUnits.count(layer) == 1) }
    }

    @Test func randomInitGivesDistinctUnits() throws {
        let (network, _) = try Self.train(
            "normal(std=0.1)", data: TwoSpirals.split(train: 128, test: 32, stream: RandomStream(seed: 1)))
        for layer in network.layers.dropLast() { #expect(DistinctUnits.count(layer) == 16) }
    }

    @Test(arguments: OptimizerKind.allCases)
    func everyOptimizerReducesTheLoss(kind: OptimizerKind) throws {
        let data = GaussianClassification.split(train: 256, test: 64, stream: RandomStream(seed: 2))
        let (_, history) = try Self.train(
            "xavier-normal", optimizer: kind, learningRate: kind == .adam ? 0.01 : 0.1,
            epochs: 6, data: data)
        let first = try #require(history.epochs.first), last = try #require(history.epochs.last)
        #expect(last.trainLoss < first.trainLoss)
        #expect((last.testAccuracy ?? 0) > 0.5)
    }

    @Test func hugeLearningRateIsReportedAsDivergence() throws {
        let data = GaussianClassification.split(train: 128, test: 32, stream: RandomStream(seed: 2))
        let (_, history) = try Self.train("kaiming-normal", learningRate: 1e9, epochs: 5, activation: .relu, data: data)
        let step = try #require(history.divergedAt)
        #expect(step >= 1 && step <= history.steps)
    }

    @Test func sameSeedSameTraining() throws {
        let data = TwoSpirals.split(train: 96, test: 32, stream: RandomStream(seed: 1))
        let a = try Self.train("xavier-normal", epochs: 2, data: data)
        let b = try Self.train("xavier-normal", epochs: 2, data: data)
        #expect(a.0 == b.0)
        #expect(a.1 == b.1)
    }

    @Test func lsuvReachesUnitVariance() throws {
        var stream = RandomStream(seed: 6)
        let x = GaussianInputs.matrix(rows: 64, columns: 64, stream: &stream)
        var network = try MLP(
            MLPConfiguration(
                inputWidth: 64, widths: [64, 64, 64], activation: .tanh, bias: false,
                weightInitializers: ["orthogonal"]), stream: RandomStream(seed: 7))
        let reports = try LSUV.normalize(&network, batch: x, tolerance: 0.05, maxIterations: 10)
        #expect(reports.count == 3)
        for report in reports { #expect(abs(report.finalVariance - 1) < 0.05) }
    }

    @Test func bundledDigitsSplit() throws {
        let split = try DigitsLoader.bundledSplit()
        #expect(split.train.count == 1437)
        #expect(split.test.count == 360)
        #expect(split.train.features == 64)
        // The declared constants the resource budgets use are the bundled file's sizes.
        #expect(split.train.count == DigitsLoader.trainCount && split.test.count == DigitsLoader.testCount)
        #expect(split.train.count + split.test.count == DigitsLoader.bundledCount)
        #expect(split.train.features == DigitsLoader.pixels && split.train.outputWidth == DigitsLoader.classes)
        #expect(split.train.inputs.scalars.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(try DigitsLoader.bundledSplit() == split)
    }

    @Test func malformedDigitsFileNamesFileAndLine() throws {
        let directory = FileManager.default.temporaryDirectory
        let url = directory.appendingPathComponent("netlab-bad-digits-\(ProcessInfo.processInfo.processIdentifier).csv")
        let good = Array(repeating: "0", count: 64).joined(separator: ",") + ",3"
        let badCount = Array(repeating: "1", count: 10).joined(separator: ",")
        try (good + "\n" + good + "\n" + badCount + "\n").write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try DigitsLoader.load(url)
            Issue.record("expected an error")
        } catch {
            guard case .malformedLine(let file, let line, _) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(file == url.lastPathComponent)
            #expect(line == 3)
            #expect(error.description.hasPrefix("\(url.lastPathComponent):3:"))
        }
        let badValue = Array(repeating: "0", count: 64).joined(separator: ",") + ",x"
        try (good + "\n" + badValue + "\n").write(to: url, atomically: true, encoding: .utf8)
        #expect(
            throws: DigitsError.malformedLine(
                file: url.lastPathComponent, line: 2,
                reason: "label 'x' is not an integer in 0...9")
        ) {
            try DigitsLoader.load(url)
        }
    }

    @Test func generatedDataSetsAreDeterministic() throws {
        for kind in DatasetKind.allCases {
            let a = try kind.load(stream: RandomStream(seed: 4)), b = try kind.load(stream: RandomStream(seed: 4))
            #expect(a == b)
            #expect(a.train.count > 0 && a.test.count > 0)
        }
    }
}
