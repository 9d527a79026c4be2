/// What a training run recorded, epoch by epoch.
public struct TrainingHistory: Sendable, Equatable {
    /// One completed epoch.
    public struct Epoch: Sendable, Equatable {
        /// 1-based epoch number.
        public var epoch: Int
        /// Mean of the mini-batch losses of the epoch.
        public var trainLoss: Double
        /// Loss on the test set after the epoch.
        public var testLoss: Double
        /// Fraction of test samples classified correctly (nil for regression).
        public var testAccuracy: Double?
    }

    /// Completed epochs (a diverged run stops early).
    public var epochs: [Epoch] = []
    /// The 1-based optimisation step at which a loss, gradient or parameter became non-finite.
    public var divergedAt: Int?
    /// Optimisation steps taken.
    public var steps = 0
}
