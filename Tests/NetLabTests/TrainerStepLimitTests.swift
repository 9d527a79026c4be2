import NetLab
import Testing
import WeightInit

/// ``Trainer/maxSteps``: training stops after exactly that many optimiser steps, mid-epoch if
/// need be, and the steps it takes are those of an unlimited trainer with the same seed.
@Suite struct TrainerStepLimitTests {
    /// 96 training samples in batches of 32: three steps per epoch.
    static let data = TwoSpirals.split(train: 96, test: 32, stream: RandomStream(seed: 1))
    static let batchSize = 32

    static func network() throws -> MLP {
        try MLP(
            .uniform(
                inputWidth: data.train.features, width: 12, depth: 2, outputWidth: data.train.outputWidth,
                activation: .tanh, bias: true, initializer: "xavier-normal"), stream: RandomStream(seed: 2))
    }

    /// Trains a fresh copy of ``network()`` with momentum SGD (so optimiser state matters too).
    static func train(epochs: Int, maxSteps: Int?) throws -> (MLP, TrainingHistory) {
        var network = try network()
        var optimizer = OptimizerKind.momentum.make(learningRate: 0.05)
        let trainer = Trainer(
            epochs: epochs, batchSize: batchSize, loss: Trainer.defaultLoss(for: data.train),
            maxSteps: maxSteps)
        let history = try trainer.train(&network, on: data, optimizer: &optimizer, stream: RandomStream(seed: 3))
        return (network, history)
    }

    @Test(arguments: [1, 2, 4, 5, 7, 8])
    func midEpochLimitTakesExactlyThatManySteps(limit: Int) throws {
        let (network, history) = try Self.train(epochs: 10, maxSteps: limit)
        #expect(history.steps == limit)
        #expect(history.divergedAt == nil)
        // One entry per epoch that took a step, the last one partial.
        #expect(history.epochs.map(\.epoch) == Array(1...((limit + 2) / 3)))
        let last = try #require(history.epochs.last)
        let test = try Evaluation.of(network, on: Self.data.test, loss: Trainer.defaultLoss(for: Self.data.train))
        #expect(last.testLoss == test.loss)
        #expect(last.testAccuracy == test.accuracy)

        // The same steps as the reference loop stopped at `limit`, bit for bit.
        var expectedNetwork = try Self.network()
        var optimizer = OptimizerKind.momentum.make(learningRate: 0.05)
        let expected = try TrainingWorkspaceTests.referenceTraining(
            &expectedNetwork, data: Self.data, epochs: 10, batchSize: Self.batchSize,
            loss: Trainer.defaultLoss(for: Self.data.train), optimizer: &optimizer, stream: RandomStream(seed: 3),
            maxSteps: limit)
        #expect(network == expectedNetwork)
        #expect(history == expected)

        // The full epochs before the limit are exactly those of an unlimited trainer.
        let (_, unlimited) = try Self.train(epochs: 10, maxSteps: nil)
        let full = limit / 3
        #expect(Array(history.epochs.prefix(full)) == Array(unlimited.epochs.prefix(full)))
    }

    @Test(arguments: [1, 2, 3])
    func limitAtAnEpochBoundaryEqualsUnlimitedTraining(epochs: Int) throws {
        let limited = try Self.train(epochs: 10, maxSteps: 3 * epochs)
        let unlimited = try Self.train(epochs: epochs, maxSteps: nil)
        #expect(limited.0 == unlimited.0)
        #expect(limited.1 == unlimited.1)
        #expect(limited.1.steps == 3 * epochs)
    }

    @Test func limitAboveTheEpochsChangesNothing() throws {
        let limited = try Self.train(epochs: 2, maxSteps: 1_000)
        let unlimited = try Self.train(epochs: 2, maxSteps: nil)
        #expect(limited.0 == unlimited.0)
        #expect(limited.1 == unlimited.1)
        #expect(limited.1.steps == 6)
    }

    @Test(arguments: [0, -5])
    func zeroOrNegativeLimitTakesNoStep(limit: Int) throws {
        #expect(Trainer(epochs: 3, batchSize: 8, loss: MeanSquaredError(), maxSteps: limit).maxSteps == 0)
        let (network, history) = try Self.train(epochs: 3, maxSteps: limit)
        #expect(network == (try Self.network()))
        #expect(history.steps == 0)
        #expect(history.epochs.isEmpty)
        #expect(history.divergedAt == nil)
    }

    @Test func divergenceBeforeTheLimitIsReported() throws {
        // ReLU is unbounded, so a huge step overflows within a few steps (tanh would saturate).
        var network = try MLP(
            .uniform(
                inputWidth: Self.data.train.features, width: 12, depth: 2,
                outputWidth: Self.data.train.outputWidth, activation: .relu, bias: true,
                initializer: "kaiming-normal"), stream: RandomStream(seed: 2))
        var optimizer = OptimizerKind.sgd.make(learningRate: 1e9)
        let trainer = Trainer(
            epochs: 10, batchSize: Self.batchSize, loss: Trainer.defaultLoss(for: Self.data.train),
            maxSteps: 20)
        let history = try trainer.train(&network, on: Self.data, optimizer: &optimizer, stream: RandomStream(seed: 3))
        let step = try #require(history.divergedAt)
        #expect(step == history.steps)
        #expect(step < 20)
    }
}
