import Foundation
import Testing
import WeightInit

@testable import NetLab

/// The allocation-free training step (``TrainingWorkspace``) against the step loop it replaced.
@Suite struct TrainingWorkspaceTests {
    /// The old step loop: forward, loss, backward and update through the public API, with the
    /// same finiteness checks; the reference the workspace must match bit for bit. It stops after
    /// `maxSteps` steps, recording a partial last epoch (the contract of ``Trainer/maxSteps``).
    static func referenceTraining(
        _ network: inout MLP, data: DatasetSplit, epochs: Int, batchSize: Int, loss: any Loss,
        optimizer: inout any Optimizer, stream: RandomStream,
        maxSteps: Int = .max
    ) throws -> TrainingHistory {
        var history = TrainingHistory()
        let count = data.train.count
        for epoch in 1...max(1, epochs) where epoch <= epochs && history.steps < maxSteps {
            var shuffleStream = stream.substream(UInt64(epoch))
            let order = SeededPermutation.make(count: count, stream: &shuffleStream)
            var total = 0.0
            var batches = 0
            for start in stride(from: 0, to: count, by: batchSize) where history.steps < maxSteps {
                let batch = data.train.subset(order[start..<min(count, start + batchSize)])
                history.steps += 1
                let trace = try network.forward(batch.inputs)
                let evaluation = try loss.evaluate(trace.output, targets: batch.targets)
                guard evaluation.value.isFinite, evaluation.gradient.isFinite else {
                    history.divergedAt = history.steps
                    return history
                }
                let gradients = try network.backward(trace, outputGradient: evaluation.gradient)
                guard gradients.isFinite else {
                    history.divergedAt = history.steps
                    return history
                }
                optimizer.update(&network, with: gradients)
                guard network.isFinite else {
                    history.divergedAt = history.steps
                    return history
                }
                total += evaluation.value
                batches += 1
            }
            let test = try Evaluation.of(network, on: data.test, loss: loss)
            history.epochs.append(
                .init(
                    epoch: epoch, trainLoss: total / Double(max(1, batches)),
                    testLoss: test.loss, testAccuracy: test.accuracy))
        }
        return history
    }

    /// The allocation-free trainer gives the same network and history as the reference loop, bit
    /// for bit, for fused and unfused activations, every optimiser, classification and
    /// regression, a last batch smaller than the others, a diverging run, and on every path.
    @Test(arguments: [
        (Activation.relu, OptimizerKind.sgd, 0.05), (.tanh, .momentum, 0.05), (.sigmoid, .adam, 0.01),
        (.leakyRelu(slope: -0.1), .sgd, 0.05), (.gelu, .momentum, 0.02), (.relu, .sgd, 1e9),
    ])
    func workspaceTrainingEqualsTheReferenceLoop(
        activation: Activation, optimizer kind: OptimizerKind, rate: Double
    ) throws {
        let classification = try DigitsLoader.bundledSplit()
        let regression = try TeacherRegression.split(train: 150, test: 40, stream: RandomStream(seed: 3))
        for data in [classification, regression] {
            let configuration = MLPConfiguration.uniform(
                inputWidth: data.train.features, width: 24, depth: 2,
                outputWidth: data.train.outputWidth, activation: activation,
                bias: true, initializer: "xavier-normal")
            let initial = try MLP(configuration, stream: RandomStream(seed: 5))
            let trainer = Trainer(epochs: 2, batchSize: 64, loss: Trainer.defaultLoss(for: data.train))
            var expectedNetwork = initial
            var expectedOptimizer = kind.make(learningRate: Float(rate))
            let expected = try Self.referenceTraining(
                &expectedNetwork, data: data, epochs: 2, batchSize: 64, loss: trainer.loss,
                optimizer: &expectedOptimizer, stream: RandomStream(seed: 6))
            for kernel in KernelISA.supported {
                var network = initial
                var optimizer = kind.make(learningRate: Float(rate))
                let history = try trainer.train(
                    &network, on: data, optimizer: &optimizer, stream: RandomStream(seed: 6), kernel: kernel)
                #expect(history == expected, "\(activation) \(kind) on \(kernel.rawValue)")
                #expect(
                    network == expectedNetwork || !expectedNetwork.isFinite,
                    "\(activation) \(kind) on \(kernel.rawValue)")
            }
        }
    }
}
