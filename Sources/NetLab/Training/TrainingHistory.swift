/// What a training run recorded, epoch by epoch.
public struct TrainingHistory: Sendable, Equatable {
    /// One epoch: a full pass, or the last one when ``Trainer/maxSteps`` ended it early.
    public struct Epoch: Sendable, Equatable {
        /// 1-based epoch number.
        public var epoch: Int
        /// Mean of the mini-batch losses of the epoch (of the batches taken, if it ended early).
        public var trainLoss: Double
        /// Loss on the test set after the epoch.
        public var testLoss: Double
        /// Fraction of test samples classified correctly (nil for regression).
        public var testAccuracy: Double?
    }

    /// Epochs that took at least one step; a diverged run stops and omits the epoch it diverged in.
    public var epochs: [Epoch] = []
    /// The 1-based optimisation step at which a loss, gradient or parameter became non-finite.
    public var divergedAt: Int?
    /// Optimisation steps taken (at most ``Trainer/maxSteps`` when that is set).
    public var steps = 0
}
