import WeightInit

/// Mini-batch training with a seeded shuffle and divergence detection.
///
/// Each epoch visits the training set in the order of a Fisher–Yates permutation drawn from
/// `stream.substream(epoch)`, in batches of `batchSize` (the last one may be smaller). A step
/// computes the loss, back-propagates, and updates the parameters; if the loss, any gradient or
/// any parameter becomes non-finite, training stops and the step is recorded as
/// ``TrainingHistory/divergedAt`` — a diverging run is a result, not a crash. With a step limit
/// (``maxSteps``), training stops after that many steps, mid-epoch if need be; the steps taken
/// are exactly those of an unlimited trainer with the same seed, up to the limit.
public struct Trainer: Sendable {
    /// Passes over the training set.
    public var epochs: Int
    /// Samples per mini-batch.
    public var batchSize: Int
    /// The objective.
    public var loss: any Loss
    /// The most optimiser steps to take (nil: no limit). Training ends after `epochs` epochs or
    /// `maxSteps` steps, whichever comes first; a limit reached mid-epoch ends that epoch early.
    public var maxSteps: Int?

    /// A trainer; `epochs` ≥ 0, `batchSize` ≥ 1 and `maxSteps` ≥ 0 are enforced by clamping.
    public init(epochs: Int, batchSize: Int, loss: any Loss, maxSteps: Int? = nil) {
        self.epochs = max(0, epochs)
        self.batchSize = max(1, batchSize)
        self.loss = loss
        self.maxSteps = maxSteps.map { max(0, $0) }
    }

    /// The loss that fits a data set: softmax cross-entropy for classification, MSE for regression.
    public static func defaultLoss(for dataset: Dataset) -> any Loss {
        dataset.isClassification ? SoftmaxCrossEntropy() : MeanSquaredError()
    }

    /// Trains `network` in place on `data.train`, evaluating on `data.test` after every epoch.
    ///
    /// Steps run on a ``TrainingWorkspace`` allocated once here: gathering a batch, the fused
    /// forward and backward products, the loss and the finiteness checks write into its fixed
    /// buffers, so the step loop allocates nothing (the optimiser's update is in place too).
    /// The values are those of ``MLP/forward(_:)``, the loss and ``MLP/backward(_:outputGradient:)``.
    /// An epoch cut short by ``maxSteps`` is recorded like a full one: its training loss is the
    /// mean over the batches it took, its test figures are those after its last step.
    public func train(
        _ network: inout MLP, on data: DatasetSplit, optimizer: inout any Optimizer,
        stream: RandomStream
    ) throws(NetLabError) -> TrainingHistory {
        try train(&network, on: data, optimizer: &optimizer, stream: stream, kernel: .selected)
    }

    /// ``train(_:on:optimizer:stream:)`` with every step's kernels on the `kernel` path.
    func train(
        _ network: inout MLP, on data: DatasetSplit, optimizer: inout any Optimizer,
        stream: RandomStream, kernel: KernelISA
    ) throws(NetLabError) -> TrainingHistory {
        var history = TrainingHistory()
        let count = data.train.count
        guard count > 0 else { return history }
        if network.layers.isEmpty {
            throw .invalidConfiguration(
                name: "layers", value: "0", expected: "a network with at least one layer to train")
        }
        if network.inputWidth != data.train.features {
            throw .shapeMismatch(
                operation: "DenseLayer.preActivation", expected: "\(network.inputWidth) input columns",
                actual: "\(data.train.features)")
        }
        let workspace = TrainingWorkspace(
            network: network, data: data.train, maxRows: min(batchSize, count), loss: loss,
            isa: kernel)
        let stepLimit = maxSteps ?? Int.max
        for epoch in 1...max(1, epochs) where epoch <= epochs {
            if history.steps >= stepLimit { break }
            var shuffleStream = stream.substream(UInt64(epoch))
            let order = SeededPermutation.make(count: count, stream: &shuffleStream)
            var total = 0.0
            var batches = 0
            for start in stride(from: 0, to: count, by: batchSize) {
                if history.steps >= stepLimit { break }
                history.steps += 1
                guard
                    let value = try workspace.step(
                        &network, samples: order[start..<min(count, start + batchSize)],
                        data: data.train, optimizer: &optimizer)
                else {
                    history.divergedAt = history.steps
                    return history
                }
                total += value
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
}
